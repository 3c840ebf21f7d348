import type { LiveTally } from '../../../common/live/protocol.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { LiveGuideItemRow } from '../../platform/db/schema-live.ts';
import { tallyAudience } from './live-broadcast.ts';
import { listItems } from './live-guide.repository.ts';
import { listAnswers } from './live-room.repository.ts';
import { itemOptions } from './live.presenter.ts';
import type { EntryRow } from './live-room.repository.ts';

/** The values a rating question takes. */
export const RATING_VALUES = ['1', '2', '3', '4', '5'] as const;

/** The values one may choose for a question: its options, or the rating scale. */
export function choicesOf(item: Pick<LiveGuideItemRow, 'question_type' | 'options'>): string[] {
  if (item.question_type === 'rating') return [...RATING_VALUES];
  return itemOptions(item);
}

/** Counts the answers of a choice or rating question per value (deleted answers left out). */
export function tallyOf(
  item: Pick<LiveGuideItemRow, 'id' | 'question_type' | 'options'>,
  answers: EntryRow[],
): LiveTally {
  const counts: Record<string, number> = Object.fromEntries(choicesOf(item).map((c) => [c, 0]));
  let total = 0;
  for (const answer of answers) {
    if (answer.deleted_at || !Array.isArray(answer.choice)) continue;
    total++;
    for (const value of answer.choice as unknown[]) {
      const key = String(value);
      if (key in counts) counts[key]++;
    }
  }
  return { itemId: item.id, counts, answers: total };
}

/** The participants who answered, from a question's answers. */
export function answerersOf(answers: Pick<EntryRow, 'author_member_id'>[]): string[] {
  return answers.map((a) => a.author_member_id).filter((id): id is string => !!id);
}

/**
 * The tallies of a session's sent choice and rating questions that a viewer may see now: staff all of
 * them; a participant (`memberId`) those `tallyAudience` lets them see.
 */
export async function visibleTallies(
  db: Queryable,
  sessionId: string,
  viewer: { staff: true } | { staff: false; memberId: string },
): Promise<LiveTally[]> {
  const items = (await listItems(db, sessionId)).filter(
    (i) => i.state === 'sent' && i.kind === 'question' && i.question_type !== 'open',
  );
  const tallies: LiveTally[] = [];
  for (const item of items) {
    if (!viewer.staff && !item.tally_shown) continue;
    const answers = await listAnswers(db, sessionId, item.id);
    const audience = tallyAudience(item, answerersOf(answers));
    if (viewer.staff || audience === 'all' || (audience !== 'none' && audience.includes(viewer.memberId)))
      tallies.push(tallyOf(item, answers));
  }
  return tallies;
}
