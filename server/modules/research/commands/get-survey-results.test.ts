import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import {
  olderSegment,
  POLL,
  researchCommunity,
  seedAttribute,
  seedSegment,
  seedSurvey,
} from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { exportSurveyResponses } from './export-survey-responses.ts';
import { getSurveyResults } from './get-survey-results.ts';
import { saveSurveyPage } from './save-survey-page.ts';
import { submitSurveyResponse } from './submit-survey-response.ts';

beforeAll(() => testApp(), 180_000);

async function answered(anonymous = false) {
  const f = await researchCommunity();
  const survey = await seedSurvey(f.community.id, { anonymous });
  const answer = async (p: typeof f.member, nps: number, why: string) => {
    const args = { ctx: await ctxFor(p.user), community: f.community.slug, surveyId: survey.id };
    await saveSurveyPage({ ...args, input: { pageId: 'p1', answers: { owns: 'yes' } } });
    await submitSurveyResponse({ ...args, input: { pageId: 'p2', answers: { nps, why } } });
  };
  await answer(f.member, 10, 'I love it, great, "fast" =1+1');
  await answer(f.other, 3, 'Bad brakes, I hate them');
  return { ...f, survey };
}

async function readAll(lines: AsyncIterable<string>) {
  let text = '';
  for await (const line of lines) text += line;
  return text;
}

describe('getSurveyResults and exportSurveyResponses', () => {
  it('rejects a malformed segment filter', async () => {
    const { community, admin, survey } = await answered();
    await expectAppError(
      getSurveyResults({
        ctx: await ctxFor(admin.user),
        community: community.slug,
        surveyId: survey.id,
        query: { segment: 'x' },
      }),
      'validation_failed',
      '/segment',
    );
  });

  it('reports unknown surveys and segments as not found', async () => {
    const { community, admin, survey } = await answered();
    const ctx = await ctxFor(admin.user);
    await expectAppError(
      getSurveyResults({ ctx, community: community.slug, surveyId: newId() }),
      'not_found',
    );
    await expectAppError(
      getSurveyResults({ ctx, community: community.slug, surveyId: survey.id, query: { segment: newId() } }),
      'not_found',
    );
  });

  it('refuses members the results of a survey, and observers segments over attributes they may not see', async () => {
    const { community, member, observer, survey } = await answered();
    await expectAppError(
      getSurveyResults({ ctx: await ctxFor(member.user), community: community.slug, surveyId: survey.id }),
      'forbidden',
    );
    await expectAppError(
      exportSurveyResponses({
        ctx: await ctxFor(member.user),
        community: community.slug,
        surveyId: survey.id,
      }),
      'forbidden',
    );
    // Observers filter by segments over observer-visible attributes only; another segment is not found.
    const hidden = await seedAttribute(community.id, {
      key: 'income',
      kind: 'number',
      visibility: 'staff_only',
    });
    const shown = await seedAttribute(community.id, {
      key: 'age',
      kind: 'number',
      visibility: 'observer_visible',
    });
    const bySecret = await seedSegment(community.id, {
      match: 'all',
      conditions: [{ type: 'attribute', attributeId: hidden.id, op: 'gt', value: 1000 }],
    });
    const byAge = await seedSegment(community.id, {
      match: 'all',
      conditions: [{ type: 'attribute', attributeId: shown.id, op: 'is_set' }],
    });
    const observerCtx = await ctxFor(observer.user);
    const asObserver = (segment: string) =>
      getSurveyResults({
        ctx: observerCtx,
        community: community.slug,
        surveyId: survey.id,
        query: { segment },
      });
    await expectAppError(asObserver(bySecret.id), 'not_found');
    expect(await asObserver(byAge.id)).toMatchObject({ completed: 0, segment: { id: byAge.id, size: 0 } });
  });

  it('aggregates per question with NPS, sentiment, response rate and median time; filters by segment', async () => {
    const { community, admin, observer, member, survey } = await answered();
    const results = await getSurveyResults({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      surveyId: survey.id,
    });
    expect(results).toMatchObject({ completed: 2, started: 2, targetSize: 4, responseRate: 0.5 });
    expect(results.medianSeconds).toBeGreaterThanOrEqual(0);
    const [owns, nps, why] = results.questions;
    expect(owns.options).toEqual([
      { id: 'yes', label: 'Yes', count: 2 },
      { id: 'no', label: 'No', count: 0 },
    ]);
    expect(nps.nps).toEqual({ score: 0, promoters: 1, passives: 0, detractors: 1 });
    expect(nps.mean).toBe(6.5);
    expect(why.sentiment).toEqual({ positive: 1, neutral: 0, negative: 1 });
    expect(why.texts?.map((t) => [t.sentiment, !!t.respondent])).toEqual([
      ['negative', true],
      ['positive', true],
    ]);
    const seenByObserver = await getSurveyResults({
      ctx: await ctxFor(observer.user),
      community: community.slug,
      surveyId: survey.id,
    });
    expect(seenByObserver.questions[2].texts?.every((t) => t.respondent === null)).toBe(true);

    const segment = await olderSegment(community.id, [member.memberId]);
    const filtered = await getSurveyResults({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      surveyId: survey.id,
      query: { segment: segment.id },
    });
    expect(filtered).toMatchObject({ completed: 1, segment: { id: segment.id, size: 1 } });
    expect(filtered.questions[1].mean).toBe(10);
  });

  it('streams the CSV with pseudonyms for staff, none for observers or anonymous surveys, formulas defused', async () => {
    const { community, admin, observer, member, survey } = await answered();
    const csv = await exportSurveyResponses({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      surveyId: survey.id,
    });
    expect(csv.total).toBe(2);
    const text = await readAll(csv.lines);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('response_id,respondent,completed_at,duration_seconds,owns,nps,why');
    expect(lines).toHaveLength(3);
    expect(text).toContain('"I love it, great, ""fast"" =1+1"');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toContain(`p${member.memberId.slice(-10)}`);
    const forObserver = await readAll(
      (
        await exportSurveyResponses({
          ctx: await ctxFor(observer.user),
          community: community.slug,
          surveyId: survey.id,
        })
      ).lines,
    );
    expect(forObserver.split('\r\n')[0]).toBe('response_id,completed_at,duration_seconds,owns,nps,why');
    const anonymous = await answered(true);
    const anonymousCsv = await readAll(
      (
        await exportSurveyResponses({
          ctx: await ctxFor(anonymous.admin.user),
          community: anonymous.community.slug,
          surveyId: anonymous.survey.id,
        })
      ).lines,
    );
    expect(anonymousCsv.split('\r\n')[0]).not.toContain('respondent');
  });

  it('shows a poll’s counts to its voters after they vote', async () => {
    const { community, member, other } = await researchCommunity();
    const poll = await seedSurvey(community.id, {
      kind: 'poll',
      definition: POLL,
      results_visibility: 'after_vote',
    });
    await expectAppError(
      getSurveyResults({ ctx: await ctxFor(member.user), community: community.slug, surveyId: poll.id }),
      'forbidden',
    );
    await submitSurveyResponse({
      ctx: await ctxFor(member.user),
      community: community.slug,
      surveyId: poll.id,
      input: { pageId: 'p1', answers: { color: 'blue' } },
    });
    const results = await getSurveyResults({
      ctx: await ctxFor(member.user),
      community: community.slug,
      surveyId: poll.id,
    });
    expect(results.questions[0].options?.map((o) => o.count)).toEqual([0, 1]);
    await expectAppError(
      getSurveyResults({ ctx: await ctxFor(other.user), community: community.slug, surveyId: poll.id }),
      'forbidden',
    );
  });
});
