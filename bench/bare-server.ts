// The bare baseline of `npm run bench`: Fastify + pg and nothing else (no auth, rate limit, schemas,
// policies or web app). It answers GET /communities/:slug with the same JSON fields as Cercle's
// anonymous GET /api/v1/communities/:slug, from ONE query; GET /topics/:id with the JSON of Cercle's
// anonymous topic, from ONE query; and POST /topics/:id/replies with ONE transaction. Environment:
// DATABASE_URL, PORT.
import Fastify from 'fastify';
import pg from 'pg';
import { newId } from '../server/platform/db/ids.ts';
import { renderMarkdown } from '../server/platform/text/markdown.ts';
import { BARE_REPLY_STATEMENTS, BARE_TOPIC_QUERY } from './topic-bench.ts';

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!url || !Number.isInteger(port)) throw new Error('bare-server needs DATABASE_URL and PORT');

// The same pool size as Cercle's PostgreSQL pool (server/platform/db/database.ts).
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify({ logger: false });

const QUERY = `
  SELECT c.id, c.slug, c.name, c.description, c.default_locale, c.visibility, c.join_policy, c.member_cap,
         c.logo_url, c.primary_color, c.accent_color, c.created_at,
         (SELECT count(*) FROM memberships m WHERE m.community_id = c.id AND m.status = 'active')::int
           AS members_count
    FROM communities c
   WHERE c.slug = $1`;

interface Row {
  id: string;
  slug: string;
  name: string;
  description: string;
  default_locale: string;
  visibility: string;
  join_policy: string;
  member_cap: number | null;
  logo_url: string | null;
  primary_color: string;
  accent_color: string;
  created_at: Date;
  members_count: number;
}

app.get<{ Params: { slug: string } }>('/communities/:slug', async (request, reply) => {
  const { rows } = await pool.query<Row>(QUERY, [request.params.slug]);
  const row = rows[0];
  if (!row || row.visibility === 'hidden') return reply.status(404).send({ code: 'not_found' });
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    defaultLocale: row.default_locale,
    visibility: row.visibility,
    joinPolicy: row.join_policy,
    memberCap: row.member_cap,
    logoUrl: row.logo_url,
    primaryColor: row.primary_color,
    accentColor: row.accent_color,
    membersCount: row.members_count,
    createdAt: row.created_at.toISOString(),
    viewerMembership: null,
    // An anonymous viewer's abilities, as Cercle's community policy gives them.
    abilities: {
      view: true,
      viewContent: row.visibility === 'public',
      join: false,
      update: false,
      manageMembers: false,
      changeRoles: false,
      viewIdentity: false,
      viewAccessLog: false,
      invite: false,
    },
  };
});
// The topic page's JSON, built by PostgreSQL in one query (see BARE_TOPIC_QUERY).
app.get<{ Params: { id: string } }>('/topics/:id', async (request, reply) => {
  const { rows } = await pool.query<{ topic: unknown }>(BARE_TOPIC_QUERY, [request.params.id]);
  if (!rows[0]) return reply.status(404).send({ code: 'not_found' });
  return rows[0].topic;
});
// A reply: its Markdown rendered, then one transaction (insert + topic counter), no checks at all.
app.post<{ Params: { id: string }; Body: { body: string; authorId: string; communityId: string } }>(
  '/topics/:id/replies',
  async (request, reply) => {
    const { body, authorId, communityId } = request.body;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const inserted = await client.query(BARE_REPLY_STATEMENTS[0], [
        newId(),
        communityId,
        request.params.id,
        authorId,
        body,
        renderMarkdown(body),
      ]);
      await client.query(BARE_REPLY_STATEMENTS[1], [request.params.id]);
      await client.query('COMMIT');
      return reply.status(201).send(inserted.rows[0]);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  },
);
app.get('/healthz', async () => ({ status: 'ok' }));

await app.listen({ host: '127.0.0.1', port });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
