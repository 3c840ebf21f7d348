import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, plainUser, testApp } from '../../../../test/helpers.ts';
import { seedTopic, supportCommunity } from '../../../../test/support-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getDeflectionStats } from './get-deflection-stats.ts';

const HOUR = 3600_000;

/** Monday 00:00 UTC of the ISO week holding `date`, as YYYY-MM-DD. */
function weekStartOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

describe('getDeflectionStats', () => {
  // The worker's kernel (migrations included) starts under the hook's longer timeout.
  beforeAll(() => testApp());

  it('reports an unknown community as not found', async () => {
    await expectAppError(
      getDeflectionStats({ ctx: await ctxFor(await plainUser()), community: 'no-such-community' }),
      'not_found',
    );
  });

  it('is for staff and observers only', async () => {
    const { community, member, expert } = await supportCommunity();
    await expectAppError(
      getDeflectionStats({ ctx: await ctxFor(null), community: community.slug }),
      'unauthenticated',
    );
    for (const user of [await plainUser(), member.user, expert.user])
      await expectAppError(
        getDeflectionStats({ ctx: await ctxFor(user), community: community.slug }),
        'forbidden',
      );
  });

  it('counts views, deflections, conversions and pending attempts per ISO week, with the estimated saving', async () => {
    const { community, board, admin, observer, member, other, expert } = await supportCommunity();
    const { kernel } = await testApp();
    await kernel.db
      .insertInto('support_settings')
      .values({ community_id: community.id, contact_cost_cents: 2500, currency: 'USD' })
      .execute();
    const solved = await seedTopic(board, expert.memberId, { solved: true });
    const another = await seedTopic(board, expert.memberId, { solved: true });
    const now = Date.now();
    const view = (memberId: string, attempt: string, at: number, converted = false) => ({
      id: newId(),
      community_id: community.id,
      member_id: memberId,
      topic_id: solved.id,
      attempt_id: attempt,
      query_title: 'Écran noir',
      converted,
      created_at: new Date(at),
    });
    const deflected = newId();
    const convertedAttempt = newId();
    const pending = newId();
    const ancient = newId();
    await kernel.db
      .insertInto('deflection_views')
      .values([
        { ...view(member.memberId, deflected, now - 3 * HOUR), id: deflected },
        { ...view(member.memberId, deflected, now - 3 * HOUR + 60_000), topic_id: another.id },
        { ...view(other.memberId, convertedAttempt, now - 5 * HOUR, true), id: convertedAttempt },
        { ...view(other.memberId, pending, now - 60_000), id: pending },
        { ...view(member.memberId, ancient, now - 20 * 7 * 24 * HOUR), id: ancient },
      ])
      .execute();
    for (const user of [admin.user, observer.user]) {
      const stats = await getDeflectionStats({ ctx: await ctxFor(user), community: community.slug });
      expect(stats.currency).toBe('USD');
      expect(stats.contactCostCents).toBe(2500);
      expect(stats.weeks).toHaveLength(12);
      expect(stats.weeks[11].weekStart).toBe(weekStartOf(new Date(now)));
      expect(stats.weeks[11].week).toMatch(/^\d{4}-W\d{2}$/);
      expect(stats.totals).toEqual({
        views: 4,
        deflections: 1,
        conversions: 1,
        pending: 1,
        savingCents: 2500,
      });
      const week = stats.weeks.find((w) => w.weekStart === weekStartOf(new Date(now - 3 * HOUR)))!;
      expect(week).toMatchObject({ deflections: 1, savingCents: 2500 });
      expect(stats.weeks.reduce((n, w) => n + w.views, 0)).toBe(4);
    }
  });

  it('uses the default cost and currency, and counts nothing, for a community without views or settings', async () => {
    const { community, moderator } = await supportCommunity();
    const stats = await getDeflectionStats({ ctx: await ctxFor(moderator.user), community: community.id });
    expect(stats).toMatchObject({ currency: 'EUR', contactCostCents: 1500 });
    expect(stats.totals).toEqual({ views: 0, deflections: 0, conversions: 0, pending: 0, savingCents: 0 });
    expect(stats.weeks.every((w) => w.views === 0)).toBe(true);
  });
});
