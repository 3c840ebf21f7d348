import net from 'node:net';
import { afterAll } from 'vitest';
import { closeTestKernel } from './helpers.ts';

// Unexpected network calls fail the test: only loopback (the app, PostgreSQL, Redis, the SMTP sink) is
// allowed, for raw sockets as well as fetch.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']);
// Read through the descriptor: the original is re-applied with the socket as `this` below.
const realConnect = Object.getOwnPropertyDescriptor(net.Socket.prototype, 'connect')!.value as (
  this: net.Socket,
  ...args: unknown[]
) => net.Socket;
/** The host a `Socket#connect` call targets, whichever of Node's argument forms it uses. */
function targetHost(args: unknown[]): string {
  // net.connect() hands Socket#connect its normalised arguments: an array [options, callback].
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return options.path ? 'localhost' : (options.host ?? 'localhost');
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof second === 'string' ? second : 'localhost';
  }
  return 'localhost'; // a Unix socket path
}
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = targetHost(args);
  if (!LOOPBACK.has(host)) throw new Error(`Unexpected network connection to ${host} in a test`);
  return realConnect.apply(this, args);
};

const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`Unexpected network call to ${url.href} in a test`);
  }
  return realFetch(input, init);
};

afterAll(async () => {
  await closeTestKernel();
});
