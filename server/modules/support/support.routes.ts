import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { CACHE_DIRECTIVE_HEADER, cacheDirective } from '../../platform/http/public-cache.ts';
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
import { deletePost } from './commands/delete-post.ts';
import { listRevisions } from './commands/list-revisions.ts';
import { mergeTopic } from './commands/merge-topic.ts';
import { updateReply } from './commands/update-reply.ts';
import { updateTopic } from './commands/update-topic.ts';
import {
  Board,
  BoardParams,
  CreateBoardBody,
  CreateReplyBody,
  CreateTopicBody,
  GetTopicQuery,
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
import {
  DeletedPost,
  MergeTopicBody,
  RevisionList,
  UpdateReplyBody,
  UpdateTopicBody,
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
        querystring: GetTopicQuery,
        response: responses({ 200: Topic }),
      },
    },
    async (request, reply) => {
      const topic = await getTopic({
        ctx: ctxOf(kernel, request),
        ...request.params,
        page: request.query.page,
      });
      // What an anonymous reader may see is public: shared caches and this process keep it a few seconds.
      if (!request.actor)
        reply.header(CACHE_DIRECTIVE_HEADER, cacheDirective(10, [`community:${topic.communityId}`]));
      return topic;
    },
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

  // Editing and arranging posts: edits with history, soft deletes, lock, pin, move, merge.
  app.patch(
    '/communities/:community/topics/:topicId',
    {
      schema: {
        operationId: 'updateTopic',
        summary: 'Edit a topic (author or staff); lock, pin or move it (staff)',
        tags,
        params: TopicParams,
        body: UpdateTopicBody,
        response: responses({ 200: Topic }),
      },
    },
    async (request) => updateTopic({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.delete(
    '/communities/:community/topics/:topicId',
    {
      schema: {
        operationId: 'deleteTopic',
        summary: 'Delete a topic (its author while nobody replied, or staff)',
        tags,
        params: TopicParams,
        response: responses({ 200: DeletedPost }),
      },
    },
    async (request) => {
      const { community, topicId } = request.params;
      return deletePost({ ctx: ctxOf(kernel, request), community, target: { type: 'topic', id: topicId } });
    },
  );
  app.post(
    '/communities/:community/topics/:topicId/merge',
    {
      schema: {
        operationId: 'mergeTopic',
        summary: 'Merge a topic into another one of the community (staff)',
        tags,
        params: TopicParams,
        body: MergeTopicBody,
        response: responses({ 200: Topic }),
      },
    },
    async (request) => mergeTopic({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    '/communities/:community/topics/:topicId/revisions',
    {
      schema: {
        operationId: 'listTopicRevisions',
        summary: 'A topic’s edit history, newest first',
        tags,
        params: TopicParams,
        response: responses({ 200: RevisionList }),
      },
    },
    async (request) =>
      listRevisions({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        target: { type: 'topic', id: request.params.topicId },
      }),
  );
  app.patch(
    '/communities/:community/replies/:replyId',
    {
      schema: {
        operationId: 'updateReply',
        summary: 'Edit a reply (author or staff)',
        tags,
        params: ReplyParams,
        body: UpdateReplyBody,
        response: responses({ 200: Reply }),
      },
    },
    async (request) => updateReply({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.delete(
    '/communities/:community/replies/:replyId',
    {
      schema: {
        operationId: 'deleteReply',
        summary: 'Delete a reply (author or staff)',
        tags,
        params: ReplyParams,
        response: responses({ 200: DeletedPost }),
      },
    },
    async (request) => {
      const { community, replyId } = request.params;
      return deletePost({ ctx: ctxOf(kernel, request), community, target: { type: 'reply', id: replyId } });
    },
  );
  app.get(
    '/communities/:community/replies/:replyId/revisions',
    {
      schema: {
        operationId: 'listReplyRevisions',
        summary: 'A reply’s edit history, newest first',
        tags,
        params: ReplyParams,
        response: responses({ 200: RevisionList }),
      },
    },
    async (request) =>
      listRevisions({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        target: { type: 'reply', id: request.params.replyId },
      }),
  );
};
