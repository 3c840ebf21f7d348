// Starts Cercle for the browser tests: a fresh embedded database, a known platform admin, port 3210.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, '.e2e-data');
rmSync(dataDir, { recursive: true, force: true });
const child = spawn(join(root, 'node_modules/.bin/node'), [join(root, 'server/main.ts'), 'serve'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '3210',
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://localhost:3210',
    CERCLE_ADMIN_EMAIL: 'admin@e2e.test',
    CERCLE_ADMIN_PASSWORD: 'e2e-admin-password',
    LOG_LEVEL: 'warn',
    // The browser tests stand in for a reverse proxy: each spec sends its own X-Forwarded-For, so the
    // per-address auth rate limits apply per spec instead of to the whole run.
    TRUST_PROXY: 'true',
  },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
