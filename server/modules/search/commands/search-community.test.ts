import { beforeAll, describe, expect, it } from 'vitest';
import {
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { seedBoard, seedReply, seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { encodeCursor } from '../../../platform/http/pagination.ts';
import { searchCommunity } from './search-community.ts';

type Results = Awaited<ReturnType<typeof searchCommunity>>;
const titles = (results: Results) => results.items.map((item) => item.title);
/** HTML with the `<mark>` elements taken out: what remains must hold no markup at all. */
const withoutMarks = (html: string) => html.replace(/<\/?mark>/g, '');

async function tag(topic: { id: string; community_id: string }, tags: string[]) {
  const { kernel } = await testApp();
  await kernel.db
    .insertInto('topic_tags')
    .values(
      tags.map((t, position) => ({ community_id: topic.community_id, topic_id: topic.id, tag: t, position })),
    )
    .execute();
}

describe('searchCommunity', () => {
  // The worker's kernel (migrations included) starts under the hook's longer timeout.
  beforeAll(() => testApp());

  it('rejects an empty or too long query, malformed dates, dates in the wrong order, an unknown board', async () => {
    const { community, member } = await supportCommunity();
    const ctx = await ctxFor(member.user);
    const search = (query: Record<string, unknown>) =>
      searchCommunity({ ctx, community: community.slug, query });
    await expectAppError(search({}), 'validation_failed', '/q');
    await expectAppError(search({ q: '' }), 'validation_failed', '/q');
    await expectAppError(search({ q: '   ' }), 'validation_failed', '/q');
    await expectAppError(search({ q: 'x'.repeat(201) }), 'validation_failed', '/q');
    await expectAppError(search({ q: 'écran', from: 'yesterday' }), 'validation_failed', '/from');
    await expectAppError(search({ q: 'écran', to: '2026-02-30x' }), 'validation_failed', '/to');
    await expectAppError(
      search({ q: 'écran', from: '2026-03-02', to: '2026-03-01' }),
      'validation_failed',
      '/to',
    );
    await expectAppError(search({ q: 'écran', solved: 'yes' }), 'validation_failed', '/solved');
    await expectAppError(search({ q: 'écran', board: 'no-such-board' }), 'validation_failed', '/board');
    await expectAppError(search({ q: 'écran', cursor: 'garbage' }), 'bad_request');
    await expectAppError(search({ q: 'écran', cursor: encodeCursor(['5000']) }), 'bad_request');
    await expectAppError(search({ q: 'écran', cursor: encodeCursor(['-1']) }), 'bad_request');
  });

  it('reports an unknown community and a hidden one as not found, refuses a private one to outsiders', async () => {
    const hidden = await freshCommunity({ visibility: 'hidden' });
    const ctx = await ctxFor(await plainUser());
    await expectAppError(
      searchCommunity({ ctx, community: 'no-such-community', query: { q: 'x' } }),
      'not_found',
    );
    await expectAppError(searchCommunity({ ctx, community: hidden.slug, query: { q: 'x' } }), 'not_found');
  });

  it('ignores accents and plurals in French: “télévision” finds “televisions”, “écran” finds “ecrans”', async () => {
    const { community, board, member } = await supportCommunity();
    await seedTopic(board, member.memberId, {
      title: 'Deux televisions dans le salon',
      body: 'Laquelle choisir ?',
    });
    await seedTopic(board, member.memberId, {
      title: 'Affichage qui clignote',
      body: 'Mes ecrans clignotent depuis la mise à jour.',
    });
    await seedTopic(board, member.memberId, { title: 'Question sans rapport', body: 'Rien à voir.' });
    const ctx = await ctxFor(null);
    const tv = await searchCommunity({ ctx, community: community.slug, query: { q: 'télévision' } });
    expect(titles(tv)).toEqual(['Deux televisions dans le salon']);
    expect(tv.items[0].titleHtml).toBe('Deux <mark>televisions</mark> dans le salon');
    const screen = await searchCommunity({ ctx, community: community.slug, query: { q: 'écran' } });
    expect(titles(screen)).toEqual(['Affichage qui clignote']);
    expect(screen.items[0].snippetHtml).toContain('<mark>ecrans</mark>');
    expect(screen.total).toBe(1);
  });

  it('stems English too, and finds topics through their published replies', async () => {
    const { community, board, member, expert } = await supportCommunity();
    await seedTopic(board, member.memberId, { title: 'My batteries drain overnight', body: 'Any idea?' });
    const viaReply = await seedTopic(board, member.memberId, {
      title: 'Device is slow',
      body: 'Since Monday.',
    });
    await seedReply(viaReply, expert.memberId, { body: 'Updating the **firmware** fixes it.' });
    const viaHidden = await seedTopic(board, member.memberId, {
      title: 'Another slow device',
      body: 'Help.',
    });
    await seedReply(viaHidden, expert.memberId, { body: 'Firmware again.', status: 'hidden' });
    const ctx = await ctxFor(member.user);
    const battery = await searchCommunity({ ctx, community: community.id, query: { q: 'battery' } });
    expect(titles(battery)).toEqual(['My batteries drain overnight']);
    const firmware = await searchCommunity({ ctx, community: community.id, query: { q: 'firmwares' } });
    expect(titles(firmware)).toEqual(['Device is slow']);
    expect(firmware.items[0].matchedInReply).toBe(true);
    expect(firmware.items[0].snippetHtml).toBe('Updating the <mark>firmware</mark> fixes it');
    expect(firmware.items[0]).toMatchObject({
      board: { slug: 'help' },
      author: { pseudonym: expect.any(String) as string },
      solved: false,
      kind: 'question',
    });
  });

  it('ranks title matches first, then by recent activity', async () => {
    const { community, board, member } = await supportCommunity();
    const t = (title: string, body: string, at: string) =>
      seedTopic(board, member.memberId, { title, body, last_activity_at: at });
    await t('Old question about something', 'The router restarts at night.', '2025-01-01T00:00:00Z');
    await t('Router restarts at night', 'It happens every day.', '2024-01-01T00:00:00Z');
    await t('Recent question about something', 'The router restarts at night.', '2025-06-01T00:00:00Z');
    const results = await searchCommunity({
      ctx: await ctxFor(null),
      community: community.slug,
      query: { q: 'router restarts' },
    });
    expect(titles(results)).toEqual([
      'Router restarts at night',
      'Recent question about something',
      'Old question about something',
    ]);
  });

  it('searches only what the viewer may read: board visibility, published posts, this community', async () => {
    const { community, board, member, moderator } = await supportCommunity();
    const other = await supportCommunity();
    const membersBoard = await seedBoard(community.id, { visibility: 'members' });
    const staffBoard = await seedBoard(community.id, { visibility: 'staff' });
    const body = 'Le thermostat affiche une erreur.';
    await seedTopic(board, member.memberId, { title: 'Public thermostat', body });
    await seedTopic(membersBoard, member.memberId, { title: 'Members thermostat', body });
    await seedTopic(staffBoard, moderator.memberId, { title: 'Staff thermostat', body });
    for (const status of ['pending', 'hidden', 'deleted'] as const)
      await seedTopic(board, member.memberId, { title: `Thermostat ${status}`, body, status });
    await seedTopic(other.board, other.member.memberId, { title: 'Foreign thermostat', body });
    const seen = async (user: Parameters<typeof ctxFor>[0]) =>
      titles(
        await searchCommunity({
          ctx: await ctxFor(user),
          community: community.slug,
          query: { q: 'thermostat' },
        }),
      ).sort();
    expect(await seen(null)).toEqual(['Public thermostat']);
    expect(await seen(await plainUser())).toEqual(['Public thermostat']);
    expect(await seen(member.user)).toEqual(['Members thermostat', 'Public thermostat']);
    expect(await seen(moderator.user)).toEqual([
      'Members thermostat',
      'Public thermostat',
      'Staff thermostat',
    ]);
    await expectAppError(
      searchCommunity({
        ctx: await ctxFor(member.user),
        community: community.slug,
        query: { q: 'thermostat', board: staffBoard.slug },
      }),
      'validation_failed',
      '/board',
    );
    const privateOne = await supportCommunity({ visibility: 'private' });
    await seedTopic(privateOne.board, privateOne.member.memberId, { title: 'Private thermostat', body });
    const inPrivate = async (user: Parameters<typeof ctxFor>[0]) =>
      searchCommunity({
        ctx: await ctxFor(user),
        community: privateOne.community.slug,
        query: { q: 'thermostat' },
      });
    await expectAppError(inPrivate(null), 'unauthenticated');
    await expectAppError(inPrivate(await plainUser()), 'forbidden');
    expect(titles(await inPrivate(privateOne.member.user))).toEqual(['Private thermostat']);
  });

  it('filters by board, tag, solved state, author and creation dates', async () => {
    const { community, board, member, other } = await supportCommunity();
    const second = await seedBoard(community.id, { slug: 'printers' });
    const body = 'The scanner jams on every page.';
    const a = await seedTopic(board, member.memberId, {
      title: 'Scanner A',
      body,
      solved: true,
      created_at: '2026-01-10T12:00:00Z',
    });
    const b = await seedTopic(second, other.memberId, {
      title: 'Scanner B',
      body,
      created_at: '2026-02-10T12:00:00Z',
    });
    await seedTopic(board, other.memberId, { title: 'Scanner C', body, created_at: '2026-03-10T23:59:00Z' });
    await tag(a, ['paper', 'jam']);
    await tag(b, ['paper']);
    const ctx = await ctxFor(member.user);
    const found = async (filters: Record<string, unknown>) =>
      titles(
        await searchCommunity({ ctx, community: community.slug, query: { q: 'scanner', ...filters } }),
      ).sort();
    expect(await found({})).toEqual(['Scanner A', 'Scanner B', 'Scanner C']);
    expect(await found({ board: 'printers' })).toEqual(['Scanner B']);
    expect(await found({ board: second.id })).toEqual(['Scanner B']);
    expect(await found({ tag: 'paper' })).toEqual(['Scanner A', 'Scanner B']);
    expect(await found({ tag: 'JAM' })).toEqual(['Scanner A']);
    expect(await found({ solved: true })).toEqual(['Scanner A']);
    expect(await found({ solved: false })).toEqual(['Scanner B', 'Scanner C']);
    const pseudonym = (
      await (
        await testApp()
      ).kernel.db
        .selectFrom('memberships')
        .select('pseudonym')
        .where('id', '=', other.memberId)
        .executeTakeFirstOrThrow()
    ).pseudonym;
    expect(await found({ author: pseudonym.toUpperCase() })).toEqual(['Scanner B', 'Scanner C']);
    expect(await found({ from: '2026-02-01' })).toEqual(['Scanner B', 'Scanner C']);
    expect(await found({ to: '2026-03-10' })).toEqual(['Scanner A', 'Scanner B', 'Scanner C']);
    expect(await found({ from: '2026-02-10', to: '2026-02-10' })).toEqual(['Scanner B']);
    expect(await found({ to: '2026-03-09' })).toEqual(['Scanner A', 'Scanner B']);
  });

  it('escapes member text in titles and snippets: only <mark> elements are markup', async () => {
    const { community, board, member, expert } = await supportCommunity();
    const topic = await seedTopic(board, member.memberId, {
      title: 'Modem <b>bold</b> & "quotes"',
      body: 'Before `<script>alert(1)</script>` the modem <img src=x onerror=alert(1)> & after.',
    });
    await seedReply(topic, expert.memberId, { body: '<iframe src="https://evil.test"></iframe> modem' });
    const [hit] = (
      await searchCommunity({ ctx: await ctxFor(null), community: community.slug, query: { q: 'modem' } })
    ).items;
    for (const html of [hit.titleHtml, hit.snippetHtml]) {
      expect(html).toContain('<mark>');
      expect(withoutMarks(html)).not.toMatch(/[<>]/);
      expect(html).not.toContain('<script');
    }
    expect(hit.titleHtml).toContain('&amp;');
  });

  it('pages through every match once with a cursor', async () => {
    const { community, board, member } = await supportCommunity();
    for (let i = 0; i < 25; i++)
      await seedTopic(board, member.memberId, {
        title: `Bluetooth pairing issue ${i}`,
        body: 'The headset does not pair.',
        last_activity_at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      });
    const ctx = await ctxFor(null);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchCommunity({
        ctx,
        community: community.slug,
        query: { q: 'bluetooth', limit: 10, cursor },
      });
      expect(page.total).toBe(25);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
  });

  it('suggests titles that look alike when few topics match (“did you mean”), despite typos and accents', async () => {
    const { community, board, member } = await supportCommunity();
    const staffBoard = await seedBoard(community.id, { visibility: 'staff' });
    const tv = await seedTopic(board, member.memberId, { title: 'Ma télévision ne s’allume plus' });
    await seedTopic(staffBoard, member.memberId, { title: 'Télévision du personnel' });
    await seedTopic(board, member.memberId, { title: 'Le lave-linge fuit' });
    const results = await searchCommunity({
      ctx: await ctxFor(member.user),
      community: community.slug,
      query: { q: 'televsion' },
    });
    expect(results.items).toEqual([]);
    expect(results.suggestions.map((s) => s.id)).toEqual([tv.id]);
    expect(results.suggestions[0]).toMatchObject({ board: { slug: 'help' }, solved: false });
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reads unknown ids as not found rather than failing', async () => {
    await expectAppError(
      searchCommunity({ ctx: await ctxFor(null), community: newId(), query: { q: 'x' } }),
      'not_found',
    );
  });
});
