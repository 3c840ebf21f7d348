import type { Kernel } from '../../platform/kernel.ts';
import { attachLiveProtocol } from './live-socket.ts';

/**
 * Wires live sessions into the kernel: the socket protocol on every new socket (docs/LIVE-PROTOCOL.md).
 */
export function registerLive(kernel: Kernel): void {
  kernel.realtime.onConnection((socket, actor) => attachLiveProtocol(kernel, socket, actor));
}
