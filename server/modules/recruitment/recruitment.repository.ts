import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import { cursorTime } from '../../platform/db/cursor-time.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/db/ids.ts';
import type {
  ApplicationRow,
  ApplicationStatus,
  ApplicationTable,
  CampaignRow,
  CampaignTable,
} from '../../platform/db/schema-recruitment.ts';
import type { MembershipRow } from '../../platform/db/schema.ts';
import { FILLING } from './recruitment-rules.ts';

/** Stores a campaign. */
export async function insertCampaign(db: Queryable, row: Insertable<CampaignTable>): Promise<CampaignRow> {
  return db.insertInto('recruitment_campaigns').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a campaign. */
export async function updateCampaignRow(
  db: Queryable,
  id: string,
  values: Updateable<CampaignTable>,
): Promise<CampaignRow> {
  return db
    .updateTable('recruitment_campaigns')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The answers of every application of a campaign (to recount their quota cells). */
export async function campaignAnswers(db: Queryable, campaignId: string) {
  return db
    .selectFrom('recruitment_applications')
    .select(['id', 'answers', 'quota_cells'])
    .where('campaign_id', '=', campaignId)
    .execute();
}

/** The campaigns of a community, newest first. */
export async function listCampaignRows(db: Queryable, communityId: string): Promise<CampaignRow[]> {
  return db
    .selectFrom('recruitment_campaigns')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** One campaign of a community (undefined for an id that is not even a UUID). */
export async function findCampaign(db: Queryable, communityId: string, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('recruitment_campaigns')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A campaign by its public link token, with its community's name and slug. */
export async function findCampaignByToken(db: Queryable, token: string) {
  return db
    .selectFrom('recruitment_campaigns as r')
    .innerJoin('communities as c', 'c.id', 'r.community_id')
    .selectAll('r')
    .select(['c.name as community_name', 'c.slug as community_slug', 'c.member_cap'])
    .where('r.token', '=', token)
    .executeTakeFirst();
}

/** Locks a campaign row (serialises quota checks of its applicants) and returns it as it stands. */
export async function lockCampaign(db: Queryable, campaignId: string): Promise<CampaignRow> {
  return db
    .selectFrom('recruitment_campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/**
 * An application (`a`) still holds its quota place: not admitted, or admitted and still an active member of
 * the panel (a member who left, was suspended or removed frees their cell; as the member cap counts seats).
 */
const stillInPanel = sql<boolean>`(a.status <> 'admitted' OR EXISTS (
  SELECT 1 FROM memberships m WHERE m.id = a.member_id AND m.status = 'active' AND m.panel_stage <> 'removed'))`;

/**
 * How many applications fill each quota cell of these campaigns (the statuses in `FILLING`), in one query:
 * campaign id → cell → count (cells nobody fills are absent).
 */
export async function countCellsByCampaign(
  db: Queryable,
  campaignIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const byCampaign = new Map<string, Map<string, number>>();
  if (campaignIds.length === 0) return byCampaign;
  const { rows } = await sql<{ campaign_id: string; cell: string; n: number }>`
    SELECT a.campaign_id, q.cell, count(*)::int AS n
    FROM recruitment_applications a, jsonb_array_elements_text(a.quota_cells) AS q (cell)
    WHERE a.campaign_id IN (${sql.join(campaignIds)}) AND a.status IN (${sql.join(FILLING)})
      AND ${stillInPanel}
    GROUP BY a.campaign_id, q.cell`.execute(db);
  for (const row of rows) {
    const cells = byCampaign.get(row.campaign_id) ?? new Map<string, number>();
    cells.set(row.cell, Number(row.n));
    byCampaign.set(row.campaign_id, cells);
  }
  return byCampaign;
}

/** How many applications of one campaign fill each of these cells (0 for a cell nobody fills), in one query. */
export async function countCells(db: Queryable, campaignId: string, cells: string[]) {
  const filled = (await countCellsByCampaign(db, [campaignId])).get(campaignId);
  return new Map(cells.map((cell) => [cell, filled?.get(cell) ?? 0]));
}

/**
 * How many other applications of a campaign (all but `exceptId`) in these statuses fall in each of these
 * cells, in one query (0 for a cell none fills). The re-check of an application's quota at a staff decision
 * or at admission.
 */
export async function countOtherCells(
  db: Queryable,
  campaignId: string,
  cells: string[],
  statuses: readonly ApplicationStatus[],
  exceptId: string,
): Promise<Map<string, number>> {
  const counts = new Map(cells.map((cell) => [cell, 0]));
  if (cells.length === 0) return counts;
  const { rows } = await sql<{ cell: string; n: number }>`
    SELECT q.cell, count(*)::int AS n
    FROM recruitment_applications a, jsonb_array_elements_text(a.quota_cells) AS q (cell)
    WHERE a.campaign_id = ${campaignId} AND a.id <> ${exceptId} AND a.status IN (${sql.join(statuses)})
      AND q.cell IN (${sql.join(cells)}) AND ${stillInPanel}
    GROUP BY q.cell`.execute(db);
  for (const row of rows) counts.set(row.cell, Number(row.n));
  return counts;
}

/** The latest version of a community's consent texts, if any was published. */
export async function latestConsentTexts(db: Queryable, communityId: string) {
  return db
    .selectFrom('recruitment_consent_texts')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One version of a community's consent texts. */
export async function findConsentTexts(db: Queryable, communityId: string, version: number) {
  return db
    .selectFrom('recruitment_consent_texts')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Stores the next version of a community's consent texts; returns its number. */
export async function insertConsentTexts(
  db: Queryable,
  row: { id: string; community_id: string; texts: string; created_by: string },
): Promise<number> {
  const latest = await latestConsentTexts(db, row.community_id);
  const version = (latest?.version ?? 0) + 1;
  await db
    .insertInto('recruitment_consent_texts')
    .values({ ...row, version })
    .execute();
  return version;
}

/** Stores an application. Unique violations: `recruitment_applications_community_id_*_key`. */
export async function insertApplication(
  db: Queryable,
  row: Insertable<ApplicationTable>,
): Promise<ApplicationRow> {
  return db.insertInto('recruitment_applications').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes an application. */
export async function updateApplication(
  db: Queryable,
  id: string,
  values: Updateable<ApplicationTable>,
): Promise<ApplicationRow> {
  return db
    .updateTable('recruitment_applications')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user's application to a community, locked when `forUpdate`. */
export async function findApplicationOfUser(
  db: Queryable,
  communityId: string,
  userId: string,
  forUpdate = false,
) {
  let query = db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** An application of a community by id, locked for the transaction. */
export async function findApplicationForUpdate(db: Queryable, communityId: string, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** An application by the hash of a token it was sent (email confirmation or seat offer), locked. */
export async function findApplicationByToken(
  db: Queryable,
  column: 'email_token_hash' | 'offer_token_hash',
  hash: string,
) {
  return db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where(column, '=', hash)
    .forUpdate()
    .executeTakeFirst();
}

/** The panel stage of a membership (null when it is gone). */
export async function panelStageOf(db: Queryable, memberId: string | null) {
  if (!memberId) return null;
  const row = await db
    .selectFrom('memberships')
    .select('panel_stage')
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row?.panel_stage ?? null;
}

/**
 * Locks the community row (serialising admissions, as joins do) and counts the seats taken: active
 * members not removed from the panel, plus seat offers still running; with the cap read under the lock.
 */
export async function lockCommunityAndCountSeats(db: Queryable, communityId: string, now = new Date()) {
  const community = await db
    .selectFrom('communities')
    .select('member_cap')
    .where('id', '=', communityId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .where('panel_stage', '!=', 'removed')
    .executeTakeFirstOrThrow();
  const offers = await db
    .selectFrom('recruitment_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'offered')
    .where('offer_expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return { cap: community.member_cap, taken: Number(members.n) + Number(offers.n) };
}

/** The next position at the end of a community's waitlist (call with the community locked). */
export async function nextWaitlistPosition(db: Queryable, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('recruitment_applications')
    .select((eb) => eb.fn.max('waitlist_position').as('last'))
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** The first applicants of a community's waitlist, in order. */
export async function firstWaitlisted(db: Queryable, communityId: string, limit: number) {
  return db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_position')
    .limit(limit)
    .execute();
}

/** Communities with someone waiting or an offer that ran out (the seat sweep's work list). */
export async function communitiesToSweep(db: Queryable, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('recruitment_applications')
    .select('community_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb('status', '=', 'waitlisted'),
        eb.and([eb('status', '=', 'offered'), eb('offer_expires_at', '<=', now)]),
      ]),
    )
    .limit(500)
    .execute();
  return rows.map((r) => r.community_id);
}

/** Offers of a community that ran out: they go back to the end of the waitlist (locked). */
export async function expiredOffers(db: Queryable, communityId: string, now: Date) {
  return db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .orderBy('waitlist_position')
    .forUpdate()
    .execute();
}

/** Inserts the membership of an admitted applicant, on probation. */
export async function insertProbationMembership(
  db: Queryable,
  values: { id: string; community_id: string; user_id: string; pseudonym: string; pseudonym_key: string },
): Promise<MembershipRow> {
  return db
    .insertInto('memberships')
    .values({
      ...values,
      status: 'active',
      panel_stage: 'probation',
      probation_started_at: sql<Date>`now()`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function applicationView(db: Queryable, communityId: string) {
  return db
    .selectFrom('recruitment_applications as a')
    .innerJoin('auth_user as u', 'u.id', 'a.user_id')
    .leftJoin('memberships as m', 'm.id', 'a.member_id')
    .selectAll('a')
    .select(['u.name', 'm.panel_stage'])
    .where('a.community_id', '=', communityId);
}

/**
 * One page of a community's applications with the applicant's name and membership stage: newest first
 * (keyset on the application time and id), or the waitlist in its order (keyset on the position and id);
 * `limit + 1` rows, each with its cursor key.
 */
export async function listApplicationRows(
  db: Queryable,
  communityId: string,
  filter: { status?: ApplicationStatus; campaignId?: string; limit: number; after: [string, string] | null },
) {
  let query = applicationView(db, communityId).select(cursorTime('a.created_at').as('cursor_at'));
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.campaignId) query = query.where('a.campaign_id', '=', filter.campaignId);
  if (filter.status === 'waitlisted') {
    if (filter.after) {
      const [position, id] = filter.after;
      query = query.where(
        sql<SqlBool>`(a.waitlist_position, a.id) > (${Number(position)}::int, ${id}::uuid)`,
      );
    }
    query = query.orderBy('a.waitlist_position').orderBy('a.id');
  } else {
    if (filter.after) {
      const [at, id] = filter.after;
      query = query.where(sql<SqlBool>`(a.created_at, a.id) < (${at}::timestamptz, ${id}::uuid)`);
    }
    query = query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc');
  }
  return query.limit(filter.limit + 1).execute();
}

/** One application of a community with the applicant's name and membership stage. */
export async function findApplicationView(db: Queryable, communityId: string, id: string) {
  return applicationView(db, communityId).where('a.id', '=', id).executeTakeFirstOrThrow();
}

/** The application a membership came from (its consents). */
export async function findApplicationOfMember(db: Queryable, memberId: string) {
  return db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** A campaign's over-quota applications in application order, locked (call with the campaign locked). */
export async function overQuotaApplications(db: Queryable, campaignId: string) {
  return db
    .selectFrom('recruitment_applications')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'over_quota')
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** The campaigns with someone over quota (at most 500), for the sweep to promote into freed cells. */
export async function campaignsWithOverQuota(db: Queryable): Promise<{ id: string; community_id: string }[]> {
  return db
    .selectFrom('recruitment_applications')
    .select(['campaign_id as id', 'community_id'])
    .distinct()
    .where('status', '=', 'over_quota')
    .limit(500)
    .execute();
}

/** The campaigns through which a member was admitted (their quota cells free when they leave). */
export async function campaignsOfMember(db: Queryable, communityId: string, memberId: string) {
  const rows = await db
    .selectFrom('recruitment_applications')
    .select('campaign_id')
    .distinct()
    .where('community_id', '=', communityId)
    .where('member_id', '=', memberId)
    .execute();
  return rows.map((r) => r.campaign_id);
}
