import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { acceptSolution } from './commands/accept-solution.ts';
import { createBoard } from './commands/create-board.ts';
import { createReply } from './commands/create-reply.ts';
import { createTopic } from './commands/create-topic.ts';
import { getTopic } from './commands/get-topic.ts';
import { giveKudos } from './commands/give-kudos.ts';
import { listBoards } from './commands/list-boards.ts';
import { listTopics } from './commands/list-topics.ts';
import {
  Board,
  BoardParams,
  CreateBoardBody,
  CreateReplyBody,
  CreateTopicBody,
  KudosBody,
  KudosResult,
  ListTopicsQuery,
  Reply,
  ReplyParams,
  SolutionBody,
  Topic,
  TopicParams,
  TopicSummary,
} from './support.schemas.ts';

/** Peer support under `/api/v1/communities/:community/…`: boards, topics, replies, solutions, kudos. */
export const supportRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['support'];
  app.get(
    '/communities/:community/boards',
    {
      schema: {
        operationId: 'listBoards',
        summary: 'The boards the caller may read',
        tags,
        params: CommunityParams,
        response: responses({
          200: Type.Object({
            items: Type.Array(Board),
            abilities: Type.Object({ manageBoards: Type.Boolean() }),
          }),
        }),
      },
    },
    async (request) => listBoards({ ctx: ctxOf(kernel, request), community: request.params.community }),
  );
  app.post(
    '/communities/:community/boards',
    {
      schema: {
        operationId: 'createBoard',
        summary: 'Create a board (staff)',
        tags,
        params: CommunityParams,
        body: CreateBoardBody,
        response: responses({ 201: Board }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createBoard({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.get(
    '/communities/:community/boards/:board/topics',
    {
      schema: {
        operationId: 'listTopics',
        summary: 'A board’s topics, pinned first then by activity',
        tags,
        params: BoardParams,
        querystring: ListTopicsQuery,
        response: responses({ 200: Page(TopicSummary) }),
      },
    },
    async (request) => listTopics({ ctx: ctxOf(kernel, request), ...request.params, query: request.query }),
  );
  app.post(
    '/communities/:community/boards/:board/topics',
    {
      schema: {
        operationId: 'createTopic',
        summary: 'Ask a question or start a discussion',
        tags,
        params: BoardParams,
        body: CreateTopicBody,
        response: responses({ 201: TopicSummary }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTopic({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.get(
    '/communities/:community/topics/:topicId',
    {
      schema: {
        operationId: 'getTopic',
        summary: 'A topic with its replies, solutions first',
        tags,
        params: TopicParams,
        response: responses({ 200: Topic }),
      },
    },
    async (request) => getTopic({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    '/communities/:community/topics/:topicId/replies',
    {
      schema: {
        operationId: 'createReply',
        summary: 'Reply in a topic',
        tags,
        params: TopicParams,
        body: CreateReplyBody,
        response: responses({ 201: Reply }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createReply({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.put(
    '/communities/:community/replies/:replyId/solution',
    {
      schema: {
        operationId: 'acceptSolution',
        summary: 'Accept a reply as a solution, or undo it',
        tags,
        params: ReplyParams,
        body: SolutionBody,
        response: responses({ 200: Topic }),
      },
    },
    async (request) =>
      acceptSolution({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    '/communities/:community/kudos',
    {
      schema: {
        operationId: 'giveKudos',
        summary: 'Give kudos to a topic or a reply',
        tags,
        params: CommunityParams,
        body: KudosBody,
        response: responses({ 201: KudosResult }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await giveKudos({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
};
