import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReply } from '../server/modules/support/commands/create-reply.ts';
import { REPLY_EVENT, UNREAD_EVENT } from '../server/modules/notifications/live.ts';
import { resolveActor } from '../server/platform/http/request-context.ts';
import { addMember, ctxFor, isolateTestApp, signedInUser, testApp, type TestUser } from './helpers.ts';
import { seedBoard, seedTopic, supportCommunity } from './support-fixtures.ts';

/**
 * Live replies and unread counts over Socket.IO, on the test app listening on loopback: a published reply
 * reaches the sockets subscribed to `topic:<id>`; joining a topic's channel is authorized like reading it.
 */
let url = '';
const sockets: Socket[] = [];

beforeAll(async () => {
  // A database of its own: a reply's broadcast must be dispatched by this process, whose sockets listen.
  const { kernel, app } = await isolateTestApp();
  await kernel.realtime.attach(app.server, {
    redisUrl: null,
    authenticate: (headers) => resolveActor(kernel, headers),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(() => {
  for (const socket of sockets) socket.close();
});

async function connect(user: TestUser | null): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: user ? { cookie: user.headers.cookie } : {},
  });
  sockets.push(socket);
  await new Promise<void>((done, fail) => {
    socket.once('connect', () => done());
    socket.once('connect_error', fail);
  });
  return socket;
}

function subscribe(socket: Socket, channel: string): Promise<{ ok: boolean; code?: string }> {
  return socket.timeout(10_000).emitWithAck('subscribe', { channel });
}

function next<T>(socket: Socket, event: string, match: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 15 s`)), 15_000);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

describe('live replies and notifications', () => {
  it('sends a published reply to every socket on its topic, anonymous readers of a public topic included', async () => {
    const { kernel } = await testApp();
    const { community, board, member, other } = await supportCommunity();
    const asker = await signedInUser();
    const askerId = await addMember(community.id, asker.userId);
    const topic = await seedTopic(board, askerId);
    const reader = await connect(null);
    const askerSocket = await connect(asker);
    expect(await subscribe(reader, `topic:${topic.id}`)).toEqual({ ok: true });
    expect(await subscribe(askerSocket, `user:${asker.userId}`)).toEqual({ ok: true });
    expect(await subscribe(askerSocket, `user:${member.user.userId}`)).toMatchObject({ ok: false });

    const live = next<{ id: string; bodyHtml: string; author: { pseudonym: string } }>(
      reader,
      REPLY_EVENT,
      () => true,
    );
    const unread = next<{ unreadCount: number }>(askerSocket, UNREAD_EVENT, () => true);
    const created = await createReply({
      ctx: await ctxFor(other.user),
      community: community.id,
      topicId: topic.id,
      input: { body: 'Works **for me**.' },
    });
    await kernel.dispatcher.kick();
    const payload = await live;
    expect(payload).toMatchObject({ id: created.id, bodyHtml: '<p>Works <strong>for me</strong>.</p>\n' });
    expect(payload.author.pseudonym).toBe(created.author.pseudonym);
    expect(Object.keys(payload).sort()).toEqual([
      'author',
      'bodyHtml',
      'createdAt',
      'id',
      'inReplyToId',
      'isSolution',
      'topicId',
    ]);
    expect(await unread).toEqual({ unreadCount: 1 });
  });

  it('refuses a members-only topic to anonymous sockets and outsiders, and lets members join it', async () => {
    const { community } = await supportCommunity();
    const inside = await signedInUser();
    const insideId = await addMember(community.id, inside.userId);
    const outsider = await signedInUser();
    const membersOnly = await seedBoard(community.id, { visibility: 'members' });
    const topic = await seedTopic(membersOnly, insideId);
    expect(await subscribe(await connect(null), `topic:${topic.id}`)).toEqual({
      ok: false,
      code: 'unauthenticated',
    });
    expect(await subscribe(await connect(outsider), `topic:${topic.id}`)).toEqual({
      ok: false,
      code: 'forbidden',
    });
    expect(await subscribe(await connect(inside), `topic:${topic.id}`)).toEqual({ ok: true });
    expect(
      await subscribe(await connect(inside), `topic:00000000-0000-7000-8000-000000000000`),
    ).toMatchObject({ ok: false });
  });
});
