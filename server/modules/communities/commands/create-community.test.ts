import { describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  freshCommunity,
  outboxEventsOf,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createCommunity } from './create-community.ts';

const uniqueSlug = () => `t-${newId().slice(-12)}`;

describe('createCommunity', () => {
  it('rejects bad input with the field paths', async () => {
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    const error = await expectAppError(
      createCommunity({ ctx, input: { name: 'x', slug: 'Not A Slug', primaryColor: 'red' } }),
      'validation_failed',
      '/slug',
    );
    const paths = error.fields.map((f) => f.path).sort();
    expect(paths).toEqual(['/name', '/primaryColor', '/slug']);
    expect(error.fields.find((f) => f.path === '/slug')?.key).toBe('validation.slugFormat');
    await expectAppError(
      createCommunity({ ctx, input: { name: 'Valid', slug: uniqueSlug(), extra: 1 } }),
      'validation_failed',
      '/extra',
    );
  });

  it('refuses anonymous visitors and signed-in people who are not platform admins', async () => {
    const input = { name: 'Refused', slug: uniqueSlug() };
    await expectAppError(createCommunity({ ctx: await ctxFor(null), input }), 'unauthenticated');
    await expectAppError(createCommunity({ ctx: await ctxFor(await plainUser()), input }), 'forbidden');
    const { kernel } = await testApp();
    const row = await kernel.db
      .selectFrom('communities')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('creates the community, emits community.created and writes the audit log', async () => {
    const admin = await plainUser({ platformAdmin: true });
    const slug = uniqueSlug();
    const created = await createCommunity({
      ctx: await ctxFor(admin),
      input: {
        name: '  Véloce  ',
        slug,
        description: 'Bikes',
        visibility: 'private',
        joinPolicy: 'approval',
        memberCap: 300,
        primaryColor: '#AABBCC',
      },
    });
    expect(created).toMatchObject({
      slug,
      name: 'Véloce',
      description: 'Bikes',
      visibility: 'private',
      joinPolicy: 'approval',
      memberCap: 300,
      primaryColor: '#aabbcc',
      defaultLocale: 'en',
      membersCount: 0,
      viewerMembership: null,
    });
    expect(created.abilities.update).toBe(true);
    expect(await outboxEventsOf(created.id)).toEqual([
      {
        type: 'community.created',
        payload: { communityId: created.id, slug, changed: [] },
        actor: admin.userId,
      },
    ]);
    const audit = await auditRowsOf(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'community.create',
      actor_user_id: admin.userId,
      target_type: 'community',
      target_id: created.id,
      data: { slug },
    });
  });

  it('reports a slug already in use on /slug and writes nothing', async () => {
    const existing = await freshCommunity();
    const ctx = await ctxFor(await plainUser({ platformAdmin: true }));
    const error = await expectAppError(
      createCommunity({ ctx, input: { name: 'Duplicate', slug: existing.slug } }),
      'validation_failed',
      '/slug',
    );
    expect(error.fields[0]?.key).toBe('validation.slugTaken');
    expect(await outboxEventsOf(existing.id)).toEqual([]);
  });
});
