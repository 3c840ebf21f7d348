import { useEffect, useRef } from 'react';
import type { Socket } from 'socket.io-client';

let shared: Promise<Socket> | null = null;
const channels = new Map<string, number>();

/** The page's one Socket.IO connection (loaded on demand, in the browser only); re-joins channels on reconnect. */
function socket(): Promise<Socket> {
  shared ??= import('socket.io-client').then(({ io }) => {
    const s = io({ path: '/socket.io', transports: ['websocket'] });
    s.on('connect', () => {
      for (const channel of channels.keys()) s.emit('subscribe', { channel });
    });
    return s;
  });
  return shared;
}

/**
 * Listens to `event` on a real-time channel (`topic:<id>`, `user:<id>`) while the component is mounted.
 * The server authorizes the join like a read; without JavaScript nothing happens and pages still work.
 */
export function useChannel<T>(channel: string | null, event: string, handler: (payload: T) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!channel) return;
    let closed = false;
    let cleanup = () => undefined as void;
    void socket().then((s) => {
      if (closed) return;
      const listener = (payload: T) => latest.current(payload);
      s.on(event, listener);
      channels.set(channel, (channels.get(channel) ?? 0) + 1);
      if (s.connected) s.emit('subscribe', { channel });
      cleanup = () => {
        s.off(event, listener);
        const left = (channels.get(channel) ?? 1) - 1;
        if (left > 0) channels.set(channel, left);
        else {
          channels.delete(channel);
          s.emit('unsubscribe', { channel });
        }
      };
    });
    return () => {
      closed = true;
      cleanup();
    };
  }, [channel, event]);
}
