import { buildApp } from './app.ts';
import { backupEmbedded, restoreEmbedded } from './cli/backup.ts';
import { seedDemo } from './cli/seed-demo.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { resolveActor } from './platform/http/request-context.ts';
import { createKernel, type Kernel } from './platform/kernel.ts';
import { createPlatformAdmin } from './modules/identity/commands/create-platform-admin.ts';
import { ensureFirstAdmin } from './modules/identity/commands/setup.ts';

const USAGE = `Usage: cercle [command]
  serve                         start Cercle (default)
  migrate                       apply database migrations and exit
  create-admin --email E --password P [--name N]
                                create (or promote) a platform administrator
  seed demo                     create the French demo community "Véloce"
  backup <file>                 copy the embedded database to a file (Cercle stopped)
  restore <file>                replace the embedded database with a backup (Cercle stopped)`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function serve(config: Config): Promise<void> {
  const kernel = await createKernel(config);
  const { setupUrl } = await ensureFirstAdmin(kernel);
  const app = await buildApp(kernel, { web: config.roles.includes('web') && config.web });
  await kernel.realtime.attach(app.server, {
    redisUrl: config.redisUrl,
    authenticate: (headers) => resolveActor(kernel, headers),
  });
  await kernel.start();
  if (config.roles.includes('web')) await app.listen({ host: config.host, port: config.port });
  kernel.log.info(
    { url: config.publicUrl, database: kernel.database.kind, redis: !!config.redisUrl, roles: config.roles },
    `Cercle is running on ${config.publicUrl}`,
  );
  if (setupUrl)
    kernel.log.warn({ setupUrl }, `First start: create the platform administrator at ${setupUrl}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    kernel.log.info({ signal }, 'stopping');
    // Sockets first: an open WebSocket keeps the HTTP server, hence `app.close()`, waiting forever.
    await kernel.realtime.close();
    await app.close();
    await kernel.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function withKernel<T>(config: Config, work: (kernel: Kernel) => Promise<T>): Promise<T> {
  const kernel = await createKernel(config);
  try {
    return await work(kernel);
  } finally {
    await kernel.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...args] = argv.filter((a) => a !== '--');
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      await withKernel(config, async () => undefined);
      console.log('Migrations applied.');
      return;
    case 'create-admin': {
      const email = option(args, 'email');
      const password = option(args, 'password');
      if (!email || !password) throw new Error('create-admin needs --email and --password');
      const result = await withKernel(config, (kernel) =>
        createPlatformAdmin(kernel, { email, password, name: option(args, 'name') ?? 'Admin' }),
      );
      console.log(result.created ? `Platform admin ${email} created.` : `${email} is now a platform admin.`);
      return;
    }
    case 'seed': {
      if (args[0] !== 'demo') throw new Error('Usage: cercle seed demo');
      const summary = await withKernel(config, (kernel) => seedDemo(kernel));
      console.log(summary);
      return;
    }
    case 'backup': {
      if (!args[0]) throw new Error('Usage: cercle backup <file>');
      const size = await backupEmbedded(config, args[0]);
      console.log(`Backup written to ${args[0]} (${size} bytes).`);
      return;
    }
    case 'restore': {
      if (!args[0]) throw new Error('Usage: cercle restore <file>');
      const aside = await restoreEmbedded(config, args[0]);
      console.log(`Database restored from ${args[0]}.${aside ? ` Previous data kept in ${aside}.` : ''}`);
      return;
    }
    default:
      throw new Error(`Unknown command "${command}".\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(75);
  }
  console.error(error instanceof Error ? error.message : error);
  if (process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
});
