import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp, type TestUser } from '../../../../test/helpers.ts';
import { CHECKED_SURVEY } from '../../../../test/panel-fixtures.ts';
import { POLL, researchCommunity, seedSurvey } from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getSurvey } from './get-survey.ts';
import { listSurveys } from './list-surveys.ts';
import { saveSurveyPage } from './save-survey-page.ts';

beforeAll(() => testApp(), 180_000);

const shuffled = {
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'pick',
          type: 'single' as const,
          title: 'Pick',
          required: true,
          randomize: true,
          options: 'abcdefgh'.split('').map((id) => ({ id, label: id.toUpperCase() })),
        },
      ],
    },
  ],
};

describe('getSurvey and listSurveys', () => {
  it('rejects a bad list query', async () => {
    const { community, member } = await researchCommunity();
    await expectAppError(
      listSurveys({ ctx: await ctxFor(member.user), community: community.slug, query: { kind: 'quiz' } }),
      'validation_failed',
      '/kind',
    );
  });

  it('reports unknown, foreign and draft surveys as not found to members', async () => {
    const { community, member, elsewhere } = await researchCommunity();
    const draft = await seedSurvey(community.id, { published: false });
    const foreign = await seedSurvey(elsewhere.id);
    for (const surveyId of ['nope', newId(), draft.id, foreign.id])
      await expectAppError(
        getSurvey({ ctx: await ctxFor(member.user), community: community.slug, surveyId }),
        'not_found',
      );
  });

  it('refuses the list to outsiders', async () => {
    const { community, outsider } = await researchCommunity();
    await expectAppError(
      listSurveys({ ctx: await ctxFor(outsider.user), community: community.slug, query: {} }),
      'forbidden',
    );
  });

  it('resumes a response where it stopped and keeps a stable shuffled order per member', async () => {
    const { community, admin, member, other } = await researchCommunity();
    const survey = await seedSurvey(community.id);
    const ctx = await ctxFor(member.user);
    await saveSurveyPage({
      ctx,
      community: community.slug,
      surveyId: survey.id,
      input: { pageId: 'p1', answers: { owns: 'yes' } },
    });
    const resumed = await getSurvey({ ctx, community: community.slug, surveyId: survey.id });
    expect(resumed.response).toMatchObject({ status: 'in_progress', pageIndex: 1, answers: { owns: 'yes' } });
    expect(resumed.progress).toEqual({ pageIndex: 1, step: 1, steps: 2 });
    expect(resumed.responsesCount).toBeNull();

    const random = await seedSurvey(community.id, { definition: shuffled });
    const order = async (p: typeof member) =>
      (
        await getSurvey({ ctx: await ctxFor(p.user), community: community.slug, surveyId: random.id })
      ).definition.pages[0].questions[0]
        .options!.map((o) => o.id)
        .join('');
    expect(await order(member)).toBe(await order(member));
    expect([await order(member), await order(other)].sort().join()).not.toBe('abcdefgh,abcdefgh');

    await seedSurvey(community.id, { published: false, kind: 'poll', definition: POLL });
    const mine = await listSurveys({ ctx, community: community.slug, query: {} });
    expect(mine.items.map((s) => [s.id, s.myStatus])).toEqual([
      [random.id, null],
      [survey.id, 'in_progress'],
    ]);
    const staff = await listSurveys({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: { limit: 2 },
    });
    expect(staff.items).toHaveLength(2);
    expect(staff.nextCursor).not.toBeNull();
    const rest = await listSurveys({
      ctx: await ctxFor(admin.user),
      community: community.slug,
      query: { limit: 2, cursor: staff.nextCursor },
    });
    expect(rest.items.map((s) => s.id)).toEqual([survey.id]);
  });

  it('keeps the traps’ answers and repeated questions from respondents and observers, not from staff', async () => {
    const f = await researchCommunity();
    const survey = await seedSurvey(f.community.id, { definition: CHECKED_SURVEY });
    const questions = async (who: { user: TestUser }) =>
      (
        await getSurvey({ ctx: await ctxFor(who.user), community: f.community.slug, surveyId: survey.id })
      ).definition.pages.flatMap((p) => p.questions);
    for (const who of [f.member, f.observer])
      for (const q of await questions(who)) {
        expect(q).not.toHaveProperty('trap');
        expect(q).not.toHaveProperty('repeatOf');
      }
    const staffView = await questions(f.moderator);
    expect(staffView.find((q) => q.id === 'attention')?.trap).toEqual({ expected: 2 });
    expect(staffView.find((q) => q.id === 'often_again')?.repeatOf).toBe('often');
  });
});
