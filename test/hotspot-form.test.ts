import { describe, expect, it } from 'vitest';
import type { QuestionInput } from '../server/modules/research/survey-definition.ts';
import { hotspotAnswer, isMarkerEdit } from '../web/lib/hotspot-form.ts';
import { answerOf } from '../web/lib/survey-form.ts';

const spots: QuestionInput = {
  id: 'spots',
  type: 'hotspot',
  title: 'Where?',
  required: true,
  stimulus: { mediaId: '01900000-0000-7000-8000-00000000000a' },
};
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const saved = JSON.stringify([{ x: 0.1, y: 0.2, kind: 'like', comment: 'Nice' }]);

describe('a hotspot answer read from the form without JavaScript', () => {
  it('adds one marker from a click on the image button, in fractions of the image as drawn', () => {
    const f = form({
      'q.spots': saved,
      'q.spots.at.x': '80',
      'q.spots.at.y': '50',
      'q.spots.w': '320',
      'q.spots.h': '200',
      'q.spots.kind': 'dislike',
    });
    expect(isMarkerEdit(f)).toBe(true);
    expect(answerOf(spots, f)).toEqual([
      { x: 0.1, y: 0.2, kind: 'like', comment: 'Nice' },
      { x: 0.25, y: 0.25, kind: 'dislike' },
    ]);
  });

  it('adds a marker from the position typed in percent, applies the comments and removes the one asked', () => {
    const typed = form({
      'q.spots': saved,
      'q.spots.x': '40',
      'q.spots.y': '75',
      intent: 'mark:spots',
      'q.spots.comment.0': ' Great logo ',
    });
    expect(isMarkerEdit(typed)).toBe(true);
    expect(hotspotAnswer(spots, 'q.spots', typed)).toEqual([
      { x: 0.1, y: 0.2, kind: 'like', comment: 'Great logo' },
      { x: 0.4, y: 0.75, kind: 'like' },
    ]);
    const removed = form({ 'q.spots': saved, intent: 'unmark:spots:0', 'q.spots.comment.0': '' });
    expect(hotspotAnswer(spots, 'q.spots', removed)).toBeUndefined();
    // Another question's buttons leave this one alone; a cleared comment goes.
    const other = form({ 'q.spots': saved, intent: 'mark:elsewhere', 'q.spots.comment.0': '' });
    expect(hotspotAnswer(spots, 'q.spots', other)).toEqual([{ x: 0.1, y: 0.2, kind: 'like' }]);
  });

  it('keeps unreadable input as typed for the server to refuse, and "next" is no marker edit', () => {
    const f = form({ 'q.spots': '', 'q.spots.x': 'left', 'q.spots.y': '10', intent: 'mark:spots' });
    expect(hotspotAnswer(spots, 'q.spots', f)).toEqual([{ x: 'left', y: 0.1, kind: 'like' }]);
    expect(hotspotAnswer(spots, 'q.spots', form({ 'q.spots': '{oops' }))).toBe('{oops');
    expect(isMarkerEdit(form({ 'q.spots': saved, intent: 'next' }))).toBe(false);
    expect(answerOf(spots, form({ 'q.spots': saved, intent: 'next' }))).toEqual(JSON.parse(saved));
  });
});
