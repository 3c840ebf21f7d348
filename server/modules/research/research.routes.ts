import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { createSurvey } from './commands/create-survey.ts';
import { exportSurveyResponses } from './commands/export-survey-responses.ts';
import { getSurvey } from './commands/get-survey.ts';
import { getSurveyResults } from './commands/get-survey-results.ts';
import { listSurveys } from './commands/list-surveys.ts';
import { saveSurveyPage } from './commands/save-survey-page.ts';
import { submitSurveyResponse } from './commands/submit-survey-response.ts';
import { updateSurvey } from './commands/update-survey.ts';
import { researchMediaRoutes } from './research-media.routes.ts';
import {
  CreateSurveyBody,
  ListSurveysQuery,
  ResultsQuery,
  SavePageBody,
  SubmitResponseBody,
  Survey,
  SurveyParams,
  SurveyResults,
  SurveySummary,
  UpdateSurveyBody,
} from './research.schemas.ts';

/**
 * Surveys and polls under `/api/v1/communities/:community/…`: definitions, responses, results, CSV, and
 * the stimulus files surveys show (`researchMediaRoutes`).
 */
export const researchRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['research'];
  await app.register(researchMediaRoutes, { kernel });
  app.get(
    '/communities/:community/surveys',
    {
      schema: {
        operationId: 'listSurveys',
        summary: 'Surveys and polls: every one for staff and observers, those one may answer for members',
        tags,
        params: CommunityParams,
        querystring: ListSurveysQuery,
        response: responses({ 200: Page(SurveySummary) }),
      },
    },
    async (request) => listSurveys({ ctx: ctxOf(kernel, request), ...request.params, query: request.query }),
  );
  app.post(
    '/communities/:community/surveys',
    {
      schema: {
        operationId: 'createSurvey',
        summary: 'Create a survey or a poll with its pages, questions and logic (staff)',
        tags,
        params: CommunityParams,
        body: CreateSurveyBody,
        response: responses({ 201: Survey }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSurvey({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.get(
    '/communities/:community/surveys/:surveyId',
    {
      schema: {
        operationId: 'getSurvey',
        summary: 'A survey with the caller’s own response and progress',
        tags,
        params: SurveyParams,
        response: responses({ 200: Survey }),
      },
    },
    async (request) => getSurvey({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.patch(
    '/communities/:community/surveys/:surveyId',
    {
      schema: {
        operationId: 'updateSurvey',
        summary: 'Change, publish or close a survey (staff)',
        tags,
        params: SurveyParams,
        body: UpdateSurveyBody,
        response: responses({ 200: Survey }),
      },
    },
    async (request) => updateSurvey({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.put(
    '/communities/:community/surveys/:surveyId/response',
    {
      schema: {
        operationId: 'saveSurveyPage',
        summary: 'Save one page of the caller’s response (save and resume)',
        tags,
        params: SurveyParams,
        body: SavePageBody,
        response: responses({ 200: Survey }),
      },
    },
    async (request) =>
      saveSurveyPage({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    '/communities/:community/surveys/:surveyId/response',
    {
      schema: {
        operationId: 'submitSurveyResponse',
        summary: 'Submit the caller’s response, once (with the last page’s answers, or a poll’s vote)',
        tags,
        params: SurveyParams,
        body: SubmitResponseBody,
        response: responses({ 200: Survey }),
      },
    },
    async (request) =>
      submitSurveyResponse({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    '/communities/:community/surveys/:surveyId/results',
    {
      schema: {
        operationId: 'getSurveyResults',
        summary: 'Per-question results, response rate and median time (optionally within a segment)',
        tags,
        params: SurveyParams,
        querystring: ResultsQuery,
        response: responses({ 200: SurveyResults }),
      },
    },
    async (request) =>
      getSurveyResults({ ctx: ctxOf(kernel, request), ...request.params, query: request.query }),
  );
  app.get(
    '/communities/:community/surveys/:surveyId/export',
    {
      schema: {
        operationId: 'exportSurveyResponses',
        summary: 'The completed responses as CSV, streamed (X-Total-Count: how many rows follow the header)',
        tags,
        params: SurveyParams,
        response: responses({
          200: {
            description: 'CSV, UTF-8, CRLF lines; X-Total-Count tells how many responses follow the header',
            content: { 'text/csv': { schema: Type.String() } },
          },
        }),
      },
    },
    async (request, reply) => {
      const csv = await exportSurveyResponses({ ctx: ctxOf(kernel, request), ...request.params });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.filename}"`)
        .header('x-total-count', String(csv.total))
        .header('cache-control', 'no-store')
        .send(Readable.from(csv.lines) as unknown as string);
    },
  );
};
