/**
 * happy-dom lays nothing out, so its IntersectionObserver never reports and
 * nothing would ever count as near the viewport: every test file gets the
 * stand-in, which calls every element near unless the test says otherwise.
 */
import { beforeEach } from 'vitest';
import { installFakeViewport } from './helpers/fake-viewport';

beforeEach(() => {
  installFakeViewport(window as unknown as Window & typeof globalThis);
});
