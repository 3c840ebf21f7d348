import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOf, ctxFor, expectAppError, outboxEventsOf, testApp } from '../../../../test/helpers.ts';
import { POLL, researchCommunity, seedSegment, TWO_PAGE_SURVEY } from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { createSurvey } from './create-survey.ts';

beforeAll(() => testApp(), 180_000);

const page = (questions: unknown[], extra: object = {}) => ({ id: 'p1', questions, ...extra });
const single = { id: 'q1', type: 'single', title: 'Q', required: true, options: [{ id: 'a', label: 'A' }] };

describe('createSurvey', () => {
  it('rejects definitions that do not hold together, with the field paths', async () => {
    const { community, admin, elsewhere } = await researchCommunity();
    const foreignSegment = await seedSegment(elsewhere.id, { match: 'all', conditions: [] });
    const ctx = await ctxFor(admin.user);
    const cases: [unknown, string][] = [
      [{ title: '', definition: TWO_PAGE_SURVEY }, '/title'],
      [{ title: 'T', definition: { pages: [] } }, '/definition/pages'],
      [
        { title: 'T', definition: { pages: [page([{ ...single, options: [] }])] } },
        '/definition/pages/0/questions/0/options',
      ],
      [{ title: 'T', definition: { pages: [page([single, single])] } }, '/definition/pages/0/questions/1/id'],
      [
        {
          title: 'T',
          definition: {
            pages: [page([{ ...single, showIf: { question: 'q1', op: 'equals', value: 'a' } }])],
          },
        },
        '/definition/pages/0/questions/0/showIf/question',
      ],
      [
        {
          title: 'T',
          definition: {
            pages: [
              page([single], { skip: [{ if: { question: 'q1', op: 'equals', value: 'a' }, goTo: 'p1' }] }),
            ],
          },
        },
        '/definition/pages/0/skip/0/goTo',
      ],
      [
        {
          title: 'T',
          definition: {
            pages: [page([{ id: 's', type: 'scale', title: 'S', required: true, min: 1, max: 20 }])],
          },
        },
        '/definition/pages/0/questions/0/max',
      ],
      [
        {
          title: 'T',
          definition: {
            pages: [
              page([
                { id: 'm', type: 'matrix', title: 'M', required: true, options: [{ id: 'a', label: 'A' }] },
              ]),
            ],
          },
        },
        '/definition/pages/0/questions/0/rows',
      ],
      [{ title: 'T', kind: 'poll', definition: TWO_PAGE_SURVEY }, '/definition'],
      [{ title: 'T', definition: TWO_PAGE_SURVEY, resultsVisibility: 'after_vote' }, '/resultsVisibility'],
      [
        {
          title: 'T',
          definition: TWO_PAGE_SURVEY,
          opensAt: '2030-01-02T00:00:00Z',
          closesAt: '2030-01-01T00:00:00Z',
        },
        '/closesAt',
      ],
      [{ title: 'T', definition: TWO_PAGE_SURVEY, segmentId: foreignSegment.id }, '/segmentId'],
      [{ title: 'T', definition: TWO_PAGE_SURVEY, points: -1 }, '/points'],
    ];
    for (const [input, path] of cases)
      await expectAppError(
        createSurvey({ ctx, community: community.slug, input }),
        'validation_failed',
        path,
      );
    expect(await outboxEventsOf(community.id)).toEqual([]);
  });

  it('reports unknown communities as not found', async () => {
    const { admin } = await researchCommunity();
    await expectAppError(
      createSurvey({
        ctx: await ctxFor(admin.user),
        community: `nope-${newId()}`,
        input: { title: 'T', definition: POLL },
      }),
      'not_found',
    );
  });

  it('refuses observers, members and outsiders', async () => {
    const { community, observer, member, outsider } = await researchCommunity();
    await expectAppError(
      createSurvey({
        ctx: await ctxFor(null),
        community: community.slug,
        input: { title: 'T', definition: POLL },
      }),
      'unauthenticated',
    );
    for (const p of [observer, member, outsider])
      await expectAppError(
        createSurvey({
          ctx: await ctxFor(p.user),
          community: community.slug,
          input: { title: 'T', definition: POLL },
        }),
        'forbidden',
      );
  });

  it('creates a published survey and a poll: audit, survey.created and survey.published', async () => {
    const { community, admin } = await researchCommunity();
    const segment = await seedSegment(community.id, {
      match: 'all',
      conditions: [{ type: 'role', in: ['member'] }],
    });
    const ctx = await ctxFor(admin.user);
    const survey = await createSurvey({
      ctx,
      community: community.slug,
      input: {
        title: ' Bikes ',
        definition: TWO_PAGE_SURVEY,
        published: true,
        points: 50,
        anonymous: true,
        segmentId: segment.id,
      },
    });
    expect(survey).toMatchObject({
      kind: 'survey',
      title: 'Bikes',
      state: 'open',
      points: 50,
      anonymous: true,
      segmentId: segment.id,
      resultsVisibility: 'staff',
      responsesCount: 0,
    });
    expect(survey.abilities).toMatchObject({ manage: true, viewResults: true, respond: false });
    const poll = await createSurvey({
      ctx,
      community: community.slug,
      input: { kind: 'poll', title: 'Colour', definition: POLL },
    });
    expect(poll).toMatchObject({ kind: 'poll', state: 'draft', resultsVisibility: 'after_vote' });
    const events = await outboxEventsOf(community.id);
    expect(events.map((e) => e.type)).toEqual(['survey.created', 'survey.published', 'survey.created']);
    expect(events[0].payload).toEqual({ communityId: community.id, surveyId: survey.id, kind: 'survey' });
    expect((await auditRowsOf(community.id)).map((r) => r.action)).toEqual([
      'survey.create',
      'survey.create',
    ]);
  });
});
