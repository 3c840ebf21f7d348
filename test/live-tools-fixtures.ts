import { newId } from '../server/platform/db/ids.ts';
import { testApp } from './helpers.ts';

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
