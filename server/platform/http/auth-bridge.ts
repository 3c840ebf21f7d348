import type { FastifyInstance, FastifyReply } from 'fastify';
import { CLIENT_IP_HEADER } from '../auth/auth.ts';
import type { Kernel } from '../kernel.ts';
import { toHeaders } from './request-context.ts';

/** Writes a Fetch `Response` from better-auth onto a Fastify reply, keeping every Set-Cookie. */
async function send(response: Response, reply: FastifyReply) {
  reply.status(response.status);
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
}

/**
 * Mounts better-auth under `/api/auth/*` (sign-up, sign-in, verify, reset, magic link, sign-out). Its
 * endpoints are documented by better-auth; Cercle's own API lives under `/api/v1`.
 */
export function registerAuthBridge(app: FastifyInstance, kernel: Kernel): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      const url = new URL(request.url, kernel.config.publicUrl);
      const hasBody = request.method !== 'GET' && request.body !== undefined && request.body !== null;
      const headers = toHeaders(request.headers);
      headers.delete('content-length');
      headers.set(CLIENT_IP_HEADER, request.ip);
      const fetchRequest = new Request(url, {
        method: request.method,
        headers,
        body: hasBody ? JSON.stringify(request.body) : undefined,
      });
      return send(await kernel.auth.handler(fetchRequest), reply);
    },
  });
}
