import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity, seedSession } from '../../../../test/live-fixtures.ts';
import { expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { transact } from '../../../platform/kernel.ts';
import { appendLiveEntry } from '../live-room.repository.ts';
import { appendRoomEntry } from './append-room-entry.ts';

beforeAll(() => testApp(), 180_000);

const message = (body: string) => ({
  kind: 'message' as const,
  author_member_id: null,
  author_role: 'moderator' as const,
  body,
});

/**
 * `appendRoomEntry` is the building block every writing command calls inside its own transaction, after
 * that command validated and authorized the request: it has no input or actor of its own to refuse; what
 * it guards is the numbering and the session's state.
 */
describe('appendRoomEntry', () => {
  it('numbers entries 1, 2, … per session and returns the stored row', async () => {
    const { kernel } = await testApp();
    const f = await liveCommunity();
    const other = await seedSession(f.community.id, { status: 'live' });
    await kernel.db
      .updateTable('live_sessions')
      .set({ status: 'live' })
      .where('id', '=', f.session.id)
      .execute();
    const first = await transact(kernel, (trx) => appendRoomEntry(trx, f.session, message('one')));
    const second = await transact(kernel, (trx) => appendRoomEntry(trx, f.session, message('two')));
    const elsewhere = await transact(kernel, (trx) => appendRoomEntry(trx, other, message('three')));
    expect([first.seq, second.seq, elsewhere.seq]).toEqual([1, 2, 1]);
    expect(second).toMatchObject({
      session_id: f.session.id,
      community_id: f.community.id,
      kind: 'message',
      body: 'two',
      author_role: 'moderator',
    });
    const session = await kernel.db
      .selectFrom('live_sessions')
      .select('last_seq')
      .where('id', '=', f.session.id)
      .executeTakeFirstOrThrow();
    expect(Number(session.last_seq)).toBe(2);
  });

  it('starts a scheduled session only when asked, and refuses one that is not running', async () => {
    const { kernel } = await testApp();
    const f = await liveCommunity();
    const notRunning = await expectAppError(
      transact(kernel, (trx) => appendRoomEntry(trx, f.session, message('too early'))),
      'conflict',
    );
    expect(notRunning.messageKey).toBe('live.error.notRunning');
    const started = await transact(kernel, (trx) =>
      appendRoomEntry(trx, f.session, message('welcome'), { starts: true }),
    );
    // The refused attempt rolled back with its transaction: its number is given again.
    expect(started.seq).toBe(1);
    const session = await kernel.db
      .selectFrom('live_sessions')
      .select(['status', 'started_at'])
      .where('id', '=', f.session.id)
      .executeTakeFirstOrThrow();
    expect(session.status).toBe('live');
    expect(session.started_at).not.toBeNull();
    const ended = await seedSession(f.community.id, { status: 'ended' });
    await expectAppError(
      transact(kernel, (trx) => appendRoomEntry(trx, ended, message('late'), { starts: true })),
      'conflict',
    );
    const rows = await kernel.db
      .selectFrom('live_messages')
      .select('seq')
      .where('session_id', 'in', [f.session.id, ended.id])
      .execute();
    expect(rows.map((r) => Number(r.seq))).toEqual([1]);
  });

  it('numbers concurrent entries of a live session in one statement each, without a gap or a repeat', async () => {
    const { kernel } = await testApp();
    const f = await liveCommunity();
    expect(await appendLiveEntry(kernel.db, f.session, newId(), message('scheduled'))).toBeUndefined();
    await kernel.db
      .updateTable('live_sessions')
      .set({ status: 'live' })
      .where('id', '=', f.session.id)
      .execute();
    const rows = await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendLiveEntry(kernel.db, f.session, newId(), message(`m${i}`))),
    );
    expect(rows.map((r) => r!.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(rows[3]).toMatchObject({ body: 'm3', kind: 'message', session_id: f.session.id });
    const stored = await kernel.db
      .selectFrom('live_messages')
      .select(['seq', 'body'])
      .where('session_id', '=', f.session.id)
      .execute();
    expect(stored).toHaveLength(20);
  });
});
