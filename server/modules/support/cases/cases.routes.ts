import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page } from '../../../platform/http/pagination.ts';
import { ctxOf } from '../../../platform/http/request-context.ts';
import { responses } from '../../../platform/http/schemas.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { CommunityParams } from '../../communities/communities.schemas.ts';
import { TopicParams } from '../support.schemas.ts';
import {
  AgentParams,
  CaseBadge,
  CaseDetail,
  CaseParams,
  CaseSummary,
  EscalateBody,
  ListCasesQuery,
  ListMyTopicsQuery,
  MyTopic,
  OfficialAnswerBody,
  SupportAgent,
  SupportAgentBody,
  UpdateCaseBody,
} from './cases.schemas.ts';
import { escalateTopic } from './commands/escalate-topic.ts';
import { getCase } from './commands/get-case.ts';
import { getSupportAgent } from './commands/get-support-agent.ts';
import { listCases } from './commands/list-cases.ts';
import { listMyTopics } from './commands/list-my-topics.ts';
import { postOfficialAnswer } from './commands/post-official-answer.ts';
import { setSupportAgent } from './commands/set-support-agent.ts';
import { updateCase } from './commands/update-case.ts';

/** Support cases under `/api/v1/communities/:community/…`: escalation, the queue (CRM sync), answers. */
export const casesRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['cases'];
  app.post(
    '/communities/:community/topics/:topicId/escalate',
    {
      schema: {
        operationId: 'escalateTopic',
        summary: 'Turn a question into a support case (its asker or a moderator)',
        tags,
        params: TopicParams,
        body: EscalateBody,
        response: responses({ 201: CaseBadge }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await escalateTopic({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.get(
    '/communities/:community/cases',
    {
      schema: {
        operationId: 'listCases',
        summary: 'The case queue, least recently updated first (case workers; CRM sync with updatedSince)',
        tags,
        params: CommunityParams,
        querystring: ListCasesQuery,
        response: responses({ 200: Page(CaseSummary) }),
      },
    },
    async (request) =>
      listCases({ ctx: ctxOf(kernel, request), community: request.params.community, query: request.query }),
  );
  app.get(
    '/communities/:community/cases/:caseId',
    {
      schema: {
        operationId: 'getCase',
        summary: 'A case with its question, internal notes and history (case workers)',
        tags,
        params: CaseParams,
        response: responses({ 200: CaseDetail }),
      },
    },
    async (request) => getCase({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.patch(
    '/communities/:community/cases/:caseId',
    {
      schema: {
        operationId: 'updateCase',
        summary: 'Change a case’s status or assignee, or add an internal note (case workers)',
        tags,
        params: CaseParams,
        body: UpdateCaseBody,
        response: responses({ 200: CaseDetail }),
      },
    },
    async (request) => updateCase({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    '/communities/:community/cases/:caseId/answer',
    {
      schema: {
        operationId: 'postOfficialAnswer',
        summary: 'Answer a case’s question officially, in the brand’s name (case workers)',
        tags,
        params: CaseParams,
        body: OfficialAnswerBody,
        response: responses({ 201: CaseDetail }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await postOfficialAnswer({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
        ),
  );
  app.put(
    '/communities/:community/members/:memberId/support-agent',
    {
      schema: {
        operationId: 'setSupportAgent',
        summary: 'Grant or revoke a member’s support-agent ability (community admins)',
        tags,
        params: AgentParams,
        body: SupportAgentBody,
        response: responses({ 200: SupportAgent }),
      },
    },
    async (request) =>
      setSupportAgent({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    '/communities/:community/members/:memberId/support-agent',
    {
      schema: {
        operationId: 'getSupportAgent',
        summary: 'Whether a member holds the support-agent ability (community admins)',
        tags,
        params: AgentParams,
        response: responses({ 200: SupportAgent }),
      },
    },
    async (request) => getSupportAgent({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.get(
    '/communities/:community/me/topics',
    {
      schema: {
        operationId: 'listMyTopics',
        summary: 'The caller’s own questions, with their solved state and case status',
        tags,
        params: CommunityParams,
        querystring: ListMyTopicsQuery,
        response: responses({ 200: Page(MyTopic) }),
      },
    },
    async (request) =>
      listMyTopics({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
};
