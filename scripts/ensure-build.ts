// Builds the web app when it is missing or older than its sources (used by `npm start`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'build/server/index.js');

function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    latest = Math.max(latest, name.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sourcesChanged = () =>
  Math.max(newest(join(root, 'web')), newest(join(root, 'common')), newest(join(root, 'public'))) >
  statSync(entry).mtimeMs;

if (!existsSync(entry) || sourcesChanged()) {
  console.log('Building the web app…');
  execFileSync(join(root, 'node_modules/.bin/react-router'), ['build'], { cwd: root, stdio: 'inherit' });
}
