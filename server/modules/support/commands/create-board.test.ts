import { describe, expect, it } from 'vitest';
import {
  addMember,
  auditRowsOf,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
} from '../../../../test/helpers.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createBoard } from './create-board.ts';

const valid = (slug = `faq-${newId().slice(-8)}`) => ({ title: 'Frequently asked', slug, kind: 'questions' });

describe('createBoard', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid(), title: '' }, '/title'],
      [{ ...valid(), title: 'x'.repeat(101) }, '/title'],
      [{ ...valid(), slug: 'Bad Slug' }, '/slug'],
      [{ ...valid(), slug: '-dash-first' }, '/slug'],
      [{ ...valid(), kind: 'wiki' }, '/kind'],
      [{ ...valid(), visibility: 'secret' }, '/visibility'],
      [{ ...valid(), position: -1 }, '/position'],
      [{ ...valid(), color: 'red' }, '/color'],
      [{ slug: 'no-title', kind: 'questions' }, '/title'],
    ];
    for (const [input, path] of cases) {
      await expectAppError(createBoard({ ctx, community: community.id, input }), 'validation_failed', path);
    }
    const error = await expectAppError(
      createBoard({ ctx, community: community.id, input: { ...valid(), slug: 'UPPER' } }),
      'validation_failed',
      '/slug',
    );
    expect(error.fields[0]?.key).toBe('validation.boardSlugFormat');
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('rejects a title that is too short once trimmed, instead of failing on the database', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    for (const title of ['  ', ' a ']) {
      await expectAppError(
        createBoard({ ctx, community: community.id, input: { ...valid(), title } }),
        'validation_failed',
        '/title',
      );
    }
  });

  it('refuses a slug already used in the community, but not in another one', async () => {
    const { community, admin } = await supportCommunity();
    const ctx = await ctxFor(admin.user);
    const error = await expectAppError(
      createBoard({ ctx, community: community.id, input: valid('help') }),
      'validation_failed',
      '/slug',
    );
    expect(error.fields[0]?.key).toBe('validation.boardSlugTaken');
    const other = await supportCommunity();
    const board = await createBoard({
      ctx: await ctxFor(other.admin.user),
      community: other.community.id,
      input: valid('faq'),
    });
    expect(board.slug).toBe('faq');
    await createBoard({ ctx, community: community.id, input: valid('faq') });
  });

  it('reports an unknown community, or a hidden one to outsiders, as not found', async () => {
    const ctx = await ctxFor(await plainUser());
    await expectAppError(createBoard({ ctx, community: newId(), input: valid() }), 'not_found');
    await expectAppError(createBoard({ ctx, community: 'no-such-community', input: valid() }), 'not_found');
    const hidden = await freshCommunity({ visibility: 'hidden' });
    await expectAppError(createBoard({ ctx, community: hidden.id, input: valid() }), 'not_found');
  });

  it('refuses anonymous visitors, outsiders, members, experts and observers', async () => {
    const { community, member, expert, observer } = await supportCommunity();
    await expectAppError(
      createBoard({ ctx: await ctxFor(null), community: community.id, input: valid() }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), member.user, expert.user, observer.user]) {
      await expectAppError(
        createBoard({ ctx: await ctxFor(user), community: community.id, input: valid() }),
        'forbidden',
      );
    }
    const suspended = await plainUser();
    await addMember(community.id, suspended.userId, 'admin', 'suspended');
    await expectAppError(
      createBoard({ ctx: await ctxFor(suspended), community: community.id, input: valid() }),
      'forbidden',
    );
    expect(await outboxEventsOf(community.id)).toEqual([]);
    expect(await auditRowsOf(community.id)).toEqual([]);
  });

  it('lets a moderator create a board with defaults: board.created and an audit row', async () => {
    const { community, moderator } = await supportCommunity();
    const board = await createBoard({
      ctx: await ctxFor(moderator.user),
      community: community.slug,
      input: { title: '  Getting started  ', slug: 'getting-started', kind: 'questions' },
    });
    expect(board).toEqual({
      id: expect.any(String) as unknown,
      slug: 'getting-started',
      title: 'Getting started',
      description: '',
      kind: 'questions',
      position: 0,
      visibility: 'public',
      posting: 'members',
      premoderation: false,
      topicsCount: 0,
      abilities: { view: true, moderate: true, post: true },
    });
    expect(await outboxEventsOf(community.id)).toEqual([
      {
        type: 'board.created',
        payload: { communityId: community.id, boardId: board.id, slug: 'getting-started' },
        actor: moderator.user.userId,
      },
    ]);
    expect(await auditRowsOf(community.id)).toEqual([
      {
        action: 'board.create',
        actor_user_id: moderator.user.userId,
        target_type: 'board',
        target_id: board.id,
        data: { slug: 'getting-started' },
      },
    ]);
  });

  it('lets an admin or a platform admin create announcements, where only staff post by default', async () => {
    const { community, admin } = await supportCommunity();
    const news = await createBoard({
      ctx: await ctxFor(admin.user),
      community: community.id,
      input: {
        title: 'News',
        slug: 'news',
        kind: 'announcements',
        description: ' What changed ',
        position: 3,
        visibility: 'members',
        premoderation: true,
      },
    });
    expect(news).toMatchObject({
      kind: 'announcements',
      posting: 'staff',
      visibility: 'members',
      premoderation: true,
      position: 3,
      description: 'What changed',
    });
    const platformAdmin = await plainUser({ platformAdmin: true });
    const staffOnly = await createBoard({
      ctx: await ctxFor(platformAdmin),
      community: community.id,
      input: { ...valid('team'), visibility: 'staff' },
    });
    expect(staffOnly.visibility).toBe('staff');
    expect((await outboxEventsOf(community.id)).map((e) => [e.type, e.actor])).toEqual([
      ['board.created', admin.user.userId],
      ['board.created', platformAdmin.userId],
    ]);
    expect((await auditRowsOf(community.id)).map((a) => a.action)).toEqual(['board.create', 'board.create']);
  });
});
