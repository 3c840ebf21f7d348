// Benchmark data: a fresh database, the demo community through Cercle's own CLI, then ~200 communities
// and ~2,000 members in a few bulk inserts, so that lists and counts have realistic sizes.
import { sql } from 'kysely';
import pg from 'pg';
import { newId } from '../server/platform/db/ids.ts';
import { openDatabase, type DatabaseTarget } from '../server/platform/db/database.ts';
import { pseudonymKey } from '../server/modules/members/pseudonym.ts';
import { runScript } from './processes.ts';

/** The platform admin the benchmark signs in as (also passed as CERCLE_ADMIN_EMAIL/PASSWORD). */
export const BENCH_ADMIN = { email: 'bench-admin@cercle.test', password: 'bench-admin-password' };
/** Extra communities and accounts the bulk insert adds. */
export const EXTRA_COMMUNITIES = 200;
export const EXTRA_MEMBERS = 2_000;

/** Drops and recreates a PostgreSQL database (only the one the benchmark owns). */
export async function recreatePostgresDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name "${name}"`);
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return `${serverUrl}/${name}`;
}

/** Drops the benchmark's PostgreSQL database. */
export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const ADJECTIVES = [
  'Alpine',
  'Blue',
  'Bright',
  'Calm',
  'Coastal',
  'Daring',
  'Early',
  'Golden',
  'Green',
  'Urban',
];
const NOUNS = [
  'Bakers',
  'Climbers',
  'Coders',
  'Cyclists',
  'Gardeners',
  'Gamers',
  'Makers',
  'Runners',
  'Sailors',
  'Readers',
];

/**
 * Seeds a migrated-or-empty database: `cercle seed demo` and `cercle create-admin` through the real CLI,
 * then the bulk rows through Cercle's own database layer. Deterministic counts, so that PGlite and
 * PostgreSQL hold the same data. Returns a one-line summary.
 */
export async function seedDatabase(
  target: DatabaseTarget,
  env: NodeJS.ProcessEnv,
  log: string,
): Promise<string> {
  await runScript(['server/main.ts', 'seed', 'demo'], env, log);
  await runScript(
    ['server/main.ts', 'create-admin', '--email', BENCH_ADMIN.email, '--password', BENCH_ADMIN.password],
    env,
    log,
  );

  const database = await openDatabase(target);
  try {
    const db = database.db;
    const veloce = await db
      .selectFrom('communities')
      .select('id')
      .where('slug', '=', 'veloce')
      .executeTakeFirstOrThrow();
    const admin = await db
      .selectFrom('auth_user')
      .select('id')
      .where('email', '=', BENCH_ADMIN.email)
      .executeTakeFirstOrThrow();

    // Communities: mostly public, every 10th private, every 20th hidden (the list's query scope skips those).
    const communities = Array.from({ length: EXTRA_COMMUNITIES }, (_, i) => ({
      id: newId(),
      slug: `bench-${String(i).padStart(3, '0')}`,
      name: `${ADJECTIVES[i % 10]} ${NOUNS[Math.floor(i / 10) % 10]} ${Math.floor(i / 100) + 1}`,
      description:
        `A benchmark community (#${i}) for people who like ${NOUNS[Math.floor(i / 10) % 10].toLowerCase()}: questions, ideas, reviews and meet-ups. `.repeat(
          2,
        ),
      visibility: i % 20 === 19 ? 'hidden' : i % 10 === 9 ? 'private' : 'public',
      join_policy: i % 3 === 0 ? 'approval' : 'open',
    }));
    await sql`
      INSERT INTO communities (id, slug, name, description, visibility, join_policy, created_at)
      SELECT id, slug, name, description, visibility, join_policy, now() - (n || ' hours')::interval
        FROM unnest(${communities.map((c) => c.id)}::uuid[], ${communities.map((c) => c.slug)}::text[],
                    ${communities.map((c) => c.name)}::text[], ${communities.map((c) => c.description)}::text[],
                    ${communities.map((c) => c.visibility)}::text[], ${communities.map((c) => c.join_policy)}::text[])
             WITH ORDINALITY AS t(id, slug, name, description, visibility, join_policy, n)`.execute(db);

    // Accounts (no password: they never sign in).
    const users = Array.from({ length: EXTRA_MEMBERS }, (_, i) => ({
      id: newId(),
      name: `Member ${i}`,
      email: `member${i}@bench.example`,
    }));
    await sql`
      INSERT INTO auth_user (id, name, email, email_verified)
      SELECT id, name, email, true
        FROM unnest(${users.map((u) => u.id)}::uuid[], ${users.map((u) => u.name)}::text[],
                    ${users.map((u) => u.email)}::text[]) AS t(id, name, email)`.execute(db);

    // Memberships: every 6th account in Véloce (under its cap of 400), every account in two others,
    // the admin in Véloce and nine more (so that /api/v1/me lists ten memberships).
    const rows: { community: string; user: string; pseudonym: string; role: string; status: string }[] = [];
    const roles = [
      'member',
      'member',
      'member',
      'member',
      'member',
      'member',
      'member',
      'expert',
      'moderator',
    ];
    users.forEach((user, i) => {
      const pseudonym = `Membre_${i}`;
      const status = i % 20 === 7 ? 'pending' : 'active';
      const role = roles[i % roles.length];
      if (i % 6 === 0) rows.push({ community: veloce.id, user: user.id, pseudonym, role, status });
      const a = (i * 7) % EXTRA_COMMUNITIES;
      const b = (i * 13 + 5) % EXTRA_COMMUNITIES;
      rows.push({ community: communities[a].id, user: user.id, pseudonym, role, status });
      if (b !== a) rows.push({ community: communities[b].id, user: user.id, pseudonym, role, status });
    });
    rows.push({
      community: veloce.id,
      user: admin.id,
      pseudonym: 'Bench_Admin',
      role: 'admin',
      status: 'active',
    });
    for (let i = 0; i < 9; i++) {
      rows.push({
        community: communities[i].id,
        user: admin.id,
        pseudonym: 'Bench_Admin',
        role: 'admin',
        status: 'active',
      });
    }
    await sql`
      INSERT INTO memberships (id, community_id, user_id, pseudonym, pseudonym_key, role, status, joined_at)
      SELECT id, community_id, user_id, pseudonym, pseudonym_key, role, status, now() - (n || ' minutes')::interval
        FROM unnest(${rows.map(() => newId())}::uuid[], ${rows.map((r) => r.community)}::uuid[],
                    ${rows.map((r) => r.user)}::uuid[], ${rows.map((r) => r.pseudonym)}::text[],
                    ${rows.map((r) => pseudonymKey(r.pseudonym))}::text[], ${rows.map((r) => r.role)}::text[],
                    ${rows.map((r) => r.status)}::text[])
             WITH ORDINALITY AS t(id, community_id, user_id, pseudonym, pseudonym_key, role, status, n)`.execute(
      db,
    );
    await sql`ANALYZE`.execute(db);

    const counts = await sql<{ communities: number; users: number; memberships: number; veloce: number }>`
      SELECT (SELECT count(*) FROM communities)::int AS communities,
             (SELECT count(*) FROM auth_user)::int AS users,
             (SELECT count(*) FROM memberships)::int AS memberships,
             (SELECT count(*) FROM memberships WHERE community_id = ${veloce.id} AND status = 'active')::int AS veloce`.execute(
      db,
    );
    const c = counts.rows[0];
    return `${c.communities} communities, ${c.users} accounts, ${c.memberships} memberships (${c.veloce} active in veloce)`;
  } finally {
    await database.close();
  }
}
