import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { seedCompletedResponse, setStage } from '../../../../test/panel-fixtures.ts';
import { POLL, researchCommunity, seedSurvey } from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { decideProbation } from './decide-probation.ts';
import { listProbation } from './list-probation.ts';
import { updatePanelSettings } from './update-panel-settings.ts';

beforeAll(() => testApp(), 180_000);

async function membership(memberId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('memberships')
    .select(['panel_stage', 'status'])
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
}

describe('listProbation and decideProbation', () => {
  it('rejects a bad decision, saving nothing', async () => {
    const f = await researchCommunity();
    await setStage(f.member.memberId, 'probation', new Date());
    const ctx = await ctxFor(f.moderator.user);
    const decide = (input: unknown) =>
      decideProbation({ ctx, community: f.community.slug, memberId: f.member.memberId, input });
    await expectAppError(decide({ decision: 'maybe' }), 'validation_failed', '/decision');
    await expectAppError(decide({}), 'validation_failed');
    expect(await membership(f.member.memberId)).toEqual({ panel_stage: 'probation', status: 'active' });
  });

  it('does not find an unknown member and refuses a member that is not on probation', async () => {
    const f = await researchCommunity();
    const ctx = await ctxFor(f.admin.user);
    await expectAppError(
      decideProbation({
        ctx,
        community: f.community.slug,
        memberId: newId(),
        input: { decision: 'confirm' },
      }),
      'not_found',
    );
    const error = await expectAppError(
      decideProbation({
        ctx,
        community: f.community.slug,
        memberId: f.other.memberId,
        input: { decision: 'confirm' },
      }),
      'conflict',
    );
    expect(error.messageKey).toBe('panel.error.notOnProbation');
  });

  it('refuses members and observers', async () => {
    const f = await researchCommunity();
    await setStage(f.member.memberId, 'probation', new Date());
    for (const who of [f.member, f.observer]) {
      const ctx = await ctxFor(who.user);
      await expectAppError(listProbation({ ctx, community: f.community.slug }), 'forbidden');
      await expectAppError(
        decideProbation({
          ctx,
          community: f.community.slug,
          memberId: f.member.memberId,
          input: { decision: 'confirm' },
        }),
        'forbidden',
      );
    }
  });

  it('shows each newcomer’s progress, due ones first, and confirms or removes them with an audit entry', async () => {
    const f = await researchCommunity();
    const ctx = await ctxFor(f.moderator.user);
    await updatePanelSettings({
      ctx: await ctxFor(f.admin.user),
      community: f.community.slug,
      input: { probationActivities: 2, probationDays: 10 },
    });
    // `other` began yesterday and took part twice (due by activities); `member` began today, nothing yet.
    await setStage(f.other.memberId, 'probation', new Date(Date.now() - 86_400_000));
    await setStage(f.member.memberId, 'probation', new Date());
    await seedCompletedResponse(await seedSurvey(f.community.id), f.other.memberId, { owns: 'no' }, 60_000);
    await seedCompletedResponse(
      await seedSurvey(f.community.id, { kind: 'poll', definition: POLL }),
      f.other.memberId,
      { color: 'red' },
      2_000,
    );
    const list = await listProbation({ ctx, community: f.community.slug });
    expect(list).toMatchObject({ probationActivities: 2, probationDays: 10 });
    expect(list.items.map((i) => [i.memberId, i.activities, i.days, i.due])).toEqual([
      [f.other.memberId, 2, 1, true],
      [f.member.memberId, 0, 0, false],
    ]);

    const before = (await outboxEventsOf(f.community.id)).length;
    expect(
      await decideProbation({
        ctx,
        community: f.community.slug,
        memberId: f.other.memberId,
        input: { decision: 'confirm' },
      }),
    ).toEqual({ memberId: f.other.memberId, panelStage: 'active' });
    expect(
      await decideProbation({
        ctx,
        community: f.community.slug,
        memberId: f.member.memberId,
        input: { decision: 'remove', note: 'Never answered.' },
      }),
    ).toEqual({ memberId: f.member.memberId, panelStage: 'removed' });
    expect(await membership(f.other.memberId)).toEqual({ panel_stage: 'active', status: 'active' });
    expect(await membership(f.member.memberId)).toEqual({ panel_stage: 'removed', status: 'suspended' });
    expect(
      (await outboxEventsOf(f.community.id)).slice(before).map((e) => [e.type, e.payload.memberId]),
    ).toEqual([
      ['member.probation_decided', f.other.memberId],
      ['member.probation_decided', f.member.memberId],
      ['member.status_changed', f.member.memberId],
    ]);
    const audit = (await auditRowsOf(f.community.id)).filter((a) => a.action.startsWith('member.probation'));
    expect(audit).toMatchObject([
      { action: 'member.probation_confirm', target_id: f.other.memberId },
      { action: 'member.probation_remove', target_id: f.member.memberId, data: { note: 'Never answered.' } },
    ]);
    expect((await listProbation({ ctx, community: f.community.slug })).items).toEqual([]);
  });
});
