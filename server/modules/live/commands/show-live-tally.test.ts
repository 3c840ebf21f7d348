import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, startSession } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { visibleTallies } from '../live-tally.ts';
import { postLiveMessage } from './post-live-message.ts';
import { revealLiveAnswers } from './reveal-live-answers.ts';
import { runLiveGuideItem } from './run-live-guide-item.ts';
import { showLiveTally } from './show-live-tally.ts';
import { updateLiveSessionGuide } from './update-live-session-guide.ts';

beforeAll(() => testApp(), 180_000);

/** A running session with Alice and Bob admitted, an open question and a blind choice question, both sent. */
async function withQuestions() {
  const f = await liveCommunity();
  await startSession(f);
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('live_participants')
    .set({ attendance: 'admitted', admitted_at: new Date() })
    .where('session_id', '=', f.session.id)
    .execute();
  const moderator = await ctxFor(f.moderator.user);
  const [section] = await updateLiveSessionGuide({
    ctx: moderator,
    community: f.community.slug,
    sessionId: f.session.id,
    input: {
      sections: [
        {
          title: 'S',
          plannedMinutes: 5,
          items: [
            { kind: 'question', questionType: 'open', body: 'Why?' },
            {
              kind: 'question',
              questionType: 'single',
              body: 'Winter?',
              options: ['Yes', 'No'],
              blind: true,
            },
          ],
        },
      ],
    },
  });
  const [open, blind] = section.items;
  for (const item of [open, blind])
    await runLiveGuideItem({
      ctx: moderator,
      action: 'send',
      input: { sessionId: f.session.id, itemId: item.id },
    });
  return { ...f, moderatorCtx: moderator, open, blind };
}

describe('showLiveTally', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await liveCommunity();
    const ctx = await ctxFor(f.moderator.user);
    for (const [input, path] of [
      [{ sessionId: f.session.id, itemId: 'x', show: true }, '/itemId'],
      [{ sessionId: f.session.id, itemId: newId(), show: 'yes' }, '/show'],
    ] as const)
      await expectAppError(showLiveTally({ ctx, input }), 'validation_failed', path);
  });

  it('is not found for an unknown item or session', async () => {
    const f = await withQuestions();
    await expectAppError(
      showLiveTally({ ctx: f.moderatorCtx, input: { sessionId: f.session.id, itemId: newId(), show: true } }),
      'not_found',
    );
    await expectAppError(
      showLiveTally({ ctx: f.moderatorCtx, input: { sessionId: newId(), itemId: f.blind.id, show: true } }),
      'not_found',
    );
  });

  it('is forbidden to observers and participants; an open question has no tally', async () => {
    const f = await withQuestions();
    for (const user of [f.observer.user, f.alice.user]) {
      await expectAppError(
        showLiveTally({
          ctx: await ctxFor(user),
          input: { sessionId: f.session.id, itemId: f.blind.id, show: true },
        }),
        'forbidden',
      );
    }
    await expectAppError(
      showLiveTally({
        ctx: f.moderatorCtx,
        input: { sessionId: f.session.id, itemId: f.open.id, show: true },
      }),
      'conflict',
    );
  });

  it('shows participants the tally only when the moderator chooses, and a blind one to those who answered', async () => {
    const f = await withQuestions();
    const { kernel } = await testApp();
    const sid = f.session.id;
    const alice = { staff: false as const, memberId: f.alice.memberId };
    const bob = { staff: false as const, memberId: f.bob.memberId };
    await postLiveMessage({
      ctx: await ctxFor(f.alice.user),
      input: { sessionId: sid, clientId: 'a1', itemId: f.blind.id, choice: ['Yes'] },
    });
    // Not shown: staff see it, participants do not, not even Alice who answered.
    expect(await visibleTallies(kernel.db, sid, { staff: true })).toEqual([
      { itemId: f.blind.id, counts: { Yes: 1, No: 0 }, answers: 1 },
    ]);
    expect(await visibleTallies(kernel.db, sid, alice)).toEqual([]);
    expect(
      await showLiveTally({ ctx: f.moderatorCtx, input: { sessionId: sid, itemId: f.blind.id, show: true } }),
    ).toEqual({ show: true });
    // Shown, still blind: Alice (answered) sees it; Bob (not yet) does not.
    expect((await visibleTallies(kernel.db, sid, alice)).map((t) => t.answers)).toEqual([1]);
    expect(await visibleTallies(kernel.db, sid, bob)).toEqual([]);
    // Revealed: everyone.
    await revealLiveAnswers({ ctx: f.moderatorCtx, input: { sessionId: sid, itemId: f.blind.id } });
    expect((await visibleTallies(kernel.db, sid, bob)).map((t) => t.counts)).toEqual([{ Yes: 1, No: 0 }]);
    // Hidden again: nobody among the participants.
    await showLiveTally({ ctx: f.moderatorCtx, input: { sessionId: sid, itemId: f.blind.id, show: false } });
    expect(await visibleTallies(kernel.db, sid, bob)).toEqual([]);
    const item = await kernel.db
      .selectFrom('live_guide_items')
      .select('tally_shown')
      .where('id', '=', f.blind.id)
      .executeTakeFirstOrThrow();
    expect(item.tally_shown).toBe(false);
  });
});
