// Fail at once, with the fix, when there is no Firefox or no Firefox build: never skip silently.
import { findFirefox, requireFirefoxBuild } from './harness';

export default function setup(): void {
  findFirefox();
  requireFirefoxBuild();
}
