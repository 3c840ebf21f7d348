import { describe, expect, it } from 'vitest';
import { newId } from '../server/platform/db/ids.ts';
import { signedInUser, testApp, waitFor } from './helpers.ts';

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct-horse-battery';

/** A client address of its own, so per-address rate limits never collide across tests and runs. */
function randomIp(): string {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  return `172.${16 + Math.floor(Math.random() * 16)}.${byte()}.${byte()}`;
}

function client(ip = randomIp()) {
  return { origin: ORIGIN, 'x-forwarded-for': ip };
}

/** Waits for the message of `kind` sent to `to` (better-auth queues mail without awaiting it). */
async function mailTo(to: string, kind: string, after?: string) {
  const { kernel } = await testApp();
  return waitFor(() =>
    kernel.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', to)
      .where('kind', '=', kind)
      .$if(!!after, (q) => q.where('id', '>', after!))
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  );
}

/** The link in a message's text, as a path + query to inject. */
function linkIn(text: string): string {
  const match = /https?:\/\/\S+/.exec(text);
  expect(match).not.toBeNull();
  const url = new URL(match![0]);
  expect(url.origin).toBe(ORIGIN);
  return `${url.pathname}${url.search}`;
}

function sessionCookie(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'cercle.session_token' && c.value);
  expect(cookie).toBeDefined();
  return `${cookie!.name}=${cookie!.value}`;
}

async function signIn(email: string, password: string, headers = client()) {
  const { app } = await testApp();
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers,
    payload: { email, password },
  });
}

async function me(cookie: string) {
  const { app } = await testApp();
  return app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie, 'x-forwarded-for': randomIp() } });
}

/** Signs up through the API; returns the address and the client used. */
async function signUp(name = 'Nouvelle Personne') {
  const { app } = await testApp();
  const email = `signup-${newId()}@example.test`;
  const headers = { ...client(), 'accept-language': 'fr-FR,fr;q=0.9' };
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers,
    payload: { name, email, password: PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  expect(response.json<{ user: unknown }>().user).toMatchObject({ email, emailVerified: false });
  return { email, headers };
}

async function emailVerified(email: string): Promise<boolean> {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom('auth_user')
    .select('email_verified')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.email_verified;
}

describe('sign-up, verification and sign-in', () => {
  it('refuses to sign in before the email is verified, then accepts it after the link is followed', async () => {
    const { app } = await testApp();
    const { email } = await signUp();
    const mail = await mailTo(email, 'auth.verify');
    expect(mail).toMatchObject({
      status: 'captured',
      locale: 'fr',
      subject: 'Confirmez votre adresse e-mail',
    });
    expect(mail.text_body).toContain('Nouvelle Personne');

    const early = await signIn(email, PASSWORD);
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
    expect(await emailVerified(email)).toBe(false);

    const verify = await app.inject({ method: 'GET', url: linkIn(mail.text_body), headers: client() });
    expect(verify.statusCode).toBe(302);
    expect(await emailVerified(email)).toBe(true);
    // autoSignInAfterVerification: following the link signs the person in.
    const afterVerify = await me(sessionCookie(verify));
    expect(afterVerify.statusCode).toBe(200);
    expect(afterVerify.json()).toMatchObject({ email, emailVerified: true });

    const later = await signIn(email, PASSWORD);
    expect(later.statusCode).toBe(200);
    expect((await me(sessionCookie(later))).json<{ email: string }>().email).toBe(email);
  });

  it('refuses a wrong password and a tampered verification link', async () => {
    const { app } = await testApp();
    const { email } = await signUp();
    const mail = await mailTo(email, 'auth.verify');
    const tampered = linkIn(mail.text_body).replace(
      /token=([^&]+)/,
      (_m, t: string) => `token=${t.slice(0, -4)}AAAA`,
    );
    const response = await app.inject({ method: 'GET', url: tampered, headers: client() });
    expect(response.cookies.find((c) => c.name === 'cercle.session_token' && c.value)).toBeUndefined();
    expect(await emailVerified(email)).toBe(false);
    const user = await signedInUser();
    const wrong = await signIn(user.email, 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.cookies.find((c) => c.name === 'cercle.session_token' && c.value)).toBeUndefined();
  });
});

describe('password reset', () => {
  it('sends a link whose token sets a new password; the old one stops working', async () => {
    const { app } = await testApp();
    const user = await signedInUser({ name: 'Reset Me' });
    const request = await app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { ...client(), 'accept-language': 'en' },
      payload: { email: user.email, redirectTo: '/reset-password' },
    });
    expect(request.statusCode).toBe(200);
    const mail = await mailTo(user.email, 'auth.reset');
    expect(mail).toMatchObject({ status: 'captured', subject: 'Reset your password' });

    const follow = await app.inject({ method: 'GET', url: linkIn(mail.text_body), headers: client() });
    expect(follow.statusCode).toBe(302);
    const location = new URL(String(follow.headers.location), ORIGIN);
    expect(location.pathname).toBe('/reset-password');
    const token = location.searchParams.get('token');
    expect(token).toBeTruthy();

    const newPassword = 'a-brand-new-password';
    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: client(),
      payload: { token, newPassword },
    });
    expect(reset.statusCode).toBe(200);
    expect((await signIn(user.email, 'correct-horse-battery')).statusCode).toBe(401);
    const fresh = await signIn(user.email, newPassword);
    expect(fresh.statusCode).toBe(200);
    expect((await me(sessionCookie(fresh))).statusCode).toBe(200);

    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: client(),
      payload: { token, newPassword: 'yet-another-password' },
    });
    expect(again.statusCode).toBe(400);
  });
});

