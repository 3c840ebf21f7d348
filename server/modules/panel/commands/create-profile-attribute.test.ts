import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { researchCommunity } from '../../../../test/research-fixtures.ts';
import { createProfileAttribute } from './create-profile-attribute.ts';

beforeAll(() => testApp(), 180_000);

const city = { key: 'city', label: 'City', kind: 'text', visibility: 'member_editable' };

describe('createProfileAttribute', () => {
  it('rejects bad input with the field paths', async () => {
    const { community, admin } = await researchCommunity();
    const ctx = await ctxFor(admin.user);
    const cases: [unknown, string][] = [
      [{ ...city, key: 'City!' }, '/key'],
      [{ ...city, kind: 'colour' }, '/kind'],
      [{ ...city, visibility: 'public' }, '/visibility'],
      [{ ...city, kind: 'single_choice' }, '/options'],
      [{ ...city, options: [{ value: 'a', label: 'A' }] }, '/options'],
      [
        {
          ...city,
          kind: 'multiple_choice',
          options: [
            { value: 'a', label: 'A' },
            { value: 'a', label: 'B' },
          ],
        },
        '/options',
      ],
    ];
    for (const [input, path] of cases)
      await expectAppError(
        createProfileAttribute({ ctx, community: community.slug, input }),
        'validation_failed',
        path,
      );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown communities as not found', async () => {
    const { admin } = await researchCommunity();
    await expectAppError(
      createProfileAttribute({ ctx: await ctxFor(admin.user), community: 'no-such-place', input: city }),
      'not_found',
    );
  });

  it('refuses everyone but staff', async () => {
    const { community, observer, member, outsider } = await researchCommunity();
    await expectAppError(
      createProfileAttribute({ ctx: await ctxFor(null), community: community.slug, input: city }),
      'unauthenticated',
    );
    for (const p of [observer, member, outsider])
      await expectAppError(
        createProfileAttribute({ ctx: await ctxFor(p.user), community: community.slug, input: city }),
        'forbidden',
      );
  });

  it('defines an attribute, audits it, emits profile_attribute.created and refuses a second key', async () => {
    const { community, moderator } = await researchCommunity();
    const ctx = await ctxFor(moderator.user);
    const created = await createProfileAttribute({
      ctx,
      community: community.slug,
      input: {
        key: 'bike_kind',
        label: ' Bike ',
        kind: 'single_choice',
        visibility: 'observer_visible',
        options: [
          { value: 'city', label: 'City bike' },
          { value: 'road', label: 'Road bike' },
        ],
      },
    });
    expect(created).toMatchObject({ key: 'bike_kind', label: 'Bike', memberEditable: true });
    expect(created.options).toHaveLength(2);
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['profile_attribute.created']);
    expect(events[0].payload).toEqual({
      communityId: community.id,
      attributeId: created.id,
      key: 'bike_kind',
    });
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual(['profile_attribute.create']);
    await expectAppError(
      createProfileAttribute({ ctx, community: community.slug, input: { ...city, key: 'bike_kind' } }),
      'validation_failed',
      '/key',
    );
  });
});
