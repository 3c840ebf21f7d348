import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { StoredEvent } from '../../../platform/events/outbox.ts';
import { LiveEvents, type SessionAttendedPayload } from '../../live/live.events.ts';
import { ResearchEvents, type SurveyCompletedPayload } from '../../research/research.events.ts';
import { awardPoints } from '../award-points.ts';
import { refreshStanding } from '../standing.ts';

/** The research and live-session events that earn points. */
export const PARTICIPATION_EVENTS = [ResearchEvents.completed, LiveEvents.attended] as const;

/**
 * Awards the points of a completed survey (the amount the survey declares, when the community's
 * `survey.completed` rule takes declared amounts) or of an attended live session (the rule's amount),
 * keyed by the event like every award: a replayed event pays once. An attended session also refreshes the
 * member's standing (the `five_sessions` badge counts sessions attended, even when the rule is off).
 */
export async function onParticipationEvent(event: StoredEvent, trx: Transaction<DB>): Promise<void> {
  if (event.type === ResearchEvents.completed) {
    const p = event.payload as unknown as SurveyCompletedPayload;
    await awardPoints(trx, {
      communityId: p.communityId,
      memberId: p.memberId,
      action: 'survey.completed',
      sourceEventId: event.id,
      sourceType: 'survey_response',
      sourceId: p.responseId,
      declaredPoints: p.points,
    });
  } else if (event.type === LiveEvents.attended) {
    const p = event.payload as unknown as SessionAttendedPayload;
    await awardPoints(trx, {
      communityId: p.communityId,
      memberId: p.memberId,
      action: 'session.attended',
      sourceEventId: event.id,
      sourceType: 'live_session',
      sourceId: p.sessionId,
    });
    // Sessions attended earn a badge whether or not the rule pays points.
    await refreshStanding(trx, p.communityId, [p.memberId]);
  }
}
