import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/helpers.ts';
import { seedSession } from '../../../../test/live-fixtures.ts';
import { supportCommunity } from '../../../../test/support-fixtures.ts';
import { listMemberBadgeRows } from '../badges.repository.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { StoredEvent } from '../../../platform/events/outbox.ts';
import { transact } from '../../../platform/kernel.ts';
import { findBalance, findBalanceMismatches } from '../ledger.repository.ts';
import { upsertPointRules, upsertRewardsSettings } from '../points.repository.ts';
import { DEFAULT_RULES } from '../point-rules.ts';
import { onParticipationEvent } from './on-participation-event.ts';

beforeAll(async () => {
  await testApp();
});

function eventOf(type: string, communityId: string, payload: Record<string, unknown>): StoredEvent {
  return { id: newId(), type, communityId, actorUserId: null, payload, createdAt: new Date() };
}

async function deliver(event: StoredEvent) {
  const { kernel } = await testApp();
  await transact(kernel, (trx) => onParticipationEvent(event, trx));
}

describe('points for surveys and live sessions', () => {
  it('pays a completed survey its declared amount and an attended session the rule amount, once each', async () => {
    const { kernel } = await testApp();
    const { community, member } = await supportCommunity();
    await upsertRewardsSettings(kernel.db, community.id, {
      reviewHours: 0,
      pairDailyCap: 20,
      burstPoints: 200,
    });
    const survey = eventOf('survey.completed', community.id, {
      communityId: community.id,
      surveyId: newId(),
      responseId: newId(),
      memberId: member.memberId,
      points: 35,
    });
    await deliver(survey);
    await deliver(survey);
    expect(await findBalance(kernel.db, member.memberId)).toMatchObject({ available: 35 });
    const session = eventOf('session.attended', community.id, {
      communityId: community.id,
      sessionId: newId(),
      memberId: member.memberId,
      admittedAt: new Date().toISOString(),
      leftAt: null,
    });
    await deliver(session);
    await deliver(session);
    const sessionRule = DEFAULT_RULES['session.attended'];
    expect(await findBalance(kernel.db, member.memberId)).toMatchObject({
      available: 35 + sessionRule.points,
    });
    const rows = await kernel.db
      .selectFrom('points_ledger')
      .select(['action', 'source_type', 'kind', 'bucket'])
      .where('member_id', '=', member.memberId)
      .where('kind', '=', 'award')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { action: 'survey.completed', source_type: 'survey_response', kind: 'award', bucket: 'pending' },
      { action: 'session.attended', source_type: 'live_session', kind: 'award', bucket: 'pending' },
    ]);
    expect(await findBalanceMismatches(kernel.db, community.id)).toEqual([]);
  });

  it('pays nothing when the community switched the rule off', async () => {
    const { kernel } = await testApp();
    const { community, member } = await supportCommunity();
    await upsertPointRules(kernel.db, community.id, [
      { action: 'survey.completed', ...DEFAULT_RULES['survey.completed'], enabled: false },
    ]);
    await deliver(
      eventOf('survey.completed', community.id, {
        communityId: community.id,
        surveyId: newId(),
        responseId: newId(),
        memberId: member.memberId,
        points: 35,
      }),
    );
    expect(await findBalance(kernel.db, member.memberId)).toEqual({ pending: 0, available: 0, lifetime: 0 });
  });

  it('gives the five-sessions badge once a member attended five sessions that ended, rule on or off', async () => {
    const { kernel } = await testApp();
    const { community, member } = await supportCommunity();
    await upsertPointRules(kernel.db, community.id, [
      { action: 'session.attended', ...DEFAULT_RULES['session.attended'], enabled: false },
    ]);
    const attend = async () => {
      const session = await seedSession(community.id, { status: 'ended', participants: [member.memberId] });
      await kernel.db
        .updateTable('live_participants')
        .set({ attendance: 'left', joined_at: new Date(), admitted_at: new Date(), left_at: new Date() })
        .where('session_id', '=', session.id)
        .execute();
      await deliver(
        eventOf('session.attended', community.id, {
          communityId: community.id,
          sessionId: session.id,
          memberId: member.memberId,
          admittedAt: new Date().toISOString(),
          leftAt: null,
        }),
      );
    };
    const rules = async () =>
      (
        await listMemberBadgeRows(kernel.db, community.id, { memberId: member.memberId, withRevoked: false })
      ).map((b) => b.rule);
    for (let i = 0; i < 4; i++) await attend();
    // Invited to a fifth session that never took place: it does not count.
    await seedSession(community.id, { status: 'cancelled', participants: [member.memberId] });
    expect(await rules()).toEqual([]);
    await attend();
    expect(await rules()).toEqual(['five_sessions']);
    await attend();
    expect(await rules()).toEqual(['five_sessions']);
  });
});
