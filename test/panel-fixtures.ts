import type { Transaction } from 'kysely';
import { newId } from '../server/platform/db/ids.ts';
import type { DB } from '../server/platform/db/schema.ts';
import type { StoredEvent } from '../server/platform/events/outbox.ts';
import { transact } from '../server/platform/kernel.ts';
import type { SurveyDefinitionInput } from '../server/modules/research/survey-definition.ts';
import { testApp } from './helpers.ts';

/** A survey with a trap, a repeated question and a four-row matrix (the reliability checks). */
export const CHECKED_SURVEY: SurveyDefinitionInput = {
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'often',
          type: 'single',
          title: 'How often do you ride?',
          required: true,
          options: [
            { id: 'daily', label: 'Daily' },
            { id: 'weekly', label: 'Weekly' },
          ],
        },
        {
          id: 'attention',
          type: 'scale',
          title: 'To show you read this, choose 2.',
          required: true,
          trap: { expected: 2 },
        },
        {
          id: 'grid',
          type: 'matrix',
          title: 'Rate each part',
          required: true,
          options: [
            { id: 'good', label: 'Good' },
            { id: 'bad', label: 'Bad' },
          ],
          rows: [
            { id: 'seat', label: 'Seat' },
            { id: 'bell', label: 'Bell' },
            { id: 'brakes', label: 'Brakes' },
            { id: 'tyres', label: 'Tyres' },
          ],
        },
      ],
    },
    {
      id: 'p2',
      questions: [
        {
          id: 'often_again',
          type: 'single',
          title: 'Again: how often do you ride?',
          required: true,
          repeatOf: 'often',
          options: [
            { id: 'daily', label: 'Daily' },
            { id: 'weekly', label: 'Weekly' },
          ],
        },
      ],
    },
  ],
};

/** Answers that pass every check. */
export const CAREFUL_ANSWERS = {
  often: 'daily',
  attention: 2,
  grid: { seat: 'good', bell: 'bad', brakes: 'good', tyres: 'good' },
  often_again: 'daily',
};

/** Answers that fail the trap and the repeat and straight-line the matrix. */
export const CARELESS_ANSWERS = {
  often: 'daily',
  attention: 5,
  grid: { seat: 'good', bell: 'good', brakes: 'good', tyres: 'good' },
  often_again: 'weekly',
};

/** Inserts a completed response directly. */
export async function seedCompletedResponse(
  survey: { id: string; community_id: string },
  memberId: string,
  answers: object,
  durationMs: number,
) {
  const { kernel } = await testApp();
  await kernel.db
    .insertInto('survey_responses')
    .values({
      id: newId(),
      community_id: survey.community_id,
      survey_id: survey.id,
      member_id: memberId,
      status: 'completed',
      answers: JSON.stringify(answers),
      completed_at: new Date(),
      duration_ms: durationMs,
    })
    .execute();
}

/** Sets a member's panel stage (and probation start) directly. */
export async function setStage(
  memberId: string,
  stage: 'probation' | 'active' | 'dormant' | 'removed',
  probationStartedAt: Date | null = null,
) {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('memberships')
    .set({ panel_stage: stage, probation_started_at: probationStartedAt })
    .where('id', '=', memberId)
    .execute();
}

/** Hands a subscriber one event, as the dispatcher would, in a transaction of its own. */
export async function deliverEvent(
  handle: (event: StoredEvent, trx: Transaction<DB>) => Promise<void>,
  type: string,
  communityId: string,
  payload: Record<string, unknown>,
) {
  const { kernel } = await testApp();
  const event: StoredEvent = {
    id: newId(),
    type,
    communityId,
    actorUserId: null,
    payload,
    createdAt: new Date(),
  };
  await transact(kernel, (trx) => handle(event, trx));
}
