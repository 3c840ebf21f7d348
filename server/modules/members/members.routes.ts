import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { checkPseudonym } from './commands/check-pseudonym.ts';
import { createInvitation } from './commands/create-invitation.ts';
import { getAccessLog } from './commands/get-access-log.ts';
import { getMember } from './commands/get-member.ts';
import { getMemberIdentity } from './commands/get-member-identity.ts';
import { joinCommunity } from './commands/join-community.ts';
import { listMembers } from './commands/list-members.ts';
import { updateMember } from './commands/update-member.ts';
import {
  AccessLogEntry,
  CreateInvitationBody,
  IdentityQuery,
  Invitation,
  JoinBody,
  ListMembersQuery,
  Member,
  MemberIdentity,
  MemberParams,
  PseudonymAvailability,
  PseudonymQuery,
  UpdateMemberBody,
} from './members.schemas.ts';

/** `/api/v1/communities/:community/members…`: join, directory, roles, identity, access log, invitations. */
export const membersRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['members'];
  app.post(
    '/communities/:community/members',
    {
      schema: {
        operationId: 'joinCommunity',
        summary: 'Join a community under a pseudonym',
        tags,
        params: CommunityParams,
        body: JoinBody,
        response: responses({ 201: Member }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await joinCommunity({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.get(
    '/communities/:community/pseudonym-availability',
    {
      schema: {
        operationId: 'checkPseudonym',
        summary: 'Is this pseudonym valid and free in the community?',
        tags,
        params: CommunityParams,
        querystring: PseudonymQuery,
        response: responses({ 200: PseudonymAvailability }),
      },
    },
    async (request) =>
      checkPseudonym({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        pseudonym: request.query.pseudonym,
        invitationCode: request.query.invitationCode,
      }),
  );
  app.get(
    '/communities/:community/members',
    {
      schema: {
        operationId: 'listMembers',
        summary: 'The member directory (pseudonyms and roles)',
        tags,
        params: CommunityParams,
        querystring: ListMembersQuery,
        response: responses({ 200: Page(Member) }),
      },
    },
    async (request) =>
      listMembers({ ctx: ctxOf(kernel, request), community: request.params.community, query: request.query }),
  );
  app.get(
    '/communities/:community/members/:memberId',
    {
      schema: {
        operationId: 'getMember',
        summary: 'A member’s public profile',
        tags,
        params: MemberParams,
        response: responses({ 200: Member }),
      },
    },
    async (request) => getMember({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.patch(
    '/communities/:community/members/:memberId',
    {
      schema: {
        operationId: 'updateMemberRole',
        summary: 'Change a member’s role or status',
        tags,
        params: MemberParams,
        body: UpdateMemberBody,
        response: responses({ 200: Member }),
      },
    },
    async (request) => updateMember({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    '/communities/:community/members/:memberId/identity',
    {
      schema: {
        operationId: 'getMemberIdentity',
        summary: 'A member’s real identity (staff; the read is logged)',
        tags,
        params: MemberParams,
        querystring: IdentityQuery,
        response: responses({ 200: MemberIdentity }),
      },
    },
    async (request) =>
      getMemberIdentity({ ctx: ctxOf(kernel, request), ...request.params, purpose: request.query.purpose }),
  );
  app.get(
    '/communities/:community/access-log',
    {
      schema: {
        operationId: 'getAccessLog',
        summary: 'Who read which member’s identity',
        tags,
        params: CommunityParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: responses({ 200: Page(AccessLogEntry) }),
      },
    },
    async (request) =>
      getAccessLog({ ctx: ctxOf(kernel, request), community: request.params.community, ...request.query }),
  );
  app.post(
    '/communities/:community/invitations',
    {
      schema: {
        operationId: 'createInvitation',
        summary: 'Create a single-use invitation code',
        tags,
        params: CommunityParams,
        body: CreateInvitationBody,
        response: responses({ 201: Invitation }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createInvitation({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
};
