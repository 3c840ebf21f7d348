import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { appendEvent, type StoredEvent } from '../../platform/events/outbox.ts';
import { type Emit, type Kernel, transact } from '../../platform/kernel.ts';
import { LiveEvents, type SessionAttendedPayload } from '../live/live.events.ts';
import { ResearchEvents, type SurveyCompletedPayload } from '../research/research.events.ts';
import { SupportEvents } from '../support/support.events.ts';
import { PanelEvents, type StageChangedPayload } from './panel.events.ts';
import { DEFAULT_PANEL_SETTINGS } from './reliability.repository.ts';

/** The daily job that marks members dormant. */
export const DORMANCY_JOB = 'panel.dormancy';
/** When it runs (pg-boss cron: every day at 03:20). */
export const DORMANCY_CRON = '20 3 * * *';

/** The events that show a member taking part (a dormant member who does is active again). */
export const ACTIVITY_EVENTS = [
  ResearchEvents.completed,
  LiveEvents.attended,
  SupportEvents.topicCreated,
  SupportEvents.replyCreated,
] as const;

/**
 * Marks dormant every active panel member (role member or expert, membership active) of every community
 * who joined more than the community's `dormant_days` ago and has not taken part since: no completed
 * survey or poll, no live session joined, no topic or reply. One statement; emits `member.stage_changed`
 * for each. Returns how many became dormant.
 */
export async function markDormantMembers(kernel: Kernel, now = new Date()): Promise<number> {
  return transact(kernel, async (trx, emit) => {
    const days = sql`coalesce((SELECT s.dormant_days FROM panel_settings s WHERE s.community_id = m.community_id), ${DEFAULT_PANEL_SETTINGS.dormant_days})`;
    const since = sql<Date>`${now}::timestamptz - make_interval(days => ${days})`;
    const rows = await sql<{ id: string; community_id: string }>`
      UPDATE memberships AS m SET panel_stage = 'dormant', updated_at = ${now}
      WHERE m.panel_stage = 'active' AND m.status = 'active' AND m.role IN ('member', 'expert')
        AND m.joined_at < ${since}
        AND NOT EXISTS (SELECT 1 FROM survey_responses r
          WHERE r.member_id = m.id AND r.status = 'completed' AND r.completed_at >= ${since})
        AND NOT EXISTS (SELECT 1 FROM live_participants p
          WHERE p.member_id = m.id AND p.admitted_at >= ${since})
        AND NOT EXISTS (SELECT 1 FROM topics t WHERE t.author_id = m.id AND t.created_at >= ${since})
        AND NOT EXISTS (SELECT 1 FROM replies y WHERE y.author_id = m.id AND y.created_at >= ${since})
      RETURNING m.id, m.community_id`.execute(trx);
    for (const row of rows.rows) await emitStage(emit, row.community_id, row.id, 'active', 'dormant');
    return rows.rows.length;
  });
}

/** The member an activity event is about. */
function activeMemberOf(event: StoredEvent): string | null {
  if (event.type === ResearchEvents.completed)
    return (event.payload as unknown as SurveyCompletedPayload).memberId;
  if (event.type === LiveEvents.attended)
    return (event.payload as unknown as SessionAttendedPayload).memberId;
  const author = event.payload.authorId;
  return typeof author === 'string' ? author : null;
}

/**
 * A dormant member who takes part (an activity event) is active again, in the dispatcher's transaction;
 * emits `member.stage_changed`. Members at any other stage are left as they are.
 */
export async function onActivity(event: StoredEvent, trx: Transaction<DB>): Promise<void> {
  const memberId = activeMemberOf(event);
  if (!memberId) return;
  const woken = await trx
    .updateTable('memberships')
    .set({ panel_stage: 'active', updated_at: sql<Date>`now()` })
    .where('id', '=', memberId)
    .where('panel_stage', '=', 'dormant')
    .returning(['id', 'community_id'])
    .executeTakeFirst();
  if (!woken) return;
  await emitStage((e) => appendEvent(trx, e), woken.community_id, woken.id, 'dormant', 'active');
}

/** Emits `member.stage_changed` (no actor: the job or the member's own activity changed it). */
function emitStage(
  emit: Emit,
  communityId: string,
  memberId: string,
  from: StageChangedPayload['from'],
  to: StageChangedPayload['to'],
): Promise<string> {
  const payload: StageChangedPayload = { communityId, memberId, from, to };
  return emit({ type: PanelEvents.stageChanged, communityId, actorUserId: null, payload });
}
