import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditRowsOf,
  ctxFor,
  expectAppError,
  onPostgres,
  outboxEventsOf,
  testApp,
} from '../../../../test/helpers.ts';
import {
  applicationOf,
  quotaSetUp,
  tokenFromMail,
  validatedApplicant,
} from '../../../../test/recruitment-fixtures.ts';
import { sweepQuotaRoom } from '../jobs/seat-sweep.ts';
import { decideApplication } from './decide-application.ts';

beforeAll(() => testApp(), 180_000);

/** `quotaSetUp`, with `apply` returning the applicant and their application, and a status probe. */
async function setUp(max: number) {
  const set = await quotaSetUp(max);
  const apply = async () => {
    const user = await set.apply();
    return { user, app: await applicationOf(set.community.id, user.userId) };
  };
  const statusOf = async (userId: string) => (await applicationOf(set.community.id, userId)).status;
  return { ...set, apply, statusOf };
}

describe('over-quota applicants promoted when their cell frees', () => {
  it('gives the place of an applicant turned away to the first over quota, in application order', async () => {
    const { community, decide, apply, statusOf } = await setUp(1);
    const first = await apply();
    const second = await apply();
    const third = await apply();
    expect([second.app.status, third.app.status]).toEqual(['over_quota', 'over_quota']);
    await decide(first.app.id, 'disqualify');
    expect(await statusOf(second.user.userId)).toBe('qualified');
    expect(await statusOf(third.user.userId)).toBe('over_quota');
    // The promoted applicant goes on with the double opt-in, as the screener would have sent them.
    expect(await tokenFromMail(second.user.email, 'recruitment.confirm_email')).toBeTruthy();
    const decided = (await outboxEventsOf(community.id)).filter(
      (e) => e.type === 'application.decided' && e.payload.decision === 'quota_room',
    );
    expect(decided.map((e) => e.payload.applicationId)).toEqual([second.app.id]);
  });

  it('promotes as many as a raised quota makes room for, in order', async () => {
    const { apply, setQuota, statusOf } = await setUp(1);
    await apply();
    const waiting = [await apply(), await apply(), await apply()];
    await setQuota(3);
    expect(await Promise.all(waiting.map((w) => statusOf(w.user.userId)))).toEqual([
      'qualified',
      'qualified',
      'over_quota',
    ]);
  });

  it('frees the cell of an admitted member who left the panel, and the sweep promotes the next', async () => {
    const { kernel } = await testApp();
    const { community, campaign, apply, statusOf } = await setUp(1);
    const member = await validatedApplicant(campaign.token, '+33615000091');
    expect(await statusOf(member.userId)).toBe('admitted');
    const next = await apply();
    expect(next.app.status).toBe('over_quota');
    expect(await sweepQuotaRoom(kernel)).toBeGreaterThanOrEqual(0);
    expect(await statusOf(next.user.userId)).toBe('over_quota');
    await kernel.db
      .updateTable('memberships')
      .set({ panel_stage: 'removed' })
      .where('id', '=', (await applicationOf(community.id, member.userId)).member_id!)
      .execute();
    await sweepQuotaRoom(kernel);
    expect(await statusOf(next.user.userId)).toBe('qualified');
  });
});

describe('staff qualifying past a full quota', () => {
  it('refuses without the explicit override, and with it qualifies, keeps them qualified and audits it', async () => {
    const { community, decide, apply, statusOf } = await setUp(1);
    await apply();
    const over = await apply();
    const refused = await expectAppError(decide(over.app.id, 'qualify'), 'conflict');
    expect(refused.messageKey).toBe('recruitment.error.quotaFull');
    expect(await statusOf(over.user.userId)).toBe('over_quota');
    expect((await decide(over.app.id, 'qualify', { overrideQuota: true })).stage).toBe('qualified');
    const row = await applicationOf(community.id, over.user.userId);
    expect([row.status, row.quota_override]).toEqual(['qualified', true]);
    const audit = (await auditRowsOf(community.id)).filter((r) => r.action === 'application.qualify');
    expect(audit.map((r) => r.data)).toEqual([{ from: 'over_quota', to: 'qualified', overrideQuota: true }]);
    await expectAppError(
      decideApplication({
        ctx: await ctxFor(over.user),
        community: community.slug,
        applicationId: over.app.id,
        input: { decision: 'qualify', overrideQuota: true },
      }),
      'forbidden',
    );
  });
});

describe('quota promotion under concurrency', () => {
  it.runIf(onPostgres)(
    'promotes exactly as many over-quota applicants as places free, the first in application order',
    async () => {
      const { kernel } = await testApp();
      const { decide, apply, statusOf } = await setUp(5);
      const inCell = [];
      for (let i = 0; i < 5; i++) inCell.push(await apply());
      const waiting = [];
      for (let i = 0; i < 10; i++) waiting.push(await apply());
      expect(waiting.every((w) => w.app.status === 'over_quota')).toBe(true);
      // Five places free at once while two sweeps run: no place is given twice, none is skipped.
      await Promise.all([
        ...inCell.map((c) => decide(c.app.id, 'disqualify')),
        sweepQuotaRoom(kernel),
        sweepQuotaRoom(kernel),
      ]);
      const statuses = await Promise.all(waiting.map((w) => statusOf(w.user.userId)));
      expect(statuses).toEqual([
        ...Array<string>(5).fill('qualified'),
        ...Array<string>(5).fill('over_quota'),
      ]);
    },
  );
});
