import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { researchCommunity, seedAttribute, seedValue } from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getReliability } from './get-reliability.ts';
import { listFlaggedMembers } from './list-flagged-members.ts';

beforeAll(() => testApp(), 180_000);

async function setScore(memberId: string, score: number) {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('memberships')
    .set({ reliability_score: score })
    .where('id', '=', memberId)
    .execute();
}

describe('listFlaggedMembers', () => {
  it('does not find a hidden or unknown community', async () => {
    const f = await researchCommunity();
    await expectAppError(
      listFlaggedMembers({ ctx: await ctxFor(f.admin.user), community: `nope-${newId().slice(-6)}` }),
      'not_found',
    );
  });

  it('refuses members and observers', async () => {
    const f = await researchCommunity();
    for (const who of [f.member, f.observer])
      await expectAppError(
        listFlaggedMembers({ ctx: await ctxFor(who.user), community: f.community.slug }),
        'forbidden',
      );
  });

  it('lists low scores first, then duplicates by email, phone and near-identical profile', async () => {
    const { kernel } = await testApp();
    const f = await researchCommunity();
    const id = f.community.id;
    await setScore(f.member.memberId, 30);
    await setScore(f.other.memberId, 70);
    const local = `jean.dupont.${newId().slice(-8)}`;
    const jean = await plainUser({ email: `${local}@gmail.com` });
    const jean2 = await plainUser({ email: `${local.replaceAll('.', '')}+panel@GMAIL.com` });
    const jeanId = await addMember(id, jean.userId);
    const jean2Id = await addMember(id, jean2.userId);
    const phoned = [await plainUser(), await plainUser()];
    const phonedIds = [await addMember(id, phoned[0].userId), await addMember(id, phoned[1].userId)];
    await kernel.db
      .updateTable('auth_user')
      .set({ phone: '+33 6 11 22 33 44' })
      .where('id', '=', phoned[0].userId)
      .execute();
    await kernel.db
      .updateTable('auth_user')
      .set({ phone: '06 11 22 33 44' })
      .where('id', '=', phoned[1].userId)
      .execute();
    const twins = [
      await addMember(id, (await plainUser()).userId),
      await addMember(id, (await plainUser()).userId),
    ];
    const attrs = [];
    for (const key of ['age', 'city', 'bike', 'size'])
      attrs.push(await seedAttribute(id, { key, kind: 'text', visibility: 'member_editable' }));
    for (const t of twins) for (const a of attrs) await seedValue(id, a.id, t, `same-${a.key}`);
    // A third member shares only two values: not a twin.
    const cousin = await addMember(id, (await plainUser()).userId);
    await seedValue(id, attrs[0].id, cousin, 'same-age');
    await seedValue(id, attrs[1].id, cousin, 'same-city');
    await seedValue(id, attrs[2].id, cousin, 'other');

    const ctx = await ctxFor(f.moderator.user);
    const list = await listFlaggedMembers({ ctx, community: f.community.slug });
    expect(list.threshold).toBe(50);
    expect(list.items[0]).toMatchObject({
      memberId: f.member.memberId,
      lowScore: true,
      score: 30,
      duplicates: [],
    });
    const flagged = new Map(list.items.map((i) => [i.memberId, i]));
    expect(flagged.has(f.other.memberId)).toBe(false);
    expect(flagged.has(cousin)).toBe(false);
    const twinsOf = (memberId: string) =>
      flagged.get(memberId)?.duplicates.map((d) => [d.memberId, d.reasons]);
    expect(twinsOf(jeanId)).toEqual([[jean2Id, ['email']]]);
    expect(twinsOf(phonedIds[1])).toEqual([[phonedIds[0], ['phone']]]);
    expect(twinsOf(twins[0])).toEqual([[twins[1], ['profile']]]);
    expect(list.items).toHaveLength(7);
    const reliability = await getReliability({ ctx, community: f.community.slug, memberId: twins[1] });
    expect(reliability).toMatchObject({
      flagged: true,
      duplicates: [{ memberId: twins[0], reasons: ['profile'] }],
    });
  });
});
