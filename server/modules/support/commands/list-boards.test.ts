import { describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, freshCommunity, plainUser } from '../../../../test/helpers.ts';
import { seedBoard, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { listBoards } from './list-boards.ts';

/** A public community's boards: public, members-only and staff-only, plus announcements. */
async function boardsCommunity(overrides: Parameters<typeof supportCommunity>[0] = {}) {
  const fixture = await supportCommunity(overrides);
  const id = fixture.community.id;
  await seedBoard(id, { slug: 'team', title: 'Team room', visibility: 'staff', position: 1 });
  await seedBoard(id, {
    slug: 'lounge',
    title: 'Lounge',
    kind: 'discussions',
    visibility: 'members',
    position: 2,
  });
  await seedBoard(id, { slug: 'news', title: 'News', kind: 'announcements', posting: 'staff', position: 0 });
  return fixture;
}

const slugs = (page: { items: { slug: string }[] }) => page.items.map((b) => b.slug);

describe('listBoards', () => {
  it('reports a malformed or unknown community key as not found', async () => {
    const ctx = await ctxFor(await plainUser());
    for (const key of [newId(), 'no-such-community', 'Not A Slug!']) {
      await expectAppError(listBoards({ ctx, community: key }), 'not_found');
    }
  });

  it('reports a hidden community as not found to anonymous visitors and outsiders', async () => {
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await seedBoard(hidden.id);
    for (const user of [null, await plainUser()]) {
      await expectAppError(listBoards({ ctx: await ctxFor(user), community: hidden.id }), 'not_found');
    }
  });

  it('asks anonymous visitors of a private community to sign in, and refuses outsiders and pending members', async () => {
    const { community } = await boardsCommunity({ visibility: 'private' });
    await expectAppError(listBoards({ ctx: await ctxFor(null), community: community.id }), 'unauthenticated');
    await expectAppError(
      listBoards({ ctx: await ctxFor(await plainUser()), community: community.id }),
      'forbidden',
    );
    const pending = await plainUser();
    await addMember(community.id, pending.userId, 'member', 'pending');
    await expectAppError(listBoards({ ctx: await ctxFor(pending), community: community.id }), 'forbidden');
  });

  it('shows anonymous visitors of a public community the public boards only, in display order', async () => {
    const { community } = await boardsCommunity();
    const page = await listBoards({ ctx: await ctxFor(null), community: community.slug });
    // `help` and `news` share position 0: the older board comes first.
    expect(slugs(page)).toEqual(['help', 'news']);
    expect(page.items.every((b) => b.abilities.view && !b.abilities.post)).toBe(true);
    expect(await listBoards({ ctx: await ctxFor(await plainUser()), community: community.id })).toEqual(page);
  });

  it('shows members the members-only boards, and staff and observers the staff boards', async () => {
    const { community, member, expert, observer, moderator, admin } = await boardsCommunity({
      visibility: 'private',
    });
    for (const user of [member.user, expert.user]) {
      expect(slugs(await listBoards({ ctx: await ctxFor(user), community: community.id }))).toEqual([
        'help',
        'news',
        'lounge',
      ]);
    }
    const everything = ['help', 'news', 'team', 'lounge'];
    for (const user of [
      observer.user,
      moderator.user,
      admin.user,
      await plainUser({ platformAdmin: true }),
    ]) {
      expect(slugs(await listBoards({ ctx: await ctxFor(user), community: community.id }))).toEqual(
        everything,
      );
    }
  });

  it('gives each board its published topic count and the viewer’s abilities', async () => {
    const { community, board, member, observer, moderator } = await boardsCommunity();
    await seedTopic(board, member.memberId);
    await seedTopic(board, member.memberId, { kind: 'discussion' });
    await seedTopic(board, member.memberId, { status: 'pending' });
    await seedTopic(board, member.memberId, { status: 'hidden' });
    const forMember = await listBoards({ ctx: await ctxFor(member.user), community: community.id });
    const help = forMember.items.find((b) => b.slug === 'help')!;
    expect(help).toEqual({
      id: board.id,
      slug: 'help',
      title: 'A board',
      description: '',
      kind: 'questions',
      position: 0,
      visibility: 'public',
      posting: 'members',
      premoderation: false,
      topicsCount: 2,
      abilities: { view: true, moderate: false, post: true },
    });
    const abilities = (page: typeof forMember) =>
      Object.fromEntries(page.items.map((b) => [b.slug, b.abilities.post]));
    expect(abilities(forMember)).toEqual({ help: true, news: false, lounge: true });
    const forObserver = await listBoards({ ctx: await ctxFor(observer.user), community: community.id });
    expect(abilities(forObserver)).toEqual({ help: false, news: false, team: false, lounge: false });
    const forModerator = await listBoards({ ctx: await ctxFor(moderator.user), community: community.id });
    expect(abilities(forModerator)).toEqual({ help: true, news: true, team: true, lounge: true });
  });
});
