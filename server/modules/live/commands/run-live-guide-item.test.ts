import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS, type LiveEntry } from '../../../../common/live/protocol.ts';
import {
  expectRefused,
  moderatorRefusals,
  recordRealtime,
  seedGuide,
  sentRooms,
} from '../../../../test/live-command-fixtures.ts';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { liveRooms } from '../live-broadcast.ts';
import { runLiveGuideItem } from './run-live-guide-item.ts';

beforeAll(() => testApp(), 180_000);

/** A scheduled session (not started) with a question, a probe and a note, all queued. */
async function withGuide() {
  const f = await liveCommunity();
  const [question, probe, note] = await seedGuide(f, [
    { kind: 'question', questionType: 'single', body: 'Winter?', options: ['Yes', 'No'] },
    { kind: 'probe', body: 'Tell me more' },
    { kind: 'note', body: 'Watch the time' },
  ]);
  return { ...f, question, probe, note };
}

const itemRow = async (id: string) => {
  const { kernel } = await testApp();
  return kernel.db.selectFrom('live_guide_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
};

describe('runLiveGuideItem', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await withGuide();
    const ctx = await ctxFor(f.moderator.user);
    for (const [input, path] of [
      [{ sessionId: f.session.id, itemId: 'x' }, '/itemId'],
      [{ sessionId: f.session.id, itemId: f.question.id, body: '' }, '/body'],
      [{ sessionId: f.session.id, itemId: f.question.id, body: 'x'.repeat(4001) }, '/body'],
    ] as const)
      await expectAppError(runLiveGuideItem({ ctx, action: 'send', input }), 'validation_failed', path);
  });

  it('is not found for an unknown session or item', async () => {
    const f = await withGuide();
    const ctx = await ctxFor(f.moderator.user);
    await expectAppError(
      runLiveGuideItem({ ctx, action: 'send', input: { sessionId: newId(), itemId: f.question.id } }),
      'not_found',
    );
    await expectAppError(
      runLiveGuideItem({ ctx, action: 'skip', input: { sessionId: f.session.id, itemId: newId() } }),
      'not_found',
    );
  });

  it('is refused to participants, observers, strangers and anonymous visitors', async () => {
    const f = await withGuide();
    for (const action of ['send', 'skip'] as const) {
      await expectRefused(moderatorRefusals(f), (ctx) =>
        runLiveGuideItem({ ctx, action, input: { sessionId: f.session.id, itemId: f.question.id } }),
      );
    }
    expect((await itemRow(f.question.id)).state).toBe('queued');
  });

  it('sends an item as edited, which starts the session, and tells the staff; skips another', async () => {
    const { kernel } = await testApp();
    const f = await withGuide();
    const ctx = await ctxFor(f.moderator.user);
    const sid = f.session.id;
    const record = recordRealtime(kernel);
    expect(
      await runLiveGuideItem({
        ctx,
        action: 'send',
        input: { sessionId: sid, itemId: f.question.id, body: ' Do you ride in winter? ' },
      }),
    ).toEqual({ seq: 1 });
    expect(await itemRow(f.question.id)).toMatchObject({ state: 'sent', body: 'Do you ride in winter?' });
    const session = await kernel.db
      .selectFrom('live_sessions')
      .select('status')
      .where('id', '=', sid)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('live');
    expect(sentRooms(record, LIVE_EVENTS.entries)).toEqual([[liveRooms.room(sid)]]);
    const entry = (record[0] as { payload: { entries: LiveEntry[] } }).payload.entries[0];
    expect(entry).toMatchObject({
      seq: 1,
      kind: 'item',
      body: 'Do you ride in winter?',
      itemId: f.question.id,
      item: { kind: 'question', questionType: 'single', options: ['Yes', 'No'], blind: false },
    });
    expect(record[1]).toMatchObject({
      rooms: [liveRooms.staff(sid)],
      event: LIVE_EVENTS.guide,
      payload: { sessionId: sid, itemId: f.question.id, state: 'sent' },
    });

    const skipped = recordRealtime(kernel);
    expect(
      await runLiveGuideItem({ ctx, action: 'skip', input: { sessionId: sid, itemId: f.probe.id } }),
    ).toEqual({
      seq: null,
    });
    expect((await itemRow(f.probe.id)).state).toBe('skipped');
    expect(skipped).toMatchObject([
      {
        rooms: [liveRooms.staff(sid)],
        event: LIVE_EVENTS.guide,
        payload: { itemId: f.probe.id, state: 'skipped' },
      },
    ]);
  });

  it('never sends a note, nor an item twice', async () => {
    const f = await withGuide();
    const ctx = await ctxFor(f.moderator.user);
    const sessionId = f.session.id;
    const note = await expectAppError(
      runLiveGuideItem({ ctx, action: 'send', input: { sessionId, itemId: f.note.id } }),
      'conflict',
    );
    expect(note.messageKey).toBe('live.error.noteNotSent');
    await runLiveGuideItem({ ctx, action: 'send', input: { sessionId, itemId: f.question.id } });
    for (const action of ['send', 'skip'] as const) {
      const e = await expectAppError(
        runLiveGuideItem({ ctx, action, input: { sessionId, itemId: f.question.id } }),
        'conflict',
      );
      expect(e.messageKey).toBe('live.error.itemNotQueued');
    }
  });
});
