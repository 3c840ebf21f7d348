import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { researchCommunity, seedAttribute } from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getMemberProfile } from './get-member-profile.ts';
import { updateMemberProfile } from './update-member-profile.ts';

beforeAll(() => testApp(), 180_000);

async function withAttributes() {
  const fixture = await researchCommunity();
  const { id } = fixture.community;
  return {
    ...fixture,
    city: await seedAttribute(id, { key: 'city', kind: 'text', visibility: 'member_editable' }),
    age: await seedAttribute(id, { key: 'age', kind: 'number', visibility: 'observer_visible' }),
    vip: await seedAttribute(id, { key: 'vip', kind: 'text', visibility: 'staff_only' }),
    born: await seedAttribute(id, { key: 'born', kind: 'date', visibility: 'member_editable' }),
    sports: await seedAttribute(id, {
      key: 'sports',
      kind: 'multiple_choice',
      visibility: 'member_editable',
      options: [
        { value: 'run', label: 'Running' },
        { value: 'ride', label: 'Cycling' },
      ],
    }),
  };
}

describe('updateMemberProfile and getMemberProfile', () => {
  it('rejects values that do not fit their attribute', async () => {
    const f = await withAttributes();
    const ctx = await ctxFor(f.member.user);
    const cases: [Record<string, unknown>, string][] = [
      [{ [f.age.id]: 'forty' }, `/values/${f.age.id}`],
      [{ [f.born.id]: '2024-02-31' }, `/values/${f.born.id}`],
      [{ [f.sports.id]: ['swim'] }, `/values/${f.sports.id}`],
      [{ [f.city.id]: '   ' }, `/values/${f.city.id}`],
      [{ [newId()]: 'x' }, ''],
    ];
    for (const [values, path] of cases) {
      const error = await expectAppError(
        updateMemberProfile({
          ctx,
          community: f.community.slug,
          memberId: f.member.memberId,
          input: { values },
        }),
        'validation_failed',
      );
      if (path) expect(error.fields.map((e) => e.path)).toEqual([path]);
    }
    expect(await outboxEventsOf(f.community.id)).toEqual([]);
  });

  it('reports unknown members and communities as not found', async () => {
    const f = await withAttributes();
    const ctx = await ctxFor(f.admin.user);
    for (const memberId of ['nope', newId()])
      await expectAppError(getMemberProfile({ ctx, community: f.community.slug, memberId }), 'not_found');
    await expectAppError(
      getMemberProfile({ ctx, community: 'nope', memberId: f.member.memberId }),
      'not_found',
    );
  });

  it('lets a member write only their own member-filled values, never staff-only ones', async () => {
    const f = await withAttributes();
    const input = { values: { [f.city.id]: 'Lyon' } };
    await expectAppError(
      updateMemberProfile({
        ctx: await ctxFor(f.other.user),
        community: f.community.slug,
        memberId: f.member.memberId,
        input,
      }),
      'forbidden',
    );
    await expectAppError(
      updateMemberProfile({
        ctx: await ctxFor(f.observer.user),
        community: f.community.slug,
        memberId: f.member.memberId,
        input,
      }),
      'forbidden',
    );
    await expectAppError(
      updateMemberProfile({
        ctx: await ctxFor(f.member.user),
        community: f.community.slug,
        memberId: f.member.memberId,
        input: { values: { [f.vip.id]: 'gold' } },
      }),
      'validation_failed',
      `/values/${f.vip.id}`,
    );
    await expectAppError(
      getMemberProfile({
        ctx: await ctxFor(f.other.user),
        community: f.community.slug,
        memberId: f.member.memberId,
      }),
      'forbidden',
    );
  });

  it('saves values, emits profile.updated without values, and shows each viewer what they may see', async () => {
    const f = await withAttributes();
    const mine = await updateMemberProfile({
      ctx: await ctxFor(f.member.user),
      community: f.community.slug,
      memberId: f.member.memberId,
      input: {
        values: { [f.city.id]: ' Lyon ', [f.age.id]: 41, [f.sports.id]: ['ride'], [f.born.id]: '1985-04-12' },
      },
    });
    expect(mine.fields.map((x) => [x.attribute.key, x.value, x.editable]).sort()).toEqual([
      ['age', 41, true],
      ['born', '1985-04-12', true],
      ['city', 'Lyon', true],
      ['sports', ['ride'], true],
    ]);
    await updateMemberProfile({
      ctx: await ctxFor(f.admin.user),
      community: f.community.slug,
      memberId: f.member.memberId,
      input: { values: { [f.vip.id]: 'gold', [f.city.id]: null } },
    });
    const events = await outboxEventsOf(f.community.id);
    expect(events.map((e) => e.type)).toEqual(['profile.updated', 'profile.updated']);
    expect(JSON.stringify(events)).not.toContain('gold');
    expect((await auditRowsOf(f.community.id)).map((r) => r.action)).toEqual(['profile.update']);
    const seen = async (p: typeof f.admin) =>
      (
        await getMemberProfile({
          ctx: await ctxFor(p.user),
          community: f.community.slug,
          memberId: f.member.memberId,
        })
      ).fields
        .map((x) => `${x.attribute.key}=${JSON.stringify(x.value)}`)
        .sort();
    expect(await seen(f.admin)).toEqual([
      'age=41',
      'born="1985-04-12"',
      'city=null',
      'sports=["ride"]',
      'vip="gold"',
    ]);
    expect(await seen(f.observer)).toEqual(['age=41']);
    expect(await seen(f.member)).toEqual(['age=41', 'born="1985-04-12"', 'city=null', 'sports=["ride"]']);
  });
});
