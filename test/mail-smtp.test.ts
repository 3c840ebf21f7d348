import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kernel } from '../server/platform/kernel.ts';
import { MAX_SEND_ATTEMPTS } from '../server/platform/mail/mailer.ts';
import { isolatedKernel, makeKernel } from './helpers.ts';

/** A local SMTP sink on loopback: the outside world, faked (DESIGN rule 13). */
function startSink(options: { failFirst: number }) {
  const received: { to: string[]; data: string }[] = [];
  let failures = options.failFirst;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const error = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(error);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  return new Promise<{ port: number; received: typeof received; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.server.address() as AddressInfo).port,
        received,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

describe('email over SMTP', () => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  let kernel: Kernel;

  beforeAll(async () => {
    sink = await startSink({ failFirst: 1 });
    kernel = await isolatedKernel({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: 'Cercle <no-reply@cercle.test>',
    });
    await kernel.jobs.start({ work: true });
  });

  afterAll(async () => {
    await kernel.close();
    await sink.close();
  });

  it('stores the message as queued, sends it through a job, retries a temporary failure, then marks it sent', async () => {
    const to = `smtp-${Date.now()}@example.test`;
    const id = await kernel.mailer.queue({
      to,
      kind: 'auth.verify',
      locale: 'fr',
      subjectKey: 'mail.verify.subject',
      bodyKey: 'mail.verify.body',
      params: { name: 'Camille', url: 'http://localhost:3000/verify?token=abc' },
      headers: { 'List-Unsubscribe': '<http://localhost:3000/unsubscribe/t0k3n>' },
    });
    const stored = await kernel.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('queued');
    expect(stored.subject).toBe('Confirmez votre adresse e-mail');

    await expect
      .poll(
        async () =>
          (
            await kernel.db
              .selectFrom('mail_messages')
              .select('status')
              .where('id', '=', id)
              .executeTakeFirstOrThrow()
          ).status,
        {
          timeout: 40_000,
          interval: 250,
        },
      )
      .toBe('sent');
    const sent = await kernel.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(sent.attempts).toBe(2);
    expect(sink.received.filter((m) => m.to.includes(to))).toHaveLength(1);
    const message = sink.received.find((m) => m.to.includes(to))!;
    expect(message.data).toContain('no-reply@cercle.test');
    expect(message.data).toContain('List-Unsubscribe: <http://localhost:3000/unsubscribe/t0k3n>');
    const decoded = Buffer.from(
      message.data
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
    expect(decoded).toContain('http://localhost:3000/verify?token=abc');
    expect(decoded).toContain('Si vous n’avez pas créé de compte');
  });

  it('sends attachments as MIME parts and keeps them in the outbox', async () => {
    const to = `ics-${Date.now()}@example.test`;
    const calendar = 'BEGIN:VCALENDAR\r\nSUMMARY:Rouler en hiver\r\nEND:VCALENDAR\r\n';
    const id = await kernel.mailer.queue({
      to,
      kind: 'live.invitation',
      locale: 'en',
      subjectKey: 'mail.magic.subject',
      bodyKey: 'mail.magic.body',
      params: { url: 'http://localhost:3000/x' },
      attachments: [
        { filename: 'session.ics', contentType: 'text/calendar; charset=utf-8', content: calendar },
      ],
    });
    const stored = await kernel.db
      .selectFrom('mail_messages')
      .select('attachments')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.attachments).toEqual([
      {
        filename: 'session.ics',
        contentType: 'text/calendar; charset=utf-8',
        content: Buffer.from(calendar).toString('base64'),
      },
    ]);
    await kernel.mailer.deliver(id);
    const message = sink.received.find((m) => m.to.includes(to))!;
    expect(message.data).toContain('Content-Type: multipart/mixed');
    expect(message.data).toMatch(/Content-Type: text\/calendar; charset=utf-8; name=session\.ics/);
    expect(message.data).toContain('Content-Disposition: attachment; filename=session.ics');
    const part = message.data.split('filename=session.ics')[1].split('\r\n\r\n')[1].split('\r\n--')[0];
    expect(Buffer.from(part.replace(/\s+/g, ''), 'base64').toString('utf8')).toBe(calendar);
  });

  it('without SMTP_URL a message is only captured in the outbox', async () => {
    const embedded = await makeKernel();
    try {
      const id = await embedded.mailer.queue({
        to: 'nobody@example.test',
        kind: 'auth.magic',
        locale: 'en',
        subjectKey: 'mail.magic.subject',
        bodyKey: 'mail.magic.body',
        params: { url: 'http://localhost:3000/x' },
      });
      const row = await embedded.db
        .selectFrom('mail_messages')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('captured');
      expect(row.subject).toBe('Your sign-in link');
    } finally {
      await embedded.close();
    }
  });

  it('marks a message failed after the last attempt, and keeps it in the outbox', async () => {
    const refusing = await startSink({ failFirst: 1_000 });
    const kernelWithoutWorkers = await isolatedKernel({ SMTP_URL: `smtp://127.0.0.1:${refusing.port}` });
    // Enqueue only: no worker runs the job, so each attempt below is the test's own.
    await kernelWithoutWorkers.jobs.start({ work: false });
    try {
      const id = await kernelWithoutWorkers.mailer.queue({
        to: 'unlucky@example.test',
        kind: 'auth.reset',
        locale: 'en',
        subjectKey: 'mail.reset.subject',
        bodyKey: 'mail.reset.body',
        params: { name: 'Sam', url: 'http://localhost:3000/reset' },
      });
      for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
        await expect(kernelWithoutWorkers.mailer.deliver(id)).rejects.toThrow();
        const row = await kernelWithoutWorkers.db
          .selectFrom('mail_messages')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect([row.attempts, row.status]).toEqual([
          attempt,
          attempt < MAX_SEND_ATTEMPTS ? 'queued' : 'failed',
        ]);
      }
    } finally {
      await kernelWithoutWorkers.close();
      await refusing.close();
    }
  });
});
