// Fail at once, with the fix, when there is no browser: e2e tests never skip silently.
import { findChromium } from './harness';

export default function setup(): void {
  findChromium();
}
