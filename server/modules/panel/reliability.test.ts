import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, testApp, waitFor } from '../../../test/helpers.ts';
import { seedSession } from '../../../test/live-fixtures.ts';
import {
  CAREFUL_ANSWERS,
  CARELESS_ANSWERS,
  CHECKED_SURVEY,
  deliverEvent,
  seedCompletedResponse,
} from '../../../test/panel-fixtures.ts';
import { researchCommunity, seedSurvey } from '../../../test/research-fixtures.ts';
import { newId } from '../../platform/db/ids.ts';
import { saveSurveyPage } from '../research/commands/save-survey-page.ts';
import { submitSurveyResponse } from '../research/commands/submit-survey-response.ts';
import { onReliabilityInput } from './processors/on-reliability-input.ts';
import {
  normalisedEmail,
  normalisedPhone,
  reliabilityFactors,
  reliabilityScore,
  NO_INPUTS,
} from './reliability-rules.ts';

beforeAll(() => testApp(), 180_000);

const NONE = NO_INPUTS;

const deliver = (type: string, communityId: string, payload: Record<string, unknown>) =>
  deliverEvent(onReliabilityInput, type, communityId, payload);

async function scoreOf(memberId: string) {
  const { kernel } = await testApp();
  const row = await kernel.db
    .selectFrom('memberships')
    .select('reliability_score')
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  return row.reliability_score;
}

describe('reliability rules', () => {
  it('starts at 100, caps each penalty, moves with ratings and stays within 0–100', () => {
    expect(reliabilityScore(reliabilityFactors(NONE))).toBe(100);
    const bad = reliabilityFactors({ ...NONE, checks: 9, failedChecks: 9, noShows: 1, acceptedSessions: 1 });
    expect(bad.find((f) => f.name === 'inconsistent')?.points).toBe(-45);
    expect(reliabilityScore(bad)).toBe(40);
    expect(reliabilityScore(reliabilityFactors({ ...NONE, ratings: 2, averageRating: 5 }))).toBe(100);
    expect(reliabilityScore(reliabilityFactors({ ...NONE, ratings: 1, averageRating: 1 }))).toBe(80);
    const worst = reliabilityFactors({
      ...NONE,
      failedChecks: 5,
      speedingResponses: 5,
      straightLined: 5,
      noShows: 5,
      ratings: 1,
      averageRating: 1,
    });
    expect(reliabilityScore(worst)).toBe(0);
  });

  it('normalises emails and phone numbers for duplicate detection', () => {
    expect(normalisedEmail(' Jean.Dupont+panel@GoogleMail.com ')).toBe('jeandupont@gmail.com');
    expect(normalisedEmail('jean.dupont@orange.fr')).toBe('jean.dupont@orange.fr');
    expect(normalisedEmail('no-at-sign')).toBeNull();
    expect(normalisedPhone('+33 6 12 34 56 78')).toBe(normalisedPhone('06.12.34.56.78'));
    expect(normalisedPhone('0033612345678')).toBe('612345678');
    expect(normalisedPhone('12 34')).toBeNull();
  });
});

describe('recomputing reliability on its inputs', () => {
  it('scores trap, repeat, straight-lining, speeding and no-shows from the stored data', async () => {
    const f = await researchCommunity();
    const survey = await seedSurvey(f.community.id, { definition: CHECKED_SURVEY });
    // Four careful respondents who took about ten minutes set the median; the member rushed in 30 s.
    await seedCompletedResponse(survey, f.other.memberId, CAREFUL_ANSWERS, 600_000);
    await seedCompletedResponse(survey, f.admin.memberId, CAREFUL_ANSWERS, 590_000);
    await seedCompletedResponse(survey, f.moderator.memberId, CAREFUL_ANSWERS, 610_000);
    await seedCompletedResponse(survey, f.observer.memberId, CAREFUL_ANSWERS, 620_000);
    await seedCompletedResponse(survey, f.member.memberId, CARELESS_ANSWERS, 30_000);
    await deliver('survey.completed', f.community.id, {
      communityId: f.community.id,
      surveyId: survey.id,
      responseId: newId(),
      memberId: f.member.memberId,
      points: 0,
    });
    // 100 − 2×15 (trap and repeat) − 10 (straight-lined) − 10 (speeding)
    expect(await scoreOf(f.member.memberId)).toBe(50);

    const session = await seedSession(f.community.id, {
      participants: [f.member.memberId, f.other.memberId],
      status: 'ended',
    });
    const { kernel } = await testApp();
    await kernel.db
      .updateTable('live_participants')
      .set({ invitation: 'accepted', responded_at: new Date() })
      .where('session_id', '=', session.id)
      .execute();
    await kernel.db
      .updateTable('live_participants')
      .set({ joined_at: new Date(), admitted_at: new Date(), attendance: 'left', left_at: new Date() })
      .where('member_id', '=', f.other.memberId)
      .execute();
    await deliver('live_session.ended', f.community.id, {
      communityId: f.community.id,
      sessionId: session.id,
    });
    expect(await scoreOf(f.member.memberId)).toBe(35);
    expect(await scoreOf(f.other.memberId)).toBe(100);
    const stored = await kernel.db
      .selectFrom('member_reliability')
      .select(['score', 'factors'])
      .where('member_id', '=', f.member.memberId)
      .executeTakeFirstOrThrow();
    expect(stored.score).toBe(35);
    expect((stored.factors as { factors: unknown[] }).factors).toEqual([
      { name: 'inconsistent', count: 2, outOf: 2, points: -30 },
      { name: 'speeding', count: 1, outOf: 1, points: -10 },
      { name: 'straightLining', count: 1, outOf: 1, points: -10 },
      { name: 'noShows', count: 1, outOf: 1, points: -15 },
      { name: 'ratings', count: 0, outOf: 0, points: 0 },
    ]);
  });

  it('is recomputed by the dispatcher when a member completes a survey', async () => {
    const { kernel } = await testApp();
    const f = await researchCommunity();
    const survey = await seedSurvey(f.community.id, { definition: CHECKED_SURVEY });
    const ctx = await ctxFor(f.member.user);
    const page = (pageId: string, answers: object) =>
      submitSurveyResponse({
        ctx,
        community: f.community.slug,
        surveyId: survey.id,
        input: { pageId, answers },
      });
    await saveSurveyPage({
      ctx,
      community: f.community.slug,
      surveyId: survey.id,
      input: { pageId: 'p1', answers: { often: 'daily', attention: 4, grid: CAREFUL_ANSWERS.grid } },
    });
    await page('p2', { often_again: 'daily' });
    await kernel.dispatcher.dispatchPending();
    expect(await waitFor(() => scoreOf(f.member.memberId))).toBe(85);
  });
});
