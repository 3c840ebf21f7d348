import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, Writable } from 'node:stream';
import Fastify, { type FastifyReply } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { limited, sendResponse } from './handler.ts';

interface LogLine {
  level: number;
  msg?: string;
  err?: { type?: string };
}

/** A Fastify server whose one route streams a page that never finishes, with its log lines kept. */
async function streamingServer() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const app = Fastify({ logger: { level: 'debug', stream } });
  let settled!: () => void;
  const handlerSettled = new Promise<void>((resolve) => (settled = resolve));
  app.get('/page', async (_request, reply) => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('<!doctype html><html><body><p>The first part of the page'));
      },
      // The rest of the page never comes: the client leaves before it is done.
    });
    try {
      await sendResponse(reply, new Response(body, { headers: { 'content-type': 'text/html' } }));
    } finally {
      settled();
    }
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, lines, handlerSettled, port: (app.server.address() as AddressInfo).port };
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('sending a streamed page', () => {
  it('treats a client that closes the connection mid-page as gone, not as a server error', async () => {
    const { app, lines, handlerSettled, port } = await streamingServer();
    close = () => app.close();
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/page' }, (res) => {
        res.once('data', () => {
          // The browser went away after the first bytes.
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.once('error', reject);
      req.end();
    });
    await handlerSettled;
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(lines.some((line) => line.msg === 'incoming request')).toBe(true);
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
  });

  it('takes a connection closed under the page (WritableClosedError) as the client gone', async () => {
    // A response whose connection reports "close" while it still looks open, as happens when the socket
    // goes away between two chunks: the page write fails with WritableClosedError.
    const res = new Writable({ write: (_chunk, _encoding, done) => done() }) as Writable & {
      writeHead: () => void;
    };
    res.writeHead = () => undefined;
    const logged: { level: string; msg: string }[] = [];
    const log = Object.fromEntries(
      ['debug', 'info', 'warn', 'error'].map((level) => [
        level,
        (_object: unknown, msg: string) => logged.push({ level, msg }),
      ]),
    );
    const reply = { hijack: () => undefined, raw: res, log } as unknown as FastifyReply;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<p>The first part'));
        setTimeout(() => res.emit('close'), 10);
      },
    });

    await expect(sendResponse(reply, new Response(body))).resolves.toBeUndefined();
    expect(logged.map((line) => line.level)).toEqual(['debug']);
  });

  it('still fails the request when the page itself fails (a server fault, not the client)', async () => {
    const res = new Writable({ write: (_chunk, _encoding, done) => done() }) as Writable & {
      writeHead: () => void;
    };
    res.writeHead = () => undefined;
    const reply = { hijack: () => undefined, raw: res, log: {} } as unknown as FastifyReply;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<p>The first part'));
        setTimeout(() => controller.error(new Error('the rendering failed')), 10);
      },
    });

    await expect(sendResponse(reply, new Response(body))).rejects.toThrow('the rendering failed');
  });
});

describe('a web form post without a declared length', () => {
  it('passes a body up to the limit through unchanged', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of limited(
      Readable.from([Buffer.from('title=Hello'), Buffer.from('&body=x')]),
      18,
    )) {
      chunks.push(chunk as Buffer);
    }
    expect(Buffer.concat(chunks).toString()).toBe('title=Hello&body=x');
  });

  it('stops a body once it goes over the limit', async () => {
    const read = async () => {
      for await (const chunk of limited(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), 15)) void chunk;
    };
    await expect(read()).rejects.toThrow('form post over 15 bytes');
  });
});
