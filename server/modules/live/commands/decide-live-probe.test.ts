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
import { decideLiveProbe } from './decide-live-probe.ts';
import { postBackroomMessage } from './post-backroom-message.ts';

beforeAll(() => testApp(), 180_000);

/** A running session where the observer suggested two probes. */
async function withSuggestions() {
  const f = await runningRoom();
  const observer = await ctxFor(f.observer.user);
  const suggest = async (body: string) =>
    (
      await postBackroomMessage({
        ctx: observer,
        kind: 'suggestion',
        input: { sessionId: f.session.id, body },
      })
    ).suggestionId!;
  return { ...f, first: await suggest('Ask about the price'), second: await suggest('Ask about colours') };
}

const suggestionRow = async (id: string) => {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('live_probe_suggestions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
};

describe('decideLiveProbe', () => {
  it('rejects bad input with the field paths', async () => {
    const f = await withSuggestions();
    const ctx = await ctxFor(f.moderator.user);
    const sessionId = f.session.id;
    for (const [input, path] of [
      [{ sessionId, suggestionId: 'x', decision: 'approve' }, '/suggestionId'],
      [{ sessionId, suggestionId: f.first, decision: 'maybe' }, '/decision'],
      [{ sessionId, suggestionId: f.first, decision: 'approve', body: '' }, '/body'],
    ] as const)
      await expectAppError(decideLiveProbe({ ctx, input }), 'validation_failed', path);
  });

  it('is not found for an unknown session or suggestion', async () => {
    const f = await withSuggestions();
    const ctx = await ctxFor(f.moderator.user);
    await expectAppError(
      decideLiveProbe({ ctx, input: { sessionId: newId(), suggestionId: f.first, decision: 'approve' } }),
      'not_found',
    );
    await expectAppError(
      decideLiveProbe({
        ctx,
        input: { sessionId: f.session.id, suggestionId: newId(), decision: 'approve' },
      }),
      'not_found',
    );
  });

  it('is refused to participants, observers (who suggest), strangers and anonymous visitors', async () => {
    const f = await withSuggestions();
    await expectRefused(moderatorRefusals(f), (ctx) =>
      decideLiveProbe({
        ctx,
        input: { sessionId: f.session.id, suggestionId: f.first, decision: 'approve' },
      }),
    );
    expect((await suggestionRow(f.first)).status).toBe('pending');
  });

  it('posts an approved probe, as edited, as the moderator’s with nothing of its author; rejects the other', async () => {
    const { kernel } = await testApp();
    const f = await withSuggestions();
    const ctx = await ctxFor(f.moderator.user);
    const sid = f.session.id;
    const record = recordRealtime(kernel);
    expect(
      await decideLiveProbe({
        ctx,
        input: { sessionId: sid, suggestionId: f.first, decision: 'approve', body: 'What would you pay?' },
      }),
    ).toEqual({ roomSeq: 1 });
    expect(await suggestionRow(f.first)).toMatchObject({
      status: 'approved',
      posted_body: 'What would you pay?',
      room_seq: 1,
      decided_by: f.moderator.memberId,
    });
    expect(sentRooms(record, LIVE_EVENTS.entries)).toEqual([[liveRooms.room(sid)]]);
    const entry = (record[0] as { payload: { entries: LiveEntry[] } }).payload.entries[0];
    expect(entry).toMatchObject({
      seq: 1,
      kind: 'message',
      body: 'What would you pay?',
      author: { role: 'moderator', memberId: null, pseudonym: null },
    });
    expect(JSON.stringify(entry)).not.toContain(f.observer.memberId);
    expect(sentRooms(record, LIVE_EVENTS.backroom)).toEqual([[liveRooms.staff(sid)]]);
    expect(record[1]).toMatchObject({
      payload: { entries: [{ seq: 3, kind: 'approved', body: 'What would you pay?' }] },
    });

    const rejected = recordRealtime(kernel);
    expect(
      await decideLiveProbe({ ctx, input: { sessionId: sid, suggestionId: f.second, decision: 'reject' } }),
    ).toEqual({ roomSeq: null });
    expect((await suggestionRow(f.second)).status).toBe('rejected');
    expect(sentRooms(rejected, LIVE_EVENTS.entries)).toEqual([]);
    expect(rejected).toMatchObject([
      { payload: { entries: [{ seq: 4, kind: 'rejected', body: 'Ask about colours' }] } },
    ]);

    const twice = await expectAppError(
      decideLiveProbe({ ctx, input: { sessionId: sid, suggestionId: f.first, decision: 'reject' } }),
      'conflict',
    );
    expect(twice.messageKey).toBe('live.error.decided');
    expect((await auditRowsOf(f.community.id)).map((r) => r.action)).toEqual([
      'live_session.probe_approved',
      'live_session.probe_rejected',
    ]);
  });
});
