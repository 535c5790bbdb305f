import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Real Firefox (Debian's firefox-esr) with the Firefox build; one file at a time on a 2-core machine.
export default defineConfig({
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    bail: 1,
  },
});
