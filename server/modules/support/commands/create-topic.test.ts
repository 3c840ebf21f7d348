import { describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
} from '../../../../test/helpers.ts';
import { seedBoard, supportCommunity, topicRow } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createTopic } from './create-topic.ts';

const input = { title: 'How do I reset my router?', body: 'It blinks **orange**.' };

describe('createTopic', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...input, title: '' }, '/title'],
      [{ ...input, title: 'Help' }, '/title', 'validation.tooShort'],
      [{ ...input, title: 'x'.repeat(201) }, '/title', 'validation.tooLong'],
      [{ ...input, body: '' }, '/body', 'validation.required'],
      [{ ...input, body: '  \n ' }, '/body', 'validation.required'],
      [{ ...input, body: 'x'.repeat(50_001) }, '/body', 'validation.tooLong'],
      [{ ...input, kind: 'poll' }, '/kind'],
      [{ ...input, pinned: true }, '/pinned', 'validation.unknownField'],
      [{ title: input.title }, '/body', 'validation.required'],
    ];
    for (const [body, path, key] of cases) {
      const error = await expectAppError(
        createTopic({ ctx, community: community.id, board: 'help', input: body }),
        'validation_failed',
        path,
      );
      if (key) expect(error.fields.find((f) => f.path === path)?.key).toBe(key);
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('rejects a title under 5 characters once trimmed, instead of failing on the database', async () => {
    const { community, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    for (const title of ['     ', '  abc  ']) {
      const error = await expectAppError(
        createTopic({ ctx, community: community.id, board: 'help', input: { ...input, title } }),
        'validation_failed',
        '/title',
      );
      expect(error.fields[0]).toEqual({ path: '/title', key: 'validation.tooShort', params: { limit: 5 } });
    }
  });

  it('reports unknown boards, another community’s board and boards the member may not read as not found', async () => {
    const { community, member } = await supportCommunity();
    const other = await supportCommunity();
    const staffBoard = await seedBoard(community.id, { visibility: 'staff' });
    const ctx = await ctxFor(member.user);
    for (const board of [newId(), 'no-such-board', other.board.id, staffBoard.id, staffBoard.slug]) {
      await expectAppError(createTopic({ ctx, community: community.id, board, input }), 'not_found');
    }
    await expectAppError(createTopic({ ctx, community: newId(), board: 'help', input }), 'not_found');
    const privateOne = await supportCommunity({ visibility: 'private' });
    await expectAppError(
      createTopic({
        ctx: await ctxFor(await plainUser()),
        community: privateOne.community.id,
        board: 'help',
        input,
      }),
      'not_found',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('asks anonymous visitors to sign in; refuses outsiders, observers and suspended members', async () => {
    const { community } = await supportCommunity();
    const observer = await plainUser();
    await addMember(community.id, observer.userId, 'observer');
    const suspended = await plainUser();
    await addMember(community.id, suspended.userId, 'member', 'suspended');
    await expectAppError(
      createTopic({ ctx: await ctxFor(null), community: community.id, board: 'help', input }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), observer, suspended, await plainUser({ platformAdmin: true })]) {
      await expectAppError(
        createTopic({ ctx: await ctxFor(user), community: community.id, board: 'help', input }),
        'forbidden',
      );
    }
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('refuses members in an announcements board or a staff-posting board, and lets staff post there', async () => {
    const { community, member, expert, moderator } = await supportCommunity();
    const news = await seedBoard(community.id, { kind: 'announcements', posting: 'members' });
    const faq = await seedBoard(community.id, { kind: 'questions', posting: 'staff' });
    for (const board of [news, faq]) {
      for (const user of [member.user, expert.user]) {
        await expectAppError(
          createTopic({ ctx: await ctxFor(user), community: community.id, board: board.slug, input }),
          'forbidden',
        );
      }
    }
    const ctx = await ctxFor(moderator.user);
    const announcement = await createTopic({ ctx, community: community.id, board: news.slug, input });
    expect(announcement).toMatchObject({ kind: 'discussion', status: 'published' });
    expect((await createTopic({ ctx, community: community.id, board: faq.id, input })).kind).toBe('question');
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'topic.created',
      'topic.created',
    ]);
  });

  it('publishes a member’s question with safe HTML and emits topic.created', async () => {
    const { community, board, member } = await supportCommunity();
    const body =
      'Hi <script>alert(1)</script> see [the guide](https://example.test/guide) or https://example.org';
    const topic = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.slug,
      board: 'help',
      input: { title: '  Router keeps blinking  ', body },
    });
    expect(topic).toMatchObject({
      boardId: board.id,
      kind: 'question',
      title: 'Router keeps blinking',
      status: 'published',
      locked: false,
      pinned: false,
      solved: false,
      repliesCount: 0,
      kudosCount: 0,
      author: { id: member.memberId, role: 'member' },
    });
    expect(topic.author.pseudonym).toMatch(/^p/);
    expect(Object.keys(topic.author).sort()).toEqual(['id', 'pseudonym', 'rank', 'role']);
    const row = await topicRow(topic.id);
    expect(row.body).toBe(body);
    expect(row.body_html).not.toContain('<script>');
    expect(row.body_html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(row.body_html).toContain(
      '<a href="https://example.test/guide" rel="nofollow ugc noopener">the guide</a>',
    );
    expect(row.body_html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">');
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'topic.created',
        payload: {
          communityId: community.id,
          boardId: board.id,
          topicId: topic.id,
          authorId: member.memberId,
          kind: 'question',
          status: 'published',
          tags: [],
        },
        actor: member.user.userId,
      },
    ]);
  });

  it('drops javascript: links and never renders images from the Markdown', async () => {
    const { community, member } = await supportCommunity();
    const topic = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: 'help',
      input: { title: 'Unsafe links', body: '[click](javascript:alert(1)) ![x](https://example.test/x.png)' },
    });
    const html = (await topicRow(topic.id)).body_html;
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    // The image syntax degrades to an ordinary (nofollow) link to the picture.
    expect(html).toContain('!<a href="https://example.test/x.png" rel="nofollow ugc noopener">x</a>');
  });

  it('starts a discussion by default in a discussions board, or the kind asked for', async () => {
    const { community, member } = await supportCommunity();
    const lounge = await seedBoard(community.id, { kind: 'discussions' });
    const ctx = await ctxFor(member.user);
    expect((await createTopic({ ctx, community: community.id, board: lounge.slug, input })).kind).toBe(
      'discussion',
    );
    const asked = await createTopic({
      ctx,
      community: community.id,
      board: lounge.id,
      input: { ...input, kind: 'question' },
    });
    expect(asked.kind).toBe('question');
    const chat = await createTopic({
      ctx,
      community: community.id,
      board: 'help',
      input: { ...input, kind: 'discussion' },
    });
    expect(chat.kind).toBe('discussion');
  });

  it('holds a member’s topic as pending in a pre-moderated board, while staff publish directly', async () => {
    const { community, member, moderator } = await supportCommunity();
    const moderated = await seedBoard(community.id, { premoderation: true });
    const pending = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: moderated.slug,
      input,
    });
    expect(pending.status).toBe('pending');
    const staff = await createTopic({
      ctx: await ctxFor(moderator.user),
      community: community.id,
      board: moderated.slug,
      input,
    });
    expect(staff.status).toBe('published');
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.payload.status])).toEqual([
      ['topic.created', 'pending'],
      ['topic.created', 'published'],
    ]);
  });

  it('lets members post in a members-only board of a private community', async () => {
    const community = await freshCommunity({ visibility: 'private' });
    const member = await plainUser();
    const memberId = await addMember(community.id, member.userId, 'expert');
    const board = await seedBoard(community.id, { visibility: 'members' });
    const topic = await createTopic({
      ctx: await ctxFor(member),
      community: community.id,
      board: board.slug,
      input,
    });
    expect(topic.author).toMatchObject({ id: memberId, role: 'expert' });
  });
});
