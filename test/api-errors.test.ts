import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { newId } from '../server/platform/db/ids.ts';
import { transact } from '../server/platform/kernel.ts';
import {
  addMember,
  freshCommunity,
  nextIp,
  outboxEventsOf,
  signedInUser,
  testApp,
  type TestUser,
} from './helpers.ts';

let admin: TestUser;
beforeAll(async () => {
  admin = await signedInUser({ platformAdmin: true });
});

/** Checks the shape every error response shares (RFC 9457 plus a stable code) and returns its body. */
function problem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  expect(body).toMatchObject({
    type: expect.stringMatching(/^https:\/\/cercle\.dev\/problems\//) as unknown,
    title: expect.any(String) as unknown,
    status,
    code: expect.any(String) as unknown,
    detail: expect.any(String) as unknown,
    instance: expect.stringMatching(/^\//) as unknown,
    requestId: expect.any(String) as unknown,
  });
  return body as {
    code: string;
    title: string;
    detail: string;
    errors?: { path: string; code: string; message: string }[];
  };
}

async function communitiesNamed(name: string): Promise<number> {
  const { kernel } = await testApp();
  const rows = await kernel.db.selectFrom('communities').select('id').where('name', '=', name).execute();
  return rows.length;
}

describe('error responses', () => {
  it('answers malformed JSON with 400 problem+json', async () => {
    const { app } = await testApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/communities',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"name": "Broken", "slug": ',
    });
    expect(problem(response, 400).code).toBe('bad_request');
  });

  it('answers a body over the size limit with 413, before touching the database', async () => {
    const { app } = await testApp();
    const name = `Huge ${newId()}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/communities',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        name,
        slug: `h-${newId().slice(-10)}`,
        description: 'x'.repeat(1024 * 1024 + 10),
      }),
    });
    expect(problem(response, 413).code).toBe('payload_too_large');
    expect(await communitiesNamed(name)).toBe(0);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const { app } = await testApp();
    for (const url of ['/api/v1/no-such-thing', '/api/v1/communities/x/y/z/w']) {
      const body = problem(
        await app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': nextIp() } }),
        404,
      );
      expect(body).toMatchObject({ code: 'not_found', instance: url });
    }
    const wrongMethod = await app.inject({
      method: 'DELETE',
      url: '/api/v1/communities',
      headers: admin.headers,
    });
    expect(problem(wrongMethod, 404).code).toBe('not_found');
  });

  it('answers an unsupported content type with 415', async () => {
    const { app } = await testApp();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/communities',
      headers: { ...admin.headers, 'content-type': 'application/xml' },
      payload: '<community><name>Nope</name></community>',
    });
    expect(problem(response, 415).code).toBe('unsupported_media_type');
  });

  it('writes validation messages in the caller’s language, with field paths', async () => {
    const { app } = await testApp();
    const send = (language: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/communities',
        headers: { ...admin.headers, 'accept-language': language },
        payload: { name: 'x', slug: 'Not A Slug', surprise: true },
      });
    const fr = problem(await send('fr-FR,fr;q=0.9'), 422);
    expect(fr).toMatchObject({ code: 'validation_failed', title: 'Certains champs sont à corriger.' });
    expect(fr.errors).toEqual(
      expect.arrayContaining([
        { path: '/name', code: 'validation.tooShort', message: 'Au moins 2 caractères.' },
        {
          path: '/slug',
          code: 'validation.slugFormat',
          message: 'Lettres minuscules, chiffres et tirets (3 à 40 caractères).',
        },
        { path: '/surprise', code: 'validation.unknownField', message: expect.any(String) as unknown },
      ]),
    );
    const en = problem(await send('en-GB'), 422);
    expect(en.title).toBe('Some fields need your attention.');
    expect(en.errors).toEqual(
      expect.arrayContaining([
        { path: '/name', code: 'validation.tooShort', message: 'Must be at least 2 characters.' },
        {
          path: '/slug',
          code: 'validation.slugFormat',
          message: 'Use lowercase letters, digits and dashes (3 to 40 characters).',
        },
      ]),
    );
    const params = problem(
      await app.inject({
        method: 'GET',
        url: `/api/v1/communities/x/members/not-a-uuid`,
        headers: { 'accept-language': 'en', 'x-forwarded-for': nextIp() },
      }),
      422,
    );
    expect(params.errors?.[0]).toMatchObject({ path: '/params/memberId', code: 'validation.invalidFormat' });
  });

  it('answers errors raised by commands in the caller’s language too', async () => {
    const { app } = await testApp();
    const hidden = await freshCommunity({ visibility: 'hidden' });
    const fr = problem(
      await app.inject({
        method: 'GET',
        url: `/api/v1/communities/${hidden.slug}`,
        headers: { 'accept-language': 'fr', 'x-forwarded-for': nextIp() },
      }),
      404,
    );
    expect(fr.detail).toBe('Nous n’avons pas trouvé ce que vous cherchez.');
    const en = problem(
      await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { 'accept-language': 'en', 'x-forwarded-for': nextIp() },
      }),
      401,
    );
    expect(en).toMatchObject({ code: 'unauthenticated', detail: 'Please sign in to continue.' });
  });

  it('changes nothing in the database when a request fails', async () => {
    const { app, kernel } = await testApp();
    const full = await freshCommunity({ member_cap: 1 });
    await addMember(full.id, admin.userId, 'admin');
    const joiner = await signedInUser();
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/communities/${full.slug}/members`,
      headers: joiner.headers,
      payload: { pseudonym: 'latecomer' },
    });
    expect(problem(refused, 409).code).toBe('conflict');
    const members = await kernel.db
      .selectFrom('memberships')
      .select('user_id')
      .where('community_id', '=', full.id)
      .execute();
    expect(members.map((m) => m.user_id)).toEqual([admin.userId]);
    expect(await outboxEventsOf(full.id)).toEqual([]);

    const taken = await freshCommunity();
    const name = `Duplicate ${newId()}`;
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/v1/communities',
      headers: admin.headers,
      payload: { name, slug: taken.slug },
    });
    expect(problem(duplicate, 422).errors?.[0]).toMatchObject({
      path: '/slug',
      code: 'validation.slugTaken',
    });
    expect(await communitiesNamed(name)).toBe(0);
  });
});

