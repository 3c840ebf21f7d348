import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, freshCommunity, onPostgres, testApp } from '../../../../test/helpers.ts';
import { codeFromSms, confirmedApplicant, seedCampaign } from '../../../../test/recruitment-fixtures.ts';
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
});
