import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers.ts';
import { type ConfigError, loadConfig } from '../../config.ts';
import { HttpSmsSender, MAX_SMS_ATTEMPTS } from './http-sms-sender.ts';
import { storeSms } from './sms-sender.ts';

/** What the local "provider" answers next, and what it received. */
let answer: (req: IncomingMessage, body: string) => { status: number; json?: unknown } | 'hang';
const received: { url: string; auth: string; form: URLSearchParams }[] = [];
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  await testApp();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        auth: req.headers.authorization ?? '',
        form: new URLSearchParams(body),
      });
      const reply = answer(req, body);
      if (reply === 'hang') return; // never answers: the sender's timeout must end the call
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function sender() {
  const { kernel } = await testApp();
  return new HttpSmsSender({
    db: kernel.db,
    jobs: kernel.jobs,
    log: kernel.log,
    config: {
      provider: 'twilio',
      baseUrl,
      accountSid: 'AC123',
      authToken: 'secret',
      from: '+33700000000',
      timeoutMs: 2000,
    },
  });
}

async function queued(to = '+33612345678') {
  const { kernel } = await testApp();
  return storeSms(
    kernel.db,
    {
      to,
      kind: 'recruitment.phone_code',
      locale: 'fr',
      bodyKey: 'recruitment.sms.code',
      params: { code: '123456', community: 'Vélo', minutes: 10 },
    },
    'queued',
  );
}

async function row(id: string) {
  const { kernel } = await testApp();
  return kernel.db.selectFrom('sms_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('the Twilio-compatible SMS provider', () => {
  it('posts the message with the account credentials and keeps the provider id', async () => {
    answer = () => ({ status: 201, json: { sid: 'SM0001', status: 'queued' } });
    const id = await queued();
    await (await sender()).deliver(id);
    const call = received.at(-1)!;
    expect(call.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(call.auth).toBe(`Basic ${Buffer.from('AC123:secret').toString('base64')}`);
    expect(call.form.get('To')).toBe('+33612345678');
    expect(call.form.get('From')).toBe('+33700000000');
    expect(call.form.get('Body')).toContain('123456');
    expect(await row(id)).toMatchObject({ status: 'sent', provider_ref: 'SM0001', attempts: 1, error: null });
    // A message already sent is never sent twice (a retried job).
    const calls = received.length;
    await (await sender()).deliver(id);
    expect(received.length).toBe(calls);
  });

  it('leaves a message queued for the retry after a 5xx or a timeout, and fails it after the last try', async () => {
    const id = await queued();
    answer = () => ({ status: 503, json: { message: 'Service unavailable' } });
    await expect((await sender()).deliver(id)).rejects.toThrow('HTTP 503');
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1 });
    answer = () => 'hang';
    await expect((await sender()).deliver(id)).rejects.toThrow('did not answer within 2000 ms');
    expect((await row(id)).error).toBe('SMS provider did not answer within 2000 ms');
    answer = () => ({ status: 500 });
    for (let i = 2; i < MAX_SMS_ATTEMPTS; i++) await expect((await sender()).deliver(id)).rejects.toThrow();
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: MAX_SMS_ATTEMPTS });
  });

  it('fails at once, without a retry, when the provider refuses the message itself', async () => {
    answer = () => ({
      status: 400,
      json: { code: 21211, message: "The 'To' number is not a valid phone number." },
    });
    const id = await queued();
    await (await sender()).deliver(id);
    expect(await row(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error:
        "SMS provider refused the message (HTTP 400, code 21211): The 'To' number is not a valid phone number.",
    });
  });

  it('is configured by environment, with a clear message for what is missing or wrong', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).sms).toEqual({ provider: 'outbox' });
    const sms = loadConfig({
      NODE_ENV: 'test',
      SMS_PROVIDER: 'twilio',
      SMS_ACCOUNT_SID: 'AC1',
      SMS_AUTH_TOKEN: 't',
      SMS_FROM: 'Cercle',
    }).sms;
    expect(sms).toEqual({
      provider: 'twilio',
      baseUrl: 'https://api.twilio.com',
      accountSid: 'AC1',
      authToken: 't',
      from: 'Cercle',
      timeoutMs: 10_000,
    });
    let problems: string[] = [];
    try {
      loadConfig({
        NODE_ENV: 'test',
        SMS_PROVIDER: 'twilio',
        SMS_FROM: 'not a sender!',
        SMS_TIMEOUT_MS: '5',
      });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'SMS_ACCOUNT_SID is required with SMS_PROVIDER=twilio',
      'SMS_AUTH_TOKEN is required with SMS_PROVIDER=twilio',
      'SMS_FROM must be an E.164 number or an alphanumeric sender of at most 11 characters (got "not a sender!")',
      expect.stringContaining('SMS_TIMEOUT_MS'),
    ]);
  });
});