describe('server faults', () => {
  let faulty: FastifyInstance;
  const marker = `marker-${newId()}`;
  beforeAll(async () => {
    const { kernel } = await testApp();
    // The real app and error handler, plus two routes that fail the way real code does.
    faulty = await buildApp(kernel);
    faulty.get('/api/v1/test-fault/sql', async () => {
      await sql`SELECT * FROM secret_table_that_does_not_exist`.execute(kernel.db);
      return {};
    });
    faulty.post('/api/v1/test-fault/after-write', async () =>
      transact(kernel, async (trx, emit) => {
        await trx
          .insertInto('communities')
          .values({ id: newId(), slug: `f-${newId().slice(-10)}`, name: marker })
          .execute();
        await emit({ type: 'test.fault', communityId: null, actorUserId: null, payload: { marker } });
        throw new Error(`password=hunter2 at /srv/cercle/${marker}`);
      }),
    );
    await faulty.ready();
  });
  afterAll(async () => {
    await faulty.close();
  });

  it('answers 500 without leaking the message, the stack or the SQL', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/test-fault/sql'],
      ['POST', '/api/v1/test-fault/after-write'],
    ] as const) {
      const response = await faulty.inject({
        method,
        url,
        headers: { 'accept-language': 'en', 'x-forwarded-for': nextIp() },
      });
      const body = problem(response, 500);
      expect(body).toMatchObject({
        code: 'internal',
        detail: 'Something went wrong on our side. Nothing was changed; please try again.',
      });
      expect(Object.keys(body).sort()).toEqual([
        'code',
        'detail',
        'instance',
        'requestId',
        'status',
        'title',
        'type',
      ]);
      for (const secret of ['secret_table', 'hunter2', '/srv/cercle', 'at ', 'Error', marker]) {
        expect(response.body).not.toContain(secret);
      }
    }
  });

  it('rolls back what a failed request wrote, events included', async () => {
    const { kernel } = await testApp();
    await faulty.inject({
      method: 'POST',
      url: '/api/v1/test-fault/after-write',
      headers: { 'x-forwarded-for': nextIp() },
    });
    expect(await communitiesNamed(marker)).toBe(0);
    const events = await kernel.db
      .selectFrom('outbox_events')
      .select('id')
      .where('type', '=', 'test.fault')
      .where(sql<boolean>`payload->>'marker' = ${marker}`)
      .execute();
    expect(events).toEqual([]);
  });
});
