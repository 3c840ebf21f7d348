import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedBoard, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { suggestSimilarTopics } from './suggest-similar-topics.ts';

describe('suggestSimilarTopics', () => {
  // The worker's kernel (migrations included) starts under the hook's longer timeout.
  beforeAll(() => testApp());

  it('rejects a missing or too long title and an unknown board', async () => {
    const { community, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    const suggest = (query: Record<string, unknown>) =>
      suggestSimilarTopics({ ctx, community: community.slug, query });
    await expectAppError(suggest({}), 'validation_failed', '/title');
    await expectAppError(suggest({ title: '' }), 'validation_failed', '/title');
    await expectAppError(suggest({ title: 'x'.repeat(201) }), 'validation_failed', '/title');
    await expectAppError(suggest({ title: 'écran noir', board: 'nope' }), 'validation_failed', '/board');
  });

  it('reports an unknown community as not found', async () => {
    await expectAppError(
      suggestSimilarTopics({
        ctx: await ctxFor(null),
        community: 'no-such-community',
        query: { title: 'écran' },
      }),
      'not_found',
    );
  });

  it('proposes solved questions sharing significant words, accents and plurals ignored, best first', async () => {
    const { community, board, member } = await supportCommunity();
    const exact = await seedTopic(board, member.memberId, { title: 'Écran noir au démarrage', solved: true });
    const partial = await seedTopic(board, member.memberId, { title: 'Les écrans se figent', solved: true });
    await seedTopic(board, member.memberId, { title: 'Écran noir encore et encore', solved: false });
    await seedTopic(board, member.memberId, {
      title: 'Écran noir: une discussion',
      kind: 'discussion',
      solved: true,
    });
    await seedTopic(board, member.memberId, { title: 'Ecran noir (masqué)', solved: true, status: 'hidden' });
    await seedTopic(board, member.memberId, { title: 'Comment les choisir et les ranger', solved: true });
    const { items } = await suggestSimilarTopics({
      ctx: await ctxFor(null),
      community: community.slug,
      query: { title: 'Mon ecran reste noir au demarrage, les' },
    });
    expect(items.map((item) => item.title)).toEqual([exact.title, partial.title]);
    expect(items[0]).toMatchObject({
      title: 'Écran noir au démarrage',
      solved: true,
      board: { slug: 'help' },
    });
  });

  it('tolerates typos in the title being typed', async () => {
    const { community, board, member } = await supportCommunity();
    const tv = await seedTopic(board, member.memberId, {
      title: 'Ma télévision ne s’allume plus',
      solved: true,
    });
    const { items } = await suggestSimilarTopics({
      ctx: await ctxFor(member.user),
      community: community.slug,
      query: { title: 'televsion' },
    });
    expect(items.map((item) => item.id)).toEqual([tv.id]);
  });

  it('keeps to boards the viewer reads and to this community; at most five; nothing for a vague title', async () => {
    const { community, board, member } = await supportCommunity();
    const other = await supportCommunity();
    const staffBoard = await seedBoard(community.id, { visibility: 'staff' });
    const membersBoard = await seedBoard(community.id, { visibility: 'members' });
    await seedTopic(staffBoard, member.memberId, { title: 'Imprimante bloquée (staff)', solved: true });
    const inMembers = await seedTopic(membersBoard, member.memberId, {
      title: 'Imprimante bloquée',
      solved: true,
    });
    await seedTopic(other.board, other.member.memberId, {
      title: 'Imprimante bloquée ailleurs',
      solved: true,
    });
    for (let i = 0; i < 6; i++)
      await seedTopic(board, member.memberId, { title: `Imprimante hors ligne ${i}`, solved: true });
    const asMember = await suggestSimilarTopics({
      ctx: await ctxFor(member.user),
      community: community.slug,
      query: { title: 'imprimante bloquée' },
    });
    expect(asMember.items).toHaveLength(5);
    expect(asMember.items[0].id).toBe(inMembers.id);
    expect(
      asMember.items.every((item) => !item.title.includes('staff') && !item.title.includes('ailleurs')),
    ).toBe(true);
    const asOutsider = await suggestSimilarTopics({
      ctx: await ctxFor(await plainUser()),
      community: community.slug,
      query: { title: 'imprimante bloquée', board: 'help' },
    });
    expect(asOutsider.items.map((item) => item.board.slug)).toEqual(Array(5).fill('help'));
    const vague = await suggestSimilarTopics({
      ctx: await ctxFor(null),
      community: community.slug,
      query: { title: 'im' },
    });
    expect(vague.items).toEqual([]);
  });
});
