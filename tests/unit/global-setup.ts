// Unit tests read the compiled knowledge; build it from the source files first.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/kb-build.ts'], { stdio: 'inherit' });
}
