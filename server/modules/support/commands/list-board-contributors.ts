import { sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import type { BoardContributorsDto } from '../support.schemas.ts';
import { loadBoard } from './load-support.ts';

/** How far back top contributors are counted, in days. */
export const CONTRIBUTORS_WINDOW_DAYS = 90;
/** How many top contributors a board shows. */
export const TOP_CONTRIBUTORS = 5;
/** How many experts a board shows at most. */
export const MAX_EXPERTS = 10;

interface ContributorRow {
  kind: 'expert' | 'top';
  id: string;
  pseudonym: string;
  role: string;
  solutions: number;
  kudos: number;
}

/**
 * One query: the community's active experts (by pseudonym) and the board's top contributors of the last
 * 90 days — accepted solutions in the board's published topics first, then kudos received there.
 * `memberships_experts_idx`, `topics_board_activity_idx`, `replies_topic_idx` and `kudos_target_idx`
 * serve it.
 */
async function contributorRows(db: Queryable, communityId: string, boardId: string) {
  const since = sql`now() - make_interval(days => ${CONTRIBUTORS_WINDOW_DAYS})`;
  const { rows } = await sql<ContributorRow>`
    WITH board_topics AS (
      SELECT id, author_id FROM topics WHERE board_id = ${boardId} AND status = 'published'
    ), board_replies AS (
      SELECT r.id, r.author_id, r.is_solution, r.created_at
      FROM board_topics t JOIN replies r ON r.topic_id = t.id
      WHERE r.status = 'published'
    ), solutions AS (
      SELECT author_id AS member_id, count(*)::int AS solutions
      FROM board_replies WHERE is_solution AND created_at >= ${since} GROUP BY author_id
    ), received AS (
      SELECT k.receiver_id AS member_id, count(*)::int AS kudos
      FROM kudos k
      WHERE k.community_id = ${communityId} AND k.created_at >= ${since}
        AND ((k.target_type = 'reply' AND k.target_id IN (SELECT id FROM board_replies))
          OR (k.target_type = 'topic' AND k.target_id IN (SELECT id FROM board_topics)))
      GROUP BY k.receiver_id
    ), top AS (
      SELECT m.id, m.pseudonym, m.role,
             coalesce(s.solutions, 0) AS solutions, coalesce(r.kudos, 0) AS kudos
      FROM solutions s FULL JOIN received r ON r.member_id = s.member_id
      JOIN memberships m ON m.id = coalesce(s.member_id, r.member_id)
      WHERE m.status = 'active' AND m.community_id = ${communityId}
      ORDER BY solutions DESC, kudos DESC, m.pseudonym
      LIMIT ${TOP_CONTRIBUTORS}
    ), experts AS (
      SELECT m.id, m.pseudonym, m.role, 0 AS solutions, 0 AS kudos
      FROM memberships m
      WHERE m.community_id = ${communityId} AND m.role = 'expert' AND m.status = 'active'
      ORDER BY m.pseudonym
      LIMIT ${MAX_EXPERTS}
    )
    SELECT 'expert' AS kind, * FROM experts
    UNION ALL
    SELECT 'top' AS kind, * FROM top`.execute(db);
  return rows;
}

/**
 * The people who help in a board: the community's experts and the board's top five contributors of the
 * last 90 days (accepted solutions, then kudos received), pseudonyms and roles only.
 * @throws AppError(not_found: unknown board or one the viewer may not read)
 */
export async function listBoardContributors({
  ctx,
  community,
  board: boardKey,
}: {
  ctx: Ctx;
  community: string;
  board: string;
}): Promise<BoardContributorsDto> {
  const resource = await loadBoard(ctx, community, boardKey);
  const rows = await contributorRows(ctx.kernel.db, resource.community.id, resource.board.id);
  const person = (row: ContributorRow) => ({ id: row.id, pseudonym: row.pseudonym, role: row.role });
  return {
    experts: rows.filter((row) => row.kind === 'expert').map(person),
    topContributors: rows
      .filter((row) => row.kind === 'top')
      .map((row) => ({ ...person(row), solutions: row.solutions, kudos: row.kudos })),
  };
}
