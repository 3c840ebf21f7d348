import { beforeAll, describe, expect, it } from 'vitest';
import { outboxEventsOf, testApp } from '../../../test/helpers.ts';
import {
  CAREFUL_ANSWERS,
  CHECKED_SURVEY,
  deliverEvent,
  seedCompletedResponse,
} from '../../../test/panel-fixtures.ts';
import { researchCommunity, seedSurvey } from '../../../test/research-fixtures.ts';
import { ResearchEvents } from '../research/research.events.ts';
import { SupportEvents } from '../support/support.events.ts';
import { markDormantMembers, onActivity } from './dormancy.ts';
import { upsertPanelSettings, DEFAULT_PANEL_SETTINGS } from './reliability.repository.ts';

beforeAll(() => testApp(), 180_000);

const DAY = 86_400_000;

async function joinedDaysAgo(memberIds: string[], days: number) {
  const { kernel } = await testApp();
  await kernel.db
    .updateTable('memberships')
    .set({ joined_at: new Date(Date.now() - days * DAY) })
    .where('id', 'in', memberIds)
    .execute();
}

async function stageOf(memberId: string) {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom('memberships')
    .select('panel_stage')
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  return row.panel_stage;
}

const deliver = (type: string, communityId: string, payload: Record<string, unknown>) =>
  deliverEvent(onActivity, type, communityId, payload);

const stageEvents = async (communityId: string) =>
  (await outboxEventsOf(communityId))
    .filter((e) => e.type === 'member.stage_changed')
    .map((e) => [e.payload.memberId, e.payload.from, e.payload.to]);

describe('dormancy', () => {
  it('marks dormant the panel members without activity for the community’s dormant days, and only them', async () => {
    const { kernel } = await testApp();
    const f = await researchCommunity();
    await joinedDaysAgo([f.member.memberId, f.other.memberId, f.moderator.memberId], 200);
    // `other` completed a survey today; the moderator is staff: neither becomes dormant.
    const survey = await seedSurvey(f.community.id, { definition: CHECKED_SURVEY });
    await seedCompletedResponse(survey, f.other.memberId, CAREFUL_ANSWERS, 60_000);
    // A community that waits a year: its member who joined 200 days ago stays active.
    const patient = await researchCommunity();
    await joinedDaysAgo([patient.member.memberId], 200);
    await upsertPanelSettings(kernel.db, patient.community.id, {
      ...DEFAULT_PANEL_SETTINGS,
      dormant_days: 365,
    });

    expect(await markDormantMembers(kernel)).toBeGreaterThanOrEqual(1);
    expect(await stageOf(f.member.memberId)).toBe('dormant');
    expect(await stageOf(f.other.memberId)).toBe('active');
    expect(await stageOf(f.moderator.memberId)).toBe('active');
    expect(await stageOf(patient.member.memberId)).toBe('active');
    expect(await stageEvents(f.community.id)).toEqual([[f.member.memberId, 'active', 'dormant']]);
    expect(await stageEvents(patient.community.id)).toEqual([]);

    // Run again: nobody changes twice.
    await markDormantMembers(kernel);
    expect(await stageEvents(f.community.id)).toHaveLength(1);
  });

  it('wakes a dormant member who takes part again, and leaves other stages alone', async () => {
    const f = await researchCommunity();
    await joinedDaysAgo([f.member.memberId], 200);
    const { kernel } = await testApp();
    await markDormantMembers(kernel);
    expect(await stageOf(f.member.memberId)).toBe('dormant');

    await deliver(SupportEvents.replyCreated, f.community.id, { authorId: f.member.memberId });
    expect(await stageOf(f.member.memberId)).toBe('active');
    await deliver(ResearchEvents.completed, f.community.id, { memberId: f.other.memberId });
    expect(await stageOf(f.other.memberId)).toBe('active');
    expect(await stageEvents(f.community.id)).toEqual([
      [f.member.memberId, 'active', 'dormant'],
      [f.member.memberId, 'dormant', 'active'],
    ]);
  });
});
