import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { researchCommunity, seedAttribute } from '../../../../test/research-fixtures.ts';
import { listProfileAttributes } from './list-profile-attributes.ts';

beforeAll(() => testApp(), 180_000);

describe('listProfileAttributes', () => {
  it('reports unknown communities as not found and refuses outsiders', async () => {
    const { community, outsider } = await researchCommunity();
    await expectAppError(
      listProfileAttributes({ ctx: await ctxFor(outsider.user), community: 'nope' }),
      'not_found',
    );
    await expectAppError(
      listProfileAttributes({ ctx: await ctxFor(outsider.user), community: community.slug }),
      'forbidden',
    );
    await expectAppError(
      listProfileAttributes({ ctx: await ctxFor(null), community: community.slug }),
      'unauthenticated',
    );
  });

  it('shows staff every attribute, observers the observer-visible ones, members theirs', async () => {
    const { community, admin, observer, member } = await researchCommunity();
    await seedAttribute(community.id, { key: 'city', kind: 'text', visibility: 'member_editable' });
    await seedAttribute(community.id, { key: 'age', kind: 'number', visibility: 'observer_visible' });
    await seedAttribute(community.id, { key: 'vip', kind: 'text', visibility: 'staff_only' });
    const keys = async (p: typeof admin) =>
      (await listProfileAttributes({ ctx: await ctxFor(p.user), community: community.slug })).items
        .map((a) => a.key)
        .sort();
    expect(await keys(admin)).toEqual(['age', 'city', 'vip']);
    expect(await keys(observer)).toEqual(['age']);
    expect(await keys(member)).toEqual(['age', 'city']);
    const list = await listProfileAttributes({ ctx: await ctxFor(member.user), community: community.slug });
    expect(list.abilities).toEqual({
      managePanel: false,
      listSegments: false,
      listAttributes: true,
      reviewMembers: false,
      configurePanel: false,
    });
  });
});