describe('magic link', () => {
  it('signs in an existing account through the emailed link', async () => {
    const { app } = await testApp();
    const user = await signedInUser();
    const request = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      headers: client(),
      payload: { email: user.email, callbackURL: '/' },
    });
    expect(request.statusCode).toBe(200);
    const mail = await mailTo(user.email, 'auth.magic');
    expect(mail.status).toBe('captured');
    const follow = await app.inject({ method: 'GET', url: linkIn(mail.text_body), headers: client() });
    expect(follow.statusCode).toBe(302);
    const session = await me(sessionCookie(follow));
    expect(session.statusCode).toBe(200);
    expect(session.json<{ id: string }>().id).toBe(user.userId);
    // The link is single-use.
    const reuse = await app.inject({ method: 'GET', url: linkIn(mail.text_body), headers: client() });
    expect(reuse.cookies.find((c) => c.name === 'cercle.session_token' && c.value)).toBeUndefined();
  });
});

describe('sign-out', () => {
  it('ends the session: the cookie no longer authenticates', async () => {
    const { app } = await testApp();
    const user = await signedInUser();
    expect((await me(user.headers.cookie)).statusCode).toBe(200);
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { ...client(), cookie: user.headers.cookie },
    });
    expect(out.statusCode).toBe(200);
    expect((await me(user.headers.cookie)).statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  it('refuses more than 10 sign-in attempts a minute from one address with 429', async () => {
    const user = await signedInUser();
    const headers = client();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await signIn(user.email, `wrong-password-${i}`, headers)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    // Even the right password is refused from that address for now; another address still signs in.
    expect((await signIn(user.email, PASSWORD, headers)).statusCode).toBe(429);
    expect((await signIn(user.email, PASSWORD)).statusCode).toBe(200);
  });
});

describe('the email outbox API', () => {
  it('shows captured messages to platform admins only', async () => {
    const { app } = await testApp();
    const { email } = await signUp();
    await mailTo(email, 'auth.verify');
    const admin = await signedInUser({ platformAdmin: true });
    const listed = await app.inject({
      method: 'GET',
      url: `/api/v1/admin/mail?to=${encodeURIComponent(email)}`,
      headers: admin.headers,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ to: email, kind: 'auth.verify', status: 'captured', locale: 'fr' }),
    ]);
    const member = await signedInUser();
    const refused = await app.inject({ method: 'GET', url: '/api/v1/admin/mail', headers: member.headers });
    expect(refused.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/admin/mail', headers: client() });
    expect(anonymous.statusCode).toBe(401);
  });
});
