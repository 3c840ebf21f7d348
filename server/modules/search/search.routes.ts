import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { getDeflectionStats } from './commands/get-deflection-stats.ts';
import { recordDeflectionView } from './commands/record-deflection-view.ts';
import { searchCommunity } from './commands/search-community.ts';
import { suggestSimilarTopics } from './commands/suggest-similar-topics.ts';
import {
  DeflectionStats,
  DeflectionView,
  DeflectionViewBody,
  SearchQuery,
  SearchResults,
  SimilarTopics,
  SimilarTopicsQuery,
} from './search.schemas.ts';

/** Search under `/api/v1/communities/:community/…`: full text, similar questions, deflection. */
export const searchRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['search'];
  app.get(
    '/communities/:community/search',
    {
      schema: {
        operationId: 'searchCommunity',
        summary: 'Search topics and replies, by relevance then recency',
        tags,
        params: CommunityParams,
        querystring: SearchQuery,
        response: responses({ 200: SearchResults }),
      },
    },
    async (request) =>
      searchCommunity({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.get(
    '/communities/:community/topics/similar',
    {
      schema: {
        operationId: 'suggestSimilarTopics',
        summary: 'Solved questions resembling a title being typed',
        tags,
        params: CommunityParams,
        querystring: SimilarTopicsQuery,
        response: responses({ 200: SimilarTopics }),
      },
    },
    async (request) =>
      suggestSimilarTopics({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.post(
    '/communities/:community/deflections',
    {
      schema: {
        operationId: 'recordDeflectionView',
        summary: 'Record that a member opened a suggested question while asking',
        tags,
        params: CommunityParams,
        body: DeflectionViewBody,
        response: responses({ 201: DeflectionView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordDeflectionView({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.get(
    '/communities/:community/deflections/stats',
    {
      schema: {
        operationId: 'getDeflectionStats',
        summary: 'Deflections per week and the estimated saving (staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: DeflectionStats }),
      },
    },
    async (request) =>
      getDeflectionStats({ ctx: ctxOf(kernel, request), community: request.params.community }),
  );
};
