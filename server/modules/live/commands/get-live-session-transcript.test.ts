import { beforeAll, describe, expect, it } from 'vitest';
import { liveCommunity } from '../../../../test/live-fixtures.ts';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { exportLiveSessionTranscript } from './export-live-session-transcript.ts';
import { getLiveSessionTranscript } from './get-live-session-transcript.ts';

beforeAll(() => testApp(), 180_000);

/** Writes a small session directly: a question, two answers (one deleted), a private message, backroom. */
async function seedConversation(f: Awaited<ReturnType<typeof liveCommunity>>) {
  const { kernel } = await testApp();
  const sid = f.session.id;
  const section = newId();
  const item = newId();
  await kernel.db
    .updateTable('live_sessions')
    .set({ status: 'live', last_seq: 5, backroom_last_seq: 1 })
    .where('id', '=', sid)
    .execute();
  await kernel.db
    .insertInto('live_guide_sections')
    .values({
      id: section,
      community_id: f.community.id,
      session_id: sid,
      position: 0,
      title: 'S',
      planned_minutes: 5,
    })
    .execute();
  await kernel.db
    .insertInto('live_guide_items')
    .values({
      id: item,
      community_id: f.community.id,
      session_id: sid,
      section_id: section,
      position: 0,
      kind: 'question',
      question_type: 'single',
      body: 'Winter?',
      options: JSON.stringify(['Yes', 'No']),
      state: 'sent',
      sent_at: new Date(),
    })
    .execute();
  const entry = (seq: number, values: Record<string, unknown>) =>
    kernel.db
      .insertInto('live_messages')
      .values({
        id: newId(),
        community_id: f.community.id,
        session_id: sid,
        seq,
        author_role: 'participant',
        kind: 'message',
        author_member_id: null,
        body: null,
        ...values,
      })
      .execute();
  await entry(1, {
    kind: 'item',
    author_role: 'moderator',
    author_member_id: f.moderator.memberId,
    body: 'Winter?',
    item_id: item,
  });
  await entry(2, {
    kind: 'answer',
    author_member_id: f.alice.memberId,
    item_id: item,
    choice: JSON.stringify(['Yes']),
    body: '=cold, "but" fine',
  });
  await entry(3, {
    kind: 'answer',
    author_member_id: f.bob.memberId,
    item_id: item,
    choice: JSON.stringify(['No']),
    deleted_at: new Date(),
  });
  await entry(4, {
    kind: 'private',
    author_role: 'moderator',
    author_member_id: f.moderator.memberId,
    private_member_id: f.alice.memberId,
    body: 'Just you',
  });
  await entry(5, {
    kind: 'deletion',
    author_role: 'moderator',
    author_member_id: f.moderator.memberId,
    target_seq: 3,
  });
  await kernel.db
    .insertInto('live_backroom_messages')
    .values({
      id: newId(),
      community_id: f.community.id,
      session_id: sid,
      seq: 1,
      kind: 'message',
      author_member_id: f.observer.memberId,
      body: 'Backroom note',
    })
    .execute();
  return item;
}

describe('getLiveSessionTranscript and exportLiveSessionTranscript', () => {
  it('rejects an unknown format', async () => {
    const f = await liveCommunity();
    await expectAppError(
      exportLiveSessionTranscript({
        ctx: await ctxFor(f.moderator.user),
        community: f.community.slug,
        sessionId: f.session.id,
        query: { format: 'pdf' },
      }),
      'validation_failed',
      '/format',
    );
  });

  it('reports unknown sessions as not found and refuses participants', async () => {
    const f = await liveCommunity();
    await expectAppError(
      getLiveSessionTranscript({
        ctx: await ctxFor(f.moderator.user),
        community: f.community.slug,
        sessionId: newId(),
      }),
      'not_found',
    );
    await expectAppError(
      getLiveSessionTranscript({
        ctx: await ctxFor(f.alice.user),
        community: f.community.slug,
        sessionId: f.session.id,
      }),
      'forbidden',
    );
    await expectAppError(
      getLiveSessionTranscript({
        ctx: await ctxFor(f.carol.user),
        community: f.community.slug,
        sessionId: f.session.id,
      }),
      'not_found',
    );
  });

  it('gives staff the room with markers, answers per question, the backroom apart, and three exports', async () => {
    const f = await liveCommunity();
    const item = await seedConversation(f);
    const t = await getLiveSessionTranscript({
      ctx: await ctxFor(f.observer.user),
      community: f.community.slug,
      sessionId: f.session.id,
    });
    expect(t.room.map((e) => [e.seq, e.kind, e.author, e.deleted])).toEqual([
      [1, 'item', 'Moderator', false],
      [2, 'answer', `p${f.alice.memberId.slice(-10)}`, false],
      [3, 'answer', `p${f.bob.memberId.slice(-10)}`, true],
      [4, 'private', 'Moderator', false],
      [5, 'deletion', 'Moderator', false],
    ]);
    expect(t.room[3].privateWith).toBe(`p${f.alice.memberId.slice(-10)}`);
    expect(t.questions).toEqual([{ itemId: item, body: 'Winter?', answers: expect.any(Array) as unknown }]);
    expect(t.questions[0].answers.map((a) => a.choice)).toEqual([['Yes'], ['No']]);
    expect(t.backroom.map((b) => b.body)).toEqual(['Backroom note']);

    const ctx = await ctxFor(f.moderator.user);
    const csv = await exportLiveSessionTranscript({
      ctx,
      community: f.community.slug,
      sessionId: f.session.id,
      query: { format: 'csv' },
    });
    expect(csv.contentType).toContain('text/csv');
    expect(csv.content.split('\r\n')[0]).toBe(
      'seq,at,kind,author,private_with,item_id,choice,reply_to,deleted,text,codes',
    );
    // Formula-looking cells are defused and quotes doubled; the backroom is not in the CSV.
    expect(csv.content).toContain(`"'=cold, ""but"" fine"`);
    expect(csv.content).not.toContain('Backroom note');
    const md = await exportLiveSessionTranscript({
      ctx,
      community: f.community.slug,
      sessionId: f.session.id,
      query: { format: 'markdown' },
    });
    expect(md.content).toContain('### Winter?');
    expect(md.content).toContain('## Backroom (confidential)');
    const json = await exportLiveSessionTranscript({
      ctx,
      community: f.community.slug,
      sessionId: f.session.id,
      query: { format: 'json' },
    });
    expect(JSON.parse(json.content)).toEqual(JSON.parse(JSON.stringify(t)));
  });
});
