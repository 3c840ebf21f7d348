import { newId } from '../server/platform/db/ids.ts';
import { createLiveCode } from '../server/modules/live/commands/create-live-code.ts';
import { tagLiveExcerpt } from '../server/modules/live/commands/tag-live-excerpt.ts';
import { ctxFor, testApp } from './helpers.ts';
import { liveCommunity } from './live-fixtures.ts';

/** Stores a room entry of a session directly, taking the next sequence number. Returns its number. */
export async function seedRoomMessage(
  session: { id: string; community_id: string },
  entry: {
    authorMemberId: string | null;
    body: string;
    kind?: 'message' | 'end';
    role?: 'participant' | 'moderator' | 'system';
  },
): Promise<number> {
  const { kernel } = await testApp();
  const { last_seq } = await kernel.db
    .updateTable('live_sessions')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', session.id)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const seq = Number(last_seq);
  await kernel.db
    .insertInto('live_messages')
    .values({
      id: newId(),
      community_id: session.community_id,
      session_id: session.id,
      seq,
      kind: entry.kind ?? 'message',
      author_member_id: entry.authorMemberId,
      author_role: entry.role ?? 'participant',
      body: entry.body,
    })
    .execute();
  return seq;
}

/**
 * A live community (`liveCommunity`) whose session has the codes "Price" and "Comfort" and a message of Alice
 * ("Too dear, comfy") tagged "Price" as a whole, with the moderator's context and the session's address.
 */
export async function codedSession() {
  const f = await liveCommunity();
  const ctx = await ctxFor(f.moderator.user);
  const where = { community: f.community.slug, sessionId: f.session.id };
  const price = await createLiveCode({ ctx, ...where, input: { name: 'Price', colour: '#cc3300' } });
  const comfort = await createLiveCode({ ctx, ...where, input: { name: 'Comfort', colour: '#118833' } });
  const seq = await seedRoomMessage(f.session, { authorMemberId: f.alice.memberId, body: 'Too dear, comfy' });
  await tagLiveExcerpt({ ctx, ...where, input: { codeId: price.id, seq } });
  return { ...f, ctx, where, price, comfort, seq };
}
