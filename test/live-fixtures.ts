import { createHash } from 'node:crypto';
import { newId } from '../server/platform/db/ids.ts';
import type { CommunityRole } from '../server/platform/db/schema.ts';
import type { LiveStaffRole } from '../server/platform/db/schema-live.ts';
import { uploadStore } from '../server/platform/storage/local-store.ts';
import { tinyPng } from './image-fixtures.ts';
import { addMember, freshCommunity, plainUser, testApp, type TestUser } from './helpers.ts';

/** A user of a test community with their membership id and pseudonym. */
export interface LivePerson {
  user: TestUser;
  memberId: string;
}

async function person(communityId: string, role: CommunityRole, user?: TestUser): Promise<LivePerson> {
  const u = user ?? (await plainUser());
  return { user: u, memberId: await addMember(communityId, u.userId, role) };
}

/**
 * A private community with a live session starting in five minutes (lobby open): `admin` (community admin), `moderator`
 * (community moderator, the session's moderator), `observer` (community observer, the session's
 * observer), `guest` (a community observer not on this session), three members (`alice` and `bob`
 * invited, `carol` not) and `foreign`, a moderator of another community.
 */
export async function liveCommunity(
  users: Partial<Record<'moderator' | 'observer' | 'alice' | 'bob', TestUser>> = {},
) {
  const community = await freshCommunity({ visibility: 'private' });
  const admin = await person(community.id, 'admin');
  const moderator = await person(community.id, 'moderator', users.moderator);
  const observer = await person(community.id, 'observer', users.observer);
  const guest = await person(community.id, 'observer');
  const alice = await person(community.id, 'member', users.alice);
  const bob = await person(community.id, 'member', users.bob);
  const carol = await person(community.id, 'member');
  const elsewhere = await freshCommunity({ visibility: 'private' });
  const foreign = await person(elsewhere.id, 'moderator');
  const session = await seedSession(community.id, {
    staff: [
      [moderator.memberId, 'moderator'],
      [observer.memberId, 'observer'],
    ],
    participants: [alice.memberId, bob.memberId],
  });
  return { community, admin, moderator, observer, guest, alice, bob, carol, foreign, elsewhere, session };
}

/** Inserts a session (starting in five minutes: its lobby is open) with its staff and invited participants directly. */
export async function seedSession(
  communityId: string,
  options: {
    staff?: [string, LiveStaffRole][];
    participants?: string[];
    status?: 'scheduled' | 'live' | 'ended' | 'cancelled';
    capacity?: number;
  } = {},
) {
  const { kernel } = await testApp();
  const id = newId();
  await kernel.db
    .insertInto('live_sessions')
    .values({
      id,
      community_id: communityId,
      title: 'How you ride',
      starts_at: new Date(Date.now() + 5 * 60_000),
      duration_minutes: 60,
      capacity: options.capacity ?? 12,
      status: options.status ?? 'scheduled',
      ended_at: options.status === 'ended' ? new Date() : null,
      created_by: null,
    })
    .execute();
  for (const [member_id, role] of options.staff ?? []) {
    await kernel.db
      .insertInto('live_staff')
      .values({ session_id: id, community_id: communityId, member_id, role })
      .execute();
  }
  for (const member_id of options.participants ?? []) {
    await kernel.db
      .insertInto('live_participants')
      .values({ id: newId(), session_id: id, community_id: communityId, member_id })
      .execute();
  }
  return { id, community_id: communityId };
}

/** A participant's stored row. */
export async function participantRow(sessionId: string, memberId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('live_participants')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
}

/** Starts a seeded session directly: status `live`, `alice` admitted, `bob` waiting in the lobby. */
export async function startSession(f: Awaited<ReturnType<typeof liveCommunity>>): Promise<void> {
  const { kernel } = await testApp();
  const now = new Date();
  await kernel.db
    .updateTable('live_sessions')
    .set({ status: 'live', started_at: now })
    .where('id', '=', f.session.id)
    .execute();
  await kernel.db
    .updateTable('live_participants')
    .set({ attendance: 'admitted', joined_at: now, admitted_at: now })
    .where('session_id', '=', f.session.id)
    .where('member_id', '=', f.alice.memberId)
    .execute();
  await kernel.db
    .updateTable('live_participants')
    .set({ attendance: 'waiting', joined_at: now })
    .where('session_id', '=', f.session.id)
    .where('member_id', '=', f.bob.memberId)
    .execute();
}

/**
 * Stores a PNG as a media file of a session (file and row) and a guide item showing it, `sent` when
 * asked (participants may then fetch it). Returns the media and item ids.
 */
export async function seedStimulus(
  session: { id: string; community_id: string },
  options: { sent?: boolean } = {},
) {
  const { kernel } = await testApp();
  const mediaId = newId();
  const data = tinyPng(40, 30);
  await uploadStore(kernel).put(mediaId, data);
  await kernel.db
    .insertInto('live_media')
    .values({
      id: mediaId,
      community_id: session.community_id,
      session_id: session.id,
      uploader_id: null,
      kind: 'image',
      content_type: 'image/png',
      bytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      width: 40,
      height: 30,
      alt: 'A red bike',
    })
    .execute();
  const sectionId = newId();
  await kernel.db
    .insertInto('live_guide_sections')
    .values({
      id: sectionId,
      community_id: session.community_id,
      session_id: session.id,
      position: 0,
      title: 'Stimuli',
      planned_minutes: 5,
    })
    .execute();
  const itemId = newId();
  await kernel.db
    .insertInto('live_guide_items')
    .values({
      id: itemId,
      community_id: session.community_id,
      session_id: session.id,
      section_id: sectionId,
      position: 0,
      kind: 'stimulus',
      question_type: null,
      body: 'Look at this bike',
      options: '[]',
      media_id: mediaId,
      ...(options.sent ? { state: 'sent' as const, sent_at: new Date() } : {}),
    })
    .execute();
  return { mediaId, itemId, data };
}
