import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { LIVE_EVENTS, LIVE_REQUESTS } from '../common/live/protocol.ts';
import { updateLiveSessionGuide } from '../server/modules/live/commands/update-live-session-guide.ts';
import { resolveActor } from '../server/platform/http/request-context.ts';
import { ctxFor, signedInUser, testApp, type TestUser } from './helpers.ts';
import { LiveClient } from './live-client.ts';
import { liveCommunity } from './live-fixtures.ts';

/**
 * The live socket protocol's test harness: the test app listening on loopback with real time attached,
 * real Socket.IO clients (closed by `closeLiveClients`), and a session with everyone connected.
 */
let url = '';
const clients: LiveClient[] = [];

/** Attaches real time to the test app and listens on a loopback port (call from `beforeAll`). */
export async function listenLive(): Promise<string> {
  const { kernel, app } = await testApp();
  await kernel.realtime.attach(app.server, {
    redisUrl: null,
    authenticate: (headers) => resolveActor(kernel, headers),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return url;
}

/** Closes every client opened by `liveClient` (call from `afterAll`). */
export function closeLiveClients(): void {
  for (const client of clients) client.close();
}

/** A connected client for this user (or an anonymous one) on a session. */
export async function liveClient(user: TestUser | null, sessionId: string): Promise<LiveClient> {
  const c = await LiveClient.connect(url, user?.headers.cookie ?? null, sessionId);
  clients.push(c);
  return c;
}

const GUIDE = {
  sections: [
    {
      title: 'Habits',
      plannedMinutes: 15,
      items: [
        { kind: 'question', questionType: 'open', body: 'What do you ride for?', blind: true },
        { kind: 'question', questionType: 'single', body: 'Do you ride in winter?', options: ['Yes', 'No'] },
        { kind: 'question', questionType: 'open', body: 'Describe your worst ride', blind: true },
        { kind: 'note', body: 'Watch the time' },
      ],
    },
  ],
};

/** A session with signed-in staff and participants, its guide, and everyone connected and joined. */
export async function runningSession() {
  const users = {
    moderator: await signedInUser({ name: 'Mona Moderator' }),
    observer: await signedInUser({ name: 'Olivia Observer' }),
    alice: await signedInUser(),
    bob: await signedInUser(),
  };
  const fixture = await liveCommunity(users);
  const guide = await updateLiveSessionGuide({
    ctx: await ctxFor(users.moderator),
    community: fixture.community.slug,
    sessionId: fixture.session.id,
    input: GUIDE,
  });
  const sid = fixture.session.id;
  const moderator = await liveClient(users.moderator, sid);
  const observer = await liveClient(users.observer, sid);
  const alice = await liveClient(users.alice, sid);
  const bob = await liveClient(users.bob, sid);
  for (const c of [moderator, observer, alice, bob]) await c.join();
  const people = {
    admin: fixture.admin,
    moderator: fixture.moderator,
    observer: fixture.observer,
    alice: fixture.alice,
    bob: fixture.bob,
  };
  return {
    session: fixture.session,
    community: fixture.community,
    people,
    users,
    items: guide[0].items,
    moderator,
    observer,
    alice,
    bob,
  };
}

/** Admits both participants and waits until they are in the room. */
export async function admitAll(s: Awaited<ReturnType<typeof runningSession>>) {
  expect(await s.moderator.request(LIVE_REQUESTS.admit, { all: true })).toMatchObject({ ok: true });
  await s.alice.waitForEvent(LIVE_EVENTS.admitted);
  await s.bob.waitForEvent(LIVE_EVENTS.admitted);
}
