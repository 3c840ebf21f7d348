import { expect, vi } from 'vitest';
import { postLiveMessage } from '../server/modules/live/commands/post-live-message.ts';
import { reactToLiveEntry } from '../server/modules/live/commands/react-to-live-entry.ts';
import { runLiveGuideItem } from '../server/modules/live/commands/run-live-guide-item.ts';
import { updateLiveSessionGuide } from '../server/modules/live/commands/update-live-session-guide.ts';
import type { Ctx } from '../server/platform/context.ts';
import type { Kernel } from '../server/platform/kernel.ts';
import { ctxFor, expectAppError, testApp, type TestUser } from './helpers.ts';
import { liveCommunity, startSession } from './live-fixtures.ts';

/** One thing a command asked real time to do: send an event to rooms, or move sockets between rooms. */
export type RealtimeCall =
  | { kind: 'send'; rooms: string[]; event: string; payload: unknown; except: string[] }
  | { kind: 'join' | 'leave'; room: string; rooms: string[] };

const spied = new WeakSet<Kernel>();
let calls: RealtimeCall[] = [];

/**
 * Records, from now on, what commands ask the kernel's real time to send, join and leave (the sockets are not
 * attached in command tests, so nothing is delivered; the calls are what would be). Each call starts a new record.
 */
export function recordRealtime(kernel: Kernel): RealtimeCall[] {
  calls = [];
  if (!spied.has(kernel)) {
    spied.add(kernel);
    const rt = kernel.realtime;
    vi.spyOn(rt, 'send').mockImplementation((rooms, event, payload, except = []) => {
      calls.push({ kind: 'send', rooms: [...rooms], event, payload, except: [...except] });
    });
    vi.spyOn(rt, 'joinRooms').mockImplementation((room, rooms) => {
      calls.push({ kind: 'join', room, rooms: [...rooms] });
    });
    vi.spyOn(rt, 'leaveRooms').mockImplementation((room, rooms) => {
      calls.push({ kind: 'leave', room, rooms: [...rooms] });
    });
  }
  return calls;
}

/** The rooms every recorded `send` of `event` went to. */
export const sentRooms = (record: RealtimeCall[], event: string): string[][] =>
  record.flatMap((c) => (c.kind === 'send' && c.event === event ? [c.rooms] : []));

/** A live session fixture (see `liveCommunity`). */
export type LiveFixture = Awaited<ReturnType<typeof liveCommunity>>;

/** A running session: Alice admitted, Bob waiting in the lobby (`startSession`). */
export async function runningRoom(): Promise<LiveFixture> {
  const f = await liveCommunity();
  await startSession(f);
  return f;
}

/** Admits Bob too (a running session with both participants in the room). */
export async function admitBob(f: LiveFixture): Promise<void> {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('live_participants')
    .set({ attendance: 'admitted', admitted_at: new Date() })
    .where('session_id', '=', f.session.id)
    .where('member_id', '=', f.bob.memberId)
    .execute();
}

/** One guide item as `updateLiveSessionGuide` takes it. */
type GuideItemInput = Record<string, unknown> & { kind: string; body: string };

/** Writes a one-section guide with these items (queued) and returns them with their ids. */
export async function seedGuide(f: LiveFixture, items: GuideItemInput[]) {
  const [section] = await updateLiveSessionGuide({
    ctx: await ctxFor(f.moderator.user),
    community: f.community.slug,
    sessionId: f.session.id,
    input: { sections: [{ title: 'Habits', plannedMinutes: 10, items }] },
  });
  return section.items;
}

/**
 * A running session with both participants admitted and four entries: 1 the moderator's "Welcome" (Bob
 * agreed with it), 2 a blind open question "Why?", 3 Alice's blind answer "Because", 4 the moderator's
 * private "Just you" to Alice. Bob may read 1 and 2 only.
 */
export async function roomWithEntries(): Promise<LiveFixture> {
  const f = await runningRoom();
  await admitBob(f);
  const moderator = await ctxFor(f.moderator.user);
  const sessionId = f.session.id;
  await postLiveMessage({ ctx: moderator, input: { sessionId, clientId: 'm1', body: 'Welcome' } });
  await reactToLiveEntry({ ctx: await ctxFor(f.bob.user), input: { sessionId, seq: 1, reaction: 'agree' } });
  const [blind] = await seedGuide(f, [{ kind: 'question', questionType: 'open', body: 'Why?', blind: true }]);
  await runLiveGuideItem({ ctx: moderator, action: 'send', input: { sessionId, itemId: blind.id } });
  await postLiveMessage({
    ctx: await ctxFor(f.alice.user),
    input: { sessionId, clientId: 'a1', itemId: blind.id, body: 'Because' },
  });
  await postLiveMessage({
    ctx: moderator,
    input: { sessionId, clientId: 'm2', body: 'Just you', toMemberId: f.alice.memberId },
  });
  return f;
}

/**
 * Who is refused a moderator-only request, and how: a participant and the session's observer are
 * forbidden; a community observer not on the session and another community's moderator do not see it;
 * an anonymous visitor is asked to sign in.
 */
export const moderatorRefusals = (f: LiveFixture): [TestUser | null, string][] => [
  [f.alice.user, 'forbidden'],
  [f.observer.user, 'forbidden'],
  [f.guest.user, 'not_found'],
  [f.foreign.user, 'not_found'],
  [null, 'unauthenticated'],
];

/** Who is refused a staff-only request (the backroom): as `moderatorRefusals`, but observers are staff. */
export const staffRefusals = (f: LiveFixture): [TestUser | null, string][] =>
  moderatorRefusals(f).filter(([user]) => user !== f.observer.user);

/** Expects `call` to fail for each refused user with its error code, and to send nothing. */
export async function expectRefused(
  refusals: [TestUser | null, string][],
  call: (ctx: Ctx) => Promise<unknown>,
): Promise<void> {
  const { kernel } = await testApp();
  const record = recordRealtime(kernel);
  for (const [user, code] of refusals) await expectAppError(call(await ctxFor(user)), code);
  expect(record).toEqual([]);
}
