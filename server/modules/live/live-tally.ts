import type { LiveTally } from '../../../common/live/protocol.ts';
import type { LiveGuideItemRow } from '../../platform/db/schema-live.ts';
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
