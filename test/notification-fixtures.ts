import { testApp } from './helpers.ts';
import type { Person } from './support-fixtures.ts';
import { newId } from '../server/platform/db/ids.ts';
import type { NotificationKind } from '../server/platform/db/schema.ts';

/** Inserts a notification for a person directly (tests of the list and mark-read commands). */
export async function seedNotification(
  person: Person,
  communityId: string,
  values: { kind?: NotificationKind; topicId?: string | null; createdAt?: Date | string } = {},
): Promise<string> {
  const { kernel } = await testApp();
  const id = newId();
  await kernel.db
    .insertInto('notifications')
    .values({
      id,
      community_id: communityId,
      recipient_id: person.memberId,
      user_id: person.user.userId,
      kind: values.kind ?? 'reply',
      source_key: newId(),
      topic_id: values.topicId ?? null,
      reply_id: null,
      actor_pseudonym: 'someone',
      ...(values.createdAt ? { created_at: values.createdAt } : {}),
    })
    .execute();
  return id;
}

/** The outbox events an account caused outside any community (type and payload). */
export async function accountEvents(userId: string) {
  const { kernel } = await testApp();
  const rows = await kernel.db
    .selectFrom('outbox_events')
    .select(['type', 'payload'])
    .where('community_id', 'is', null)
    .where('payload', '@>', JSON.stringify({ userId }))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ type: r.type, payload: r.payload as Record<string, unknown> }));
}
