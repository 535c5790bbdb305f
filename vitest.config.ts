import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/unit/global-setup.ts'],
    setupFiles: ['tests/unit/setup-viewport.ts'],
    // Property-based and randomised-DOM tests run thousands of cases; on a shared 2-core CI machine
    // 5 s is not enough. Speed is measured by `npm run bench`, never by test timeouts.
    testTimeout: 60_000,
  },
});
