import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS, type LiveEntry } from '../../../../common/live/protocol.ts';
import {
  admitBob,
  expectRefused,
  moderatorRefusals,
  recordRealtime,
  runningRoom,
  seedGuide,
  sentRooms,
} from '../../../../test/live-command-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { liveRooms } from '../live-broadcast.ts';
import { postLiveMessage } from './post-live-message.ts';
import { revealLiveAnswers } from './reveal-live-answers.ts';
import { runLiveGuideItem } from './run-live-guide-item.ts';
import { showLiveTally } from './show-live-tally.ts';

beforeAll(() => testApp(), 180_000);

/** Both admitted; a blind choice question (tally shown) and an open one, sent; Alice answered the blind one. */
async function withBlindAnswer() {
  const f = await runningRoom();
  await admitBob(f);
  const moderator = await ctxFor(f.moderator.user);
  const sessionId = f.session.id;
  const [blind, open] = await seedGuide(f, [
    { kind: 'question', questionType: 'single', body: 'Winter?', options: ['Yes', 'No'], blind: true },
    { kind: 'question', questionType: 'open', body: 'Why?' },
  ]);
  for (const item of [blind, open])
    await runLiveGuideItem({ ctx: moderator, action: 'send', input: { sessionId, itemId: item.id } });
  await showLiveTally({ ctx: moderator, input: { sessionId, itemId: blind.id, show: true } });
  await postLiveMessage({
    ctx: await ctxFor(f.alice.user),
    input: { sessionId, clientId: 'a1', itemId: blind.id, choice: ['Yes'] },
  });
  return { ...f, blind, open };
}

describe('revealLiveAnswers', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await runningRoom();
    const ctx = await ctxFor(f.moderator.user);
    for (const [input, path] of [
      [{ sessionId: f.session.id, itemId: 'x' }, '/itemId'],
      [{ sessionId: 'x', itemId: newId() }, '/sessionId'],
    ] as const)
      await expectAppError(revealLiveAnswers({ ctx, input }), 'validation_failed', path);
  });

  it('is not found for an unknown session or question', async () => {
    const f = await withBlindAnswer();
    const ctx = await ctxFor(f.moderator.user);
    await expectAppError(
      revealLiveAnswers({ ctx, input: { sessionId: newId(), itemId: f.blind.id } }),
      'not_found',
    );
    await expectAppError(
      revealLiveAnswers({ ctx, input: { sessionId: f.session.id, itemId: newId() } }),
      'not_found',
    );
  });

  it('is refused to participants, observers, strangers and anonymous visitors', async () => {
    const f = await withBlindAnswer();
    await expectRefused(moderatorRefusals(f), (ctx) =>
      revealLiveAnswers({ ctx, input: { sessionId: f.session.id, itemId: f.blind.id } }),
    );
  });

  it('numbers a reveal, sends the answers in full to the participants and the shown tally to the room', async () => {
    const { kernel } = await testApp();
    const f = await withBlindAnswer();
    const ctx = await ctxFor(f.moderator.user);
    const sid = f.session.id;
    const record = recordRealtime(kernel);
    expect(await revealLiveAnswers({ ctx, input: { sessionId: sid, itemId: f.blind.id } })).toEqual({
      seq: 4,
    });
    const item = await kernel.db
      .selectFrom('live_guide_items')
      .select('revealed_at')
      .where('id', '=', f.blind.id)
      .executeTakeFirstOrThrow();
    expect(item.revealed_at).not.toBeNull();
    expect(sentRooms(record, LIVE_EVENTS.entries)).toEqual([
      [liveRooms.room(sid)],
      [liveRooms.participants(sid)],
    ]);
    const entries = record.flatMap((c) =>
      c.kind === 'send' && c.event === LIVE_EVENTS.entries
        ? (c.payload as { entries: LiveEntry[] }).entries
        : [],
    );
    expect(entries.map((e) => [e.seq, e.kind, e.hidden, e.choice])).toEqual([
      [4, 'reveal', false, null],
      [3, 'answer', false, ['Yes']],
    ]);
    expect(record.filter((c) => c.kind === 'send' && c.event === LIVE_EVENTS.tally)).toEqual([
      {
        kind: 'send',
        rooms: [liveRooms.room(sid)],
        event: LIVE_EVENTS.tally,
        payload: { sessionId: sid, itemId: f.blind.id, counts: { Yes: 1, No: 0 }, answers: 1 },
        except: [],
      },
    ]);
  });

  it('is a conflict for a question that is not blind, or revealed already', async () => {
    const f = await withBlindAnswer();
    const ctx = await ctxFor(f.moderator.user);
    const sessionId = f.session.id;
    for (const itemId of [f.open.id, f.blind.id]) {
      if (itemId === f.blind.id) await revealLiveAnswers({ ctx, input: { sessionId, itemId } });
      const e = await expectAppError(revealLiveAnswers({ ctx, input: { sessionId, itemId } }), 'conflict');
      expect(e.messageKey).toBe('live.error.notBlind');
    }
  });
});
