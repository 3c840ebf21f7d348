import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { StoredEvent } from '../../../platform/events/outbox.ts';
import { LiveEvents } from '../../live/live.events.ts';
import { ResearchEvents, type SurveyCompletedPayload } from '../../research/research.events.ts';
import { type MemberRatedPayload, PanelEvents } from '../panel.events.ts';
import { recomputeReliability } from '../reliability.ts';
import { acceptedParticipantIds } from '../reliability.repository.ts';

/** The events that change a reliability score's inputs. */
export const RELIABILITY_EVENTS = [
  ResearchEvents.completed,
  LiveEvents.ended,
  PanelEvents.memberRated,
] as const;

/**
 * Recomputes the reliability of the members an event concerns: the respondent of a completed survey, the
 * rated member, and every member who accepted the invitation to a session that ended (a no-show shows
 * only then). Runs in the dispatcher's transaction.
 */
export async function onReliabilityInput(event: StoredEvent, trx: Transaction<DB>): Promise<void> {
  let members: string[] = [];
  if (event.type === ResearchEvents.completed)
    members = [(event.payload as unknown as SurveyCompletedPayload).memberId];
  else if (event.type === PanelEvents.memberRated)
    members = [(event.payload as unknown as MemberRatedPayload).memberId];
  else if (event.type === LiveEvents.ended)
    members = await acceptedParticipantIds(trx, String(event.payload.sessionId));
  for (const memberId of members) await recomputeReliability(trx, memberId);
}
