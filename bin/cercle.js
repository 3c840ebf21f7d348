#!/usr/bin/env node
// Runs the Cercle CLI with the project's Node 24 (installed as a dev dependency) whatever the system Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const local = join(root, 'node_modules', '.bin', 'node');
const node = existsSync(local) ? local : process.execPath;
const result = spawnSync(node, [join(root, 'server', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
