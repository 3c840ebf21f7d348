import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { seedCompletedResponse, setStage } from '../../../../test/panel-fixtures.ts';
import { researchCommunity, seedSurvey } from '../../../../test/research-fixtures.ts';
import { decideProbation } from './decide-probation.ts';
import { getPanelHealth, HEALTH_MONTHS } from './get-panel-health.ts';

beforeAll(() => testApp(), 180_000);

describe('getPanelHealth', () => {
  it('does not find an unknown community and refuses members and observers', async () => {
    const f = await researchCommunity();
    await expectAppError(
      getPanelHealth({ ctx: await ctxFor(f.admin.user), community: 'no-such-community-here' }),
      'not_found',
    );
    for (const who of [f.member, f.observer])
      await expectAppError(
        getPanelHealth({ ctx: await ctxFor(who.user), community: f.community.slug }),
        'forbidden',
      );
  });

  it('counts stages, this month’s participants and removals, and the average score', async () => {
    const { kernel } = await testApp();
    const f = await researchCommunity();
    const ctx = await ctxFor(f.moderator.user);
    const empty = await getPanelHealth({ ctx, community: f.community.slug });
    expect(empty.stages).toEqual({ probation: 0, active: 2, dormant: 0, removed: 0 });
    expect(empty.months).toHaveLength(HEALTH_MONTHS);
    expect(empty.averageReliability).toBeNull();

    await seedCompletedResponse(await seedSurvey(f.community.id), f.other.memberId, { owns: 'no' }, 60_000);
    await setStage(f.member.memberId, 'probation', new Date());
    await decideProbation({
      ctx,
      community: f.community.slug,
      memberId: f.member.memberId,
      input: { decision: 'remove' },
    });
    await kernel.db
      .updateTable('memberships')
      .set({ reliability_score: 70 })
      .where('id', '=', f.other.memberId)
      .execute();

    const health = await getPanelHealth({ ctx, community: f.community.slug });
    expect(health.stages).toEqual({ probation: 0, active: 1, dormant: 0, removed: 1 });
    const thisMonth = health.months.at(-1)!;
    expect(thisMonth).toEqual({
      month: new Date().toISOString().slice(0, 7),
      members: 1,
      participants: 1,
      removed: 1,
    });
    expect(health).toMatchObject({ averageReliability: 70, scoredMembers: 1 });
  });
});
