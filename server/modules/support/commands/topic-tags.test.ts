import { describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { seedBoard, supportCommunity } from '../../../../test/support-fixtures.ts';
import { normalizeTag } from '../support-media.ts';
import { createTopic } from './create-topic.ts';
import { getTopic } from './get-topic.ts';
import { listTopics } from './list-topics.ts';

describe('topic tags', () => {
  it('normalizes tags to short lowercase ASCII slugs', () => {
    expect(normalizeTag('  Réseau Wi-Fi  ')).toBe('reseau-wi-fi');
    expect(normalizeTag('C++ / Rust')).toBe('c-rust');
    expect(normalizeTag('ÉTÉ 2026')).toBe('ete-2026');
    expect(normalizeTag('a'.repeat(29) + ' b')).toBe('a'.repeat(29));
    expect(normalizeTag('!!!')).toBe('');
  });

  it('refuses more than five tags or a tag without letters or digits, creating nothing', async () => {
    const { community, board, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    const post = (tags: unknown) =>
      createTopic({
        ctx,
        community: community.id,
        board: board.slug,
        input: { title: 'Tagged question', body: 'Body', tags },
      });
    await expectAppError(post(['a', 'b', 'c', 'd', 'e', 'f']), 'validation_failed', '/tags');
    await expectAppError(post(['wifi', '???']), 'validation_failed', '/tags/1');
    await expectAppError(post(['x'.repeat(41)]), 'validation_failed', '/tags/0');
    await expectAppError(post('wifi'), 'validation_failed', '/tags');
    const { kernel } = await testApp();
    expect(
      await kernel.db
        .selectFrom('topic_tags')
        .select('tag')
        .where('community_id', '=', community.id)
        .execute(),
    ).toEqual([]);
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('stores normalized, deduplicated tags in order, shows them on the topic and in lists, and filters by tag', async () => {
    const { community, board, member, other } = await supportCommunity();
    const tagged = await createTopic({
      ctx: await ctxFor(member.user),
      community: community.id,
      board: board.slug,
      input: { title: 'Wi-Fi drops at night', body: 'Why?', tags: ['Réseau', 'WiFi', 'reseau', 'Box 5G'] },
    });
    expect(tagged.tags).toEqual(['reseau', 'wifi', 'box-5g']);
    const plain = await createTopic({
      ctx: await ctxFor(other.user),
      community: community.id,
      board: board.slug,
      input: { title: 'Invoice question', body: 'Where?', tags: ['billing'] },
    });
    const events = await outboxEventsOf(community.id);
    expect(events[0]?.payload).toMatchObject({ topicId: tagged.id, tags: ['reseau', 'wifi', 'box-5g'] });

    const anonymous = await ctxFor(null);
    const topic = await getTopic({ ctx: anonymous, community: community.id, topicId: tagged.id });
    expect(topic.tags).toEqual(['reseau', 'wifi', 'box-5g']);
    const all = await listTopics({ ctx: anonymous, community: community.id, board: board.slug, query: {} });
    expect(all.items.map((t) => [t.id, t.tags])).toEqual([
      [plain.id, ['billing']],
      [tagged.id, ['reseau', 'wifi', 'box-5g']],
    ]);
    const byTag = async (tag: string, boardSlug = board.slug) =>
      (
        await listTopics({ ctx: anonymous, community: community.id, board: boardSlug, query: { tag } })
      ).items.map((t) => t.id);
    expect(await byTag('wifi')).toEqual([tagged.id]);
    // The filter is normalized like the tags themselves.
    expect(await byTag('Box 5G')).toEqual([tagged.id]);
    expect(await byTag('billing')).toEqual([plain.id]);
    expect(await byTag('unknown')).toEqual([]);
    // Another board of the community has none of them.
    const otherBoard = await seedBoard(community.id);
    expect(await byTag('wifi', otherBoard.slug)).toEqual([]);
  });
});
