import type { Kernel } from '../../platform/kernel.ts';
import { REMINDERS_CRON, REMINDERS_JOB, sendLiveReminders } from './jobs/send-reminders.ts';
import { attachLiveProtocol } from './live-socket.ts';

/**
 * Wires live sessions into the kernel: the socket protocol on every new socket (docs/LIVE-PROTOCOL.md) and
 * the reminder sweep (`live.reminders`, every five minutes on worker processes).
 */
export function registerLive(kernel: Kernel): void {
  kernel.realtime.onConnection((socket, actor) => attachLiveProtocol(kernel, socket, actor));
  kernel.jobs.define<Record<string, never>>({
    name: REMINDERS_JOB,
    retryLimit: 2,
    cron: REMINDERS_CRON,
    handler: async () => {
      const sent = await sendLiveReminders(kernel);
      if (sent > 0) kernel.log.info({ sent }, 'live session reminders queued');
    },
  });
}
