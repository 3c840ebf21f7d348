import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  ctxFor,
  freshCommunity,
  onPostgres,
  plainUser,
  testApp,
} from '../../../../test/helpers.ts';
import {
  applicationOf,
  applyBody,
  codeFromSms,
  confirmedApplicant,
  campaignBody,
  seedCampaign,
} from '../../../../test/recruitment-fixtures.ts';
import type { AppError } from '../../../platform/errors/app-error.ts';
import { applyToCommunity } from './apply-to-community.ts';
import { decideApplication } from './decide-application.ts';
import { updateCampaign } from './update-campaign.ts';
import { verifyPhone } from './verify-phone.ts';

beforeAll(() => testApp(), 180_000);

describe('admission under concurrency', () => {
  it.runIf(onPostgres)(
    'admits exactly 5 of 20 simultaneous qualified applicants for 5 seats; the rest are waitlisted in order',
    async () => {
      const { kernel } = await testApp();
      const community = await freshCommunity({ member_cap: 5 });
      const { token } = await seedCampaign(community.id);
      const applicants = [];
      for (let i = 0; i < 20; i++) {
        const phone = `+3367${String(i).padStart(7, '0')}`;
        applicants.push({ user: await confirmedApplicant(token, phone), code: await codeFromSms(phone) });
      }
      const results = await Promise.all(
        applicants.map(async (a) =>
          verifyPhone({ ctx: await ctxFor(a.user), token, input: { code: a.code } }),
        ),
      );
      expect(results.filter((r) => r.stage === 'probation')).toHaveLength(5);
      expect(results.filter((r) => r.stage === 'waitlisted')).toHaveLength(15);
      const members = await kernel.db
        .selectFrom('memberships')
        .select(['panel_stage'])
        .where('community_id', '=', community.id)
        .where('status', '=', 'active')
        .execute();
      expect(members.map((m) => m.panel_stage)).toEqual(Array(5).fill('probation'));
      // In order: positions 1..15 without gap or repeat, in the order the applicants were put on the list.
      const waitlist = await kernel.db
        .selectFrom('recruitment_applications')
        .select(['waitlist_position', 'waitlisted_at'])
        .where('community_id', '=', community.id)
        .where('status', '=', 'waitlisted')
        .orderBy('waitlist_position')
        .execute();
      expect(waitlist.map((w) => w.waitlist_position)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      const times = waitlist.map((w) => w.waitlisted_at!.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    },
    120_000,
  );

  it.runIf(onPostgres)(
    'checks quotas again under the lock: 8 simultaneous admissions into a quota lowered to 3 admit exactly 3',
    async () => {
      const community = await freshCommunity();
      const admin = await plainUser();
      await addMember(community.id, admin.userId, 'admin');
      const quotas = (max: number) => [{ question: 'gender', option: 'f', max }];
      const campaign = await seedCampaign(community.id, { quotas: quotas(10) });
      const applicants = [];
      for (let i = 0; i < 8; i++) {
        const phone = `+3368${String(i).padStart(7, '0')}`;
        applicants.push({
          user: await confirmedApplicant(campaign.token, phone),
          code: await codeFromSms(phone),
        });
      }
      await updateCampaign({
        ctx: await ctxFor(admin),
        community: community.slug,
        campaignId: campaign.id,
        input: campaignBody({ quotas: quotas(3), target: 100 }),
      });
      const results = await Promise.all(
        applicants.map(async (a) =>
          verifyPhone({ ctx: await ctxFor(a.user), token: campaign.token, input: { code: a.code } }),
        ),
      );
      expect(results.filter((r) => r.stage === 'probation')).toHaveLength(3);
      expect(results.filter((r) => r.stage === 'over_quota')).toHaveLength(5);
    },
    120_000,
  );

  it.runIf(onPostgres)(
    'checks quotas again at staff decisions: 6 simultaneous qualifications into 2 freed places qualify 2',
    async () => {
      const community = await freshCommunity();
      const admin = await plainUser();
      await addMember(community.id, admin.userId, 'admin');
      const campaign = await seedCampaign(community.id, {
        quotas: [{ question: 'gender', option: 'f', max: 2 }],
      });
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const user = await plainUser();
        await applyToCommunity({ ctx: await ctxFor(user), token: campaign.token, input: applyBody() });
        ids.push((await applicationOf(community.id, user.userId)).id);
      }
      const ctx = await ctxFor(admin);
      const decide = (applicationId: string, decision: string) =>
        decideApplication({ ctx, community: community.slug, applicationId, input: { decision } });
      // Two places free behind the commands' back (a staff disqualification would promote the next two
      // over quota at once: see quota-promotion.test.ts), then staff qualify six at once.
      const { kernel } = await testApp();
      await kernel.db
        .updateTable('recruitment_applications')
        .set({ status: 'disqualified' })
        .where('id', 'in', ids.slice(0, 2))
        .execute();
      const outcomes = await Promise.allSettled(ids.slice(2).map((id) => decide(id, 'qualify')));
      const qualified = outcomes.filter((o) => o.status === 'fulfilled');
      expect(qualified.map((o) => o.value.stage)).toEqual(['qualified', 'qualified']);
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as AppError] : []));
      expect(refused.map((e) => e.messageKey)).toEqual(Array(4).fill('recruitment.error.quotaFull'));
    },
    120_000,
  );
});
