import type { Queryable } from '../../platform/db/database.ts';
import { releaseEntries } from './award-points.ts';
import { appendLedgerEntries, lockBalance } from './ledger.repository.ts';
import {
  findAwardIdsOfSource,
  findAwardStates,
  findMemberFacts,
  loadRewardsSettings,
} from './points.repository.ts';
import { refreshStanding } from './standing.ts';

const HOUR_MS = 3_600_000;

/** The reversals a restore gives back: the item went away (a withdrawn solution stays withdrawn). */
const RESTORABLE_REASONS: readonly string[] = [
  'content.hidden',
  'content.deleted',
  'reply.deleted',
  'topic.deleted',
];

/** The idempotency key of a restored award: the restore event and the award it earns again. */
export function restoreKey(eventId: string, awardId: string): string {
  return `restore:${eventId}:${awardId}`;
}

/** The award a restored award earns again (the last part of its key), or null for any other award. */
function originOf(idempotencyKey: string): string | null {
  return idempotencyKey.startsWith('restore:')
    ? idempotencyKey.slice(idempotencyKey.lastIndexOf(':') + 1)
    : null;
}

/**
 * Earns again what a restored item (a hidden or deleted reply or topic brought back by a moderator) lost
 * to its reversals: for every award of the item reversed because the item went away and not earned again
 * since, a new `award` of the points the reversal took, pending for the review period like any award
 * (reason `content.restored`), keyed by the restore event and that award. A replayed restore event pays
 * once; a second hide and restore earns again from the award the first restore wrote. Awards of members no
 * longer active are skipped. Returns the number of awards written.
 */
export async function restoreAwardsOf(
  trx: Queryable,
  communityId: string,
  source: { type: string; id: string; eventId: string },
): Promise<number> {
  // A restore delivered late (after the item went away again) earns nothing: the next restore will.
  if (!(await isPublished(trx, communityId, source))) return 0;
  const ids = await findAwardIdsOfSource(trx, communityId, source);
  if (ids.length === 0) return 0;
  const states = await findAwardStates(
    trx,
    communityId,
    ids.map((a) => a.id),
  );
  const earnedAgain = new Set(
    states.map((s) => originOf(s.award.idempotency_key)).filter((id) => id !== null),
  );
  const settings = await loadRewardsSettings(trx, communityId);
  const members = new Set<string>();
  let written = 0;
  for (const { award, status } of states) {
    if (status !== 'reversed' || earnedAgain.has(award.id)) continue;
    const key = restoreKey(source.eventId, award.id);
    const member = await findMemberFacts(trx, communityId, award.member_id);
    if (member?.status !== 'active') continue;
    await lockBalance(trx, communityId, award.member_id);
    // Under the member's lock, again: another delivery (a replay, or another restore of the same item
    // handled at the same time) may have earned this award again since `earnedAgain` was read.
    if (await earnedAgainSince(trx, communityId, award)) continue;
    const [current] = await findAwardStates(trx, communityId, [award.id]);
    const reversals = (await childrenOf(trx, communityId, award.id)).filter(
      (c) => c.kind === 'reversal' && c.reason !== null && RESTORABLE_REASONS.includes(c.reason),
    );
    const points = -reversals.reduce((sum, c) => sum + c.points, 0);
    if (current.status !== 'reversed' || points <= 0) continue;
    const [restored] = await appendLedgerEntries(trx, [
      {
        communityId,
        memberId: award.member_id,
        kind: 'award',
        bucket: 'pending',
        points,
        action: award.action,
        reason: 'content.restored',
        sourceEventId: source.eventId,
        sourceType: award.source_type,
        sourceId: award.source_id,
        counterpartId: award.counterpart_id,
        releaseAt: new Date(Date.now() + settings.reviewHours * HOUR_MS),
        idempotencyKey: key,
      },
    ]);
    if (!restored) continue;
    if (settings.reviewHours === 0) await appendLedgerEntries(trx, releaseEntries(restored, null));
    written++;
    members.add(award.member_id);
  }
  if (members.size > 0) await refreshStanding(trx, communityId, [...members]);
  return written;
}

/** Whether the restored reply or topic is published now. */
async function isPublished(db: Queryable, communityId: string, source: { type: string; id: string }) {
  if (source.type !== 'reply' && source.type !== 'topic') return false;
  const row = await db
    .selectFrom(source.type === 'reply' ? 'replies' : 'topics')
    .select('status')
    .where('community_id', '=', communityId)
    .where('id', '=', source.id)
    .executeTakeFirst();
  return row?.status === 'published';
}

/** Whether an award was already earned again by a restore (an award keyed `restore:<event>:<award id>`). */
async function earnedAgainSince(
  db: Queryable,
  communityId: string,
  award: { id: string; source_type: string | null; source_id: string | null },
): Promise<boolean> {
  let query = db
    .selectFrom('points_ledger')
    .select('id')
    .where('community_id', '=', communityId)
    .where('kind', '=', 'award')
    .where('reason', '=', 'content.restored')
    .where('idempotency_key', 'like', `restore:%:${award.id}`);
  if (award.source_id !== null) query = query.where('source_id', '=', award.source_id);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** The entries that settle one award. */
async function childrenOf(db: Queryable, communityId: string, awardId: string) {
  return db
    .selectFrom('points_ledger')
    .select(['kind', 'points', 'reason'])
    .where('community_id', '=', communityId)
    .where('parent_id', '=', awardId)
    .execute();
}
