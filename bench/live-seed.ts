// Data of `npm run bench:live`: one community, a moderator, observers and participants with signed-in
// sessions (rows and signed cookies written directly: better-auth rate-limits sign-in), and live sessions
// already running with everyone admitted.
import { sql } from 'kysely';
import { webcrypto } from 'node:crypto';
import { pseudonymKey } from '../server/modules/members/pseudonym.ts';
import { type DatabaseTarget, openDatabase } from '../server/platform/db/database.ts';
import { newId } from '../server/platform/db/ids.ts';

/** A seeded person: their membership and the Cookie header of their session. */
export interface BenchPerson {
  memberId: string;
  cookie: string;
}

/** A seeded running session with its people. */
export interface BenchSession {
  id: string;
  moderator: BenchPerson;
  observers: BenchPerson[];
  participants: BenchPerson[];
}

/** The signed session cookie better-auth expects (`token.base64(HMAC-SHA256(secret, token))`). */
async function sessionCookie(token: string, secret: string): Promise<string> {
  const key = await webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await webcrypto.subtle.sign('HMAC', key, new TextEncoder().encode(token));
  return `cercle.session_token=${encodeURIComponent(`${token}.${Buffer.from(signature).toString('base64')}`)}`;
}

/**
 * Seeds a community and one running session per entry of `shapes` ({ participants, observers }), each
 * with its own moderator (a community moderator). Everyone gets a 1-day session cookie.
 */
export async function seedLiveBench(
  target: DatabaseTarget,
  secret: string,
  shapes: { participants: number; observers: number }[],
): Promise<BenchSession[]> {
  const database = await openDatabase(target);
  const db = database.db;
  try {
    const communityId = newId();
    await db
      .insertInto('communities')
      .values({
        id: communityId,
        slug: 'bench-live',
        name: 'Bench live',
        description: 'Live-session benchmark',
        visibility: 'private',
        join_policy: 'approval',
      })
      .execute();
    const people: { userId: string; memberId: string; token: string; role: string; i: number }[] = [];
    const total = shapes.reduce((n, s) => n + s.participants + s.observers + 1, 0);
    for (let i = 0; i < total; i++) {
      people.push({
        userId: newId(),
        memberId: newId(),
        token: newId().replaceAll('-', ''),
        role: 'member',
        i,
      });
    }
    await sql`
      INSERT INTO auth_user (id, name, email, email_verified)
      SELECT id, 'Bench ' || n, 'live' || n || '@bench.example', true
        FROM unnest(${people.map((p) => p.userId)}::uuid[]) WITH ORDINALITY AS t(id, n)`.execute(db);
    await sql`
      INSERT INTO auth_session (id, user_id, token, expires_at, created_at, updated_at)
      SELECT gen_random_uuid(), user_id, token, now() + interval '1 day', now(), now()
        FROM unnest(${people.map((p) => p.userId)}::uuid[], ${people.map((p) => p.token)}::text[])
          AS t(user_id, token)`.execute(db);
    const sessions: BenchSession[] = [];
    let next = 0;
    const take = async (n: number) => {
      const chosen = people.slice(next, next + n);
      next += n;
      return Promise.all(chosen.map(async (p) => ({ ...p, cookie: await sessionCookie(p.token, secret) })));
    };
    const memberships: { id: string; user: string; pseudonym: string; role: string }[] = [];
    for (const shape of shapes) {
      const [moderator] = await take(1);
      const observers = await take(shape.observers);
      const participants = await take(shape.participants);
      memberships.push({
        id: moderator.memberId,
        user: moderator.userId,
        pseudonym: `Mod_${moderator.i}`,
        role: 'moderator',
      });
      for (const o of observers)
        memberships.push({ id: o.memberId, user: o.userId, pseudonym: `Obs_${o.i}`, role: 'observer' });
      for (const p of participants)
        memberships.push({ id: p.memberId, user: p.userId, pseudonym: `Part_${p.i}`, role: 'member' });
      sessions.push({
        id: newId(),
        moderator: { memberId: moderator.memberId, cookie: moderator.cookie },
        observers: observers.map((o) => ({ memberId: o.memberId, cookie: o.cookie })),
        participants: participants.map((p) => ({ memberId: p.memberId, cookie: p.cookie })),
      });
    }
    await sql`
      INSERT INTO memberships (id, community_id, user_id, pseudonym, pseudonym_key, role, status, joined_at)
      SELECT id, ${communityId}, user_id, pseudonym, pseudonym_key, role, 'active', now()
        FROM unnest(${memberships.map((m) => m.id)}::uuid[], ${memberships.map((m) => m.user)}::uuid[],
                    ${memberships.map((m) => m.pseudonym)}::text[],
                    ${memberships.map((m) => pseudonymKey(m.pseudonym))}::text[],
                    ${memberships.map((m) => m.role)}::text[])
          AS t(id, user_id, pseudonym, pseudonym_key, role)`.execute(db);
    for (const session of sessions) {
      const now = new Date();
      await db
        .insertInto('live_sessions')
        .values({
          id: session.id,
          community_id: communityId,
          title: `Bench ${session.participants.length}`,
          starts_at: now,
          duration_minutes: 120,
          capacity: Math.min(200, Math.max(2, session.participants.length)),
          status: 'live',
          started_at: now,
          created_by: null,
        })
        .execute();
      await db
        .insertInto('live_staff')
        .values([
          {
            session_id: session.id,
            community_id: communityId,
            member_id: session.moderator.memberId,
            role: 'moderator',
          },
          ...session.observers.map((o) => ({
            session_id: session.id,
            community_id: communityId,
            member_id: o.memberId,
            role: 'observer' as const,
          })),
        ])
        .execute();
      await db
        .insertInto('live_participants')
        .values(
          session.participants.map((p) => ({
            id: newId(),
            community_id: communityId,
            session_id: session.id,
            member_id: p.memberId,
            invitation: 'accepted' as const,
            attendance: 'admitted' as const,
            responded_at: now,
            joined_at: now,
            admitted_at: now,
          })),
        )
        .execute();
    }
    await sql`ANALYZE`.execute(db);
    return sessions;
  } finally {
    await database.close();
  }
}
