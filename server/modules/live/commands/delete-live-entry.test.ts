import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_EVENTS, type LiveEntry } from '../../../../common/live/protocol.ts';
import {
  expectRefused,
  moderatorRefusals,
  recordRealtime,
  runningRoom,
  sentRooms,
} from '../../../../test/live-command-fixtures.ts';
import { auditRowsOf, ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { liveRooms } from '../live-broadcast.ts';
import { deleteLiveEntry } from './delete-live-entry.ts';
import { postLiveMessage } from './post-live-message.ts';

beforeAll(() => testApp(), 180_000);

/** A running session where Alice wrote entry 1. */
async function withMessage() {
  const f = await runningRoom();
  await postLiveMessage({
    ctx: await ctxFor(f.alice.user),
    input: { sessionId: f.session.id, clientId: 'a1', body: 'Something rude' },
  });
  return f;
}

describe('deleteLiveEntry', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await withMessage();
    const ctx = await ctxFor(f.moderator.user);
    for (const [input, path] of [
      [{ sessionId: 'x', seq: 1 }, '/sessionId'],
      [{ sessionId: f.session.id, seq: 0 }, '/seq'],
      [{ sessionId: f.session.id }, '/seq'],
    ] as const)
      await expectAppError(deleteLiveEntry({ ctx, input }), 'validation_failed', path);
  });

  it('is not found for an unknown session or entry', async () => {
    const f = await withMessage();
    const ctx = await ctxFor(f.moderator.user);
    await expectAppError(deleteLiveEntry({ ctx, input: { sessionId: newId(), seq: 1 } }), 'not_found');
    await expectAppError(deleteLiveEntry({ ctx, input: { sessionId: f.session.id, seq: 9 } }), 'not_found');
  });

  it('is refused to participants, observers, strangers and anonymous visitors', async () => {
    const f = await withMessage();
    await expectRefused(moderatorRefusals(f), (ctx) =>
      deleteLiveEntry({ ctx, input: { sessionId: f.session.id, seq: 1 } }),
    );
    const { kernel } = await testApp();
    const row = await kernel.db
      .selectFrom('live_messages')
      .select('deleted_at')
      .where('session_id', '=', f.session.id)
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeNull();
  });

  it('hides the text, numbers a deletion entry for everyone and audits; twice is a conflict', async () => {
    const { kernel } = await testApp();
    const f = await withMessage();
    const ctx = await ctxFor(f.moderator.user);
    const sid = f.session.id;
    const record = recordRealtime(kernel);
    expect(await deleteLiveEntry({ ctx, input: { sessionId: sid, seq: 1 } })).toEqual({ seq: 2 });
    const rows = await kernel.db
      .selectFrom('live_messages')
      .select(['seq', 'kind', 'target_seq', 'deleted_at', 'body'])
      .where('session_id', '=', sid)
      .orderBy('seq')
      .execute();
    // The text stays stored for the transcript; the entry is marked deleted.
    expect(rows[0]).toMatchObject({ kind: 'message', body: 'Something rude' });
    expect(rows[0].deleted_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ seq: 2, kind: 'deletion', target_seq: 1 });
    expect(sentRooms(record, LIVE_EVENTS.entries)).toEqual([[liveRooms.room(sid)]]);
    const [sent] = record;
    const entry = (sent as { payload: { entries: LiveEntry[] } }).payload.entries[0];
    expect(entry).toMatchObject({ seq: 2, kind: 'deletion', targetSeq: 1, body: null });
    expect(JSON.stringify(record)).not.toContain('Something rude');
    expect((await auditRowsOf(f.community.id)).map((r) => [r.action, r.data])).toEqual([
      ['live_session.delete_entry', { seq: 1 }],
    ]);
    for (const seq of [1, 2]) {
      const e = await expectAppError(deleteLiveEntry({ ctx, input: { sessionId: sid, seq } }), 'conflict');
      expect(e.messageKey).toBe('live.error.notDeletable');
    }
  });
});
