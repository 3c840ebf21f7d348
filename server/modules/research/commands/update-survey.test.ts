import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { POLL, researchCommunity, seedSurvey } from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { saveSurveyPage } from './save-survey-page.ts';
import { updateSurvey } from './update-survey.ts';

beforeAll(() => testApp(), 180_000);

describe('updateSurvey', () => {
  it('rejects bad input', async () => {
    const { community, admin } = await researchCommunity();
    const survey = await seedSurvey(community.id, { published: false });
    const ctx = await ctxFor(admin.user);
    for (const [input, path] of [
      [{}, ''],
      [{ close: false }, '/close'],
      [{ title: '' }, '/title'],
      [{ resultsVisibility: 'after_close' }, '/resultsVisibility'],
    ] as [unknown, string][])
      await expectAppError(
        updateSurvey({ ctx, community: community.slug, surveyId: survey.id, input }),
        'validation_failed',
        path || undefined,
      );
  });

  it('reports unknown and foreign surveys as not found, drafts to members too', async () => {
    const { community, admin, member, elsewhere } = await researchCommunity();
    const foreign = await seedSurvey(elsewhere.id);
    for (const surveyId of ['nope', newId(), foreign.id])
      await expectAppError(
        updateSurvey({
          ctx: await ctxFor(admin.user),
          community: community.slug,
          surveyId,
          input: { title: 'X' },
        }),
        'not_found',
      );
    const draft = await seedSurvey(community.id, { published: false });
    await expectAppError(
      updateSurvey({
        ctx: await ctxFor(member.user),
        community: community.slug,
        surveyId: draft.id,
        input: { title: 'X' },
      }),
      'not_found',
    );
  });

  it('refuses observers and members of a survey they see', async () => {
    const { community, observer, member } = await researchCommunity();
    const survey = await seedSurvey(community.id);
    for (const p of [observer, member])
      await expectAppError(
        updateSurvey({
          ctx: await ctxFor(p.user),
          community: community.slug,
          surveyId: survey.id,
          input: { title: 'X' },
        }),
        'forbidden',
      );
  });

  it('publishes, closes, and keeps the definition once someone answered', async () => {
    const { community, admin, member } = await researchCommunity();
    const survey = await seedSurvey(community.id, { published: false });
    const ctx = await ctxFor(admin.user);
    const published = await updateSurvey({
      ctx,
      community: community.slug,
      surveyId: survey.id,
      input: { published: true },
    });
    expect(published.state).toBe('open');
    await saveSurveyPage({
      ctx: await ctxFor(member.user),
      community: community.slug,
      surveyId: survey.id,
      input: { pageId: 'p1', answers: { owns: 'yes' } },
    });
    await expectAppError(
      updateSurvey({ ctx, community: community.slug, surveyId: survey.id, input: { definition: POLL } }),
      'conflict',
    );
    const closed = await updateSurvey({
      ctx,
      community: community.slug,
      surveyId: survey.id,
      input: { close: true },
    });
    expect(closed.state).toBe('closed');
    expect((await outboxEventsOf(community.id)).map((e) => e.type)).toEqual([
      'survey.updated',
      'survey.published',
      'survey.updated',
      'survey.closed',
    ]);
  });
});
