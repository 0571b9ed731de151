/** Where the packaged extension is: what `npm run package` wrote, or the file env EXECPLAN_E2E_VSIX names. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  name: string;
  version: string;
}

export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/**
 * The .vsix under test. `npm run test:e2e` packages first; running mocha by hand needs
 * `npm run package` before (or EXECPLAN_E2E_VSIX=/path/to/other.vsix, e.g. a deliberately broken build).
 */
export function vsixPath(): string {
  const override = process.env.EXECPLAN_E2E_VSIX?.trim();
  const { name, version } = manifest();
  const file = override ? path.resolve(override) : path.join(repoRoot, `${name}-${version}.vsix`);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} does not exist: run \`npm run package\` first (npm run test:e2e does)`);
  }
  return file;
}
