import { pino, type Logger } from 'pino';
import type { Config } from '../../config.ts';

export type { Logger };

/** The process logger: structured JSON lines on stdout (pino), level from LOG_LEVEL. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'cercle', pid: process.pid },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'],
      remove: true,
    },
  });
}
