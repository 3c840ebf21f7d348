import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import {
  POLL,
  researchCommunity,
  responseOf,
  seedSegment,
  seedSurvey,
} from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { saveSurveyPage } from './save-survey-page.ts';
import { submitSurveyResponse } from './submit-survey-response.ts';

beforeAll(() => testApp(), 180_000);

describe('saveSurveyPage and submitSurveyResponse', () => {
  it('rejects bad answers next to their questions and keeps what was saved', async () => {
    const { community, member } = await researchCommunity();
    const survey = await seedSurvey(community.id);
    const ctx = await ctxFor(member.user);
    const args = { ctx, community: community.slug, surveyId: survey.id };
    await expectAppError(
      saveSurveyPage({ ...args, input: { pageId: 'p1', answers: {} } }),
      'validation_failed',
      '/answers/owns',
    );
    await expectAppError(
      saveSurveyPage({ ...args, input: { pageId: 'p1', answers: { owns: 'maybe' } } }),
      'validation_failed',
      '/answers/owns',
    );
    await expectAppError(
      saveSurveyPage({ ...args, input: { pageId: 'p2', answers: { nps: 5 } } }),
      'validation_failed',
      '/pageId',
    );
    await expectAppError(saveSurveyPage({ ...args, input: { answers: {} } }), 'validation_failed', '/pageId');
    const saved = await saveSurveyPage({ ...args, input: { pageId: 'p1', answers: { owns: 'yes' } } });
    expect(saved.progress).toEqual({ pageIndex: 1, step: 1, steps: 2 });
    await expectAppError(
      saveSurveyPage({ ...args, input: { pageId: 'p2', answers: { nps: 11 } } }),
      'validation_failed',
      '/answers/nps',
    );
    await expectAppError(
      submitSurveyResponse({ ...args, input: { pageId: 'p2', answers: { why: 'no score' } } }),
      'validation_failed',
      '/answers/nps',
    );
    expect((await responseOf(survey.id, member.memberId))?.answers).toEqual({ owns: 'yes' });
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown surveys, drafts and surveys outside the target as not found', async () => {
    const { community, member, other } = await researchCommunity();
    const draft = await seedSurvey(community.id, { published: false });
    const segment = await seedSegment(community.id, {
      match: 'all',
      conditions: [{ type: 'attribute', attributeId: newId(), op: 'is_set' }],
    });
    const targeted = await seedSurvey(community.id, { segment_id: segment.id });
    for (const surveyId of ['nope', newId(), draft.id, targeted.id])
      await expectAppError(
        submitSurveyResponse({
          ctx: await ctxFor(other.user),
          community: community.slug,
          surveyId,
          input: {},
        }),
        'not_found',
      );
    void member;
  });

  it('refuses observers, closed and not-yet-open surveys, and a second submission', async () => {
    const { community, observer, member } = await researchCommunity();
    const survey = await seedSurvey(community.id, { kind: 'poll', definition: POLL });
    const vote = { pageId: 'p1', answers: { color: 'red' } };
    await expectAppError(
      submitSurveyResponse({
        ctx: await ctxFor(observer.user),
        community: community.slug,
        surveyId: survey.id,
        input: vote,
      }),
      'forbidden',
    );
    const closed = await seedSurvey(community.id, {
      kind: 'poll',
      definition: POLL,
      closes_at: new Date(Date.now() - 1000),
    });
    const later = await seedSurvey(community.id, {
      kind: 'poll',
      definition: POLL,
      opens_at: new Date(Date.now() + 86_400_000),
    });
    const ctx = await ctxFor(member.user);
    const closedError = await expectAppError(
      submitSurveyResponse({ ctx, community: community.slug, surveyId: closed.id, input: vote }),
      'conflict',
    );
    expect(closedError.messageKey).toBe('research.error.closed');
    await expectAppError(
      submitSurveyResponse({ ctx, community: community.slug, surveyId: later.id, input: vote }),
      'conflict',
    );
    await submitSurveyResponse({ ctx, community: community.slug, surveyId: survey.id, input: vote });
    const twice = await expectAppError(
      submitSurveyResponse({ ctx, community: community.slug, surveyId: survey.id, input: vote }),
      'conflict',
    );
    expect(twice.messageKey).toBe('research.error.alreadySubmitted');
  });

  it('follows skip logic, completes once with timings and sentiment, and emits survey.completed', async () => {
    const { community, member, other } = await researchCommunity();
    const survey = await seedSurvey(community.id, { points: 40 });
    const ctx = await ctxFor(member.user);
    const args = { ctx, community: community.slug, surveyId: survey.id };
    await saveSurveyPage({ ...args, input: { pageId: 'p1', answers: { owns: 'yes' } } });
    const done = await submitSurveyResponse({
      ...args,
      input: {
        pageId: 'p2',
        answers: { nps: 9, why: 'I love it, great bike' },
        timings: { nps: 1200, owns: 5 },
      },
    });
    expect(done.response).toMatchObject({
      status: 'completed',
      answers: { owns: 'yes', nps: 9, why: 'I love it, great bike' },
    });
    const row = (await responseOf(survey.id, member.memberId))!;
    expect(row.duration_ms).toBeGreaterThanOrEqual(0);
    expect(Object.keys(row.page_timings as object).sort()).toEqual(['p1', 'p2']);
    expect(row.question_timings).toEqual({ nps: 1200 });
    expect((row.sentiments as Record<string, number>).why).toBeGreaterThan(0);
    // "No" skips the second page: the survey can be sent after the first.
    const skipped = await submitSurveyResponse({
      ctx: await ctxFor(other.user),
      community: community.slug,
      surveyId: survey.id,
      input: { pageId: 'p1', answers: { owns: 'no' } },
    });
    expect(skipped.response?.status).toBe('completed');
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['survey.completed', 'survey.completed']);
    expect(events[0].payload).toEqual({
      communityId: community.id,
      surveyId: survey.id,
      responseId: row.id,
      memberId: member.memberId,
      points: 40,
    });
  });
});
