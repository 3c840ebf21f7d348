import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { MemberParams } from '../members/members.schemas.ts';
import { awardBadge } from './commands/award-badge.ts';
import { createBadge } from './commands/create-badge.ts';
import { getLeaderboard } from './commands/get-leaderboard.ts';
import { listBadges } from './commands/list-badges.ts';
import { listMemberBadges } from './commands/list-member-badges.ts';
import { listRanks } from './commands/list-ranks.ts';
import { revokeBadge } from './commands/revoke-badge.ts';
import { updateRanks } from './commands/update-ranks.ts';
import {
  AwardBadgeBody,
  Badge,
  BadgeParams,
  Badges,
  CreateBadgeBody,
  Leaderboard,
  LeaderboardQuery,
  MemberBadge,
  MemberBadgeParams,
  MemberBadges,
  Ranks,
  RevokeBadgeBody,
  UpdateRanksBody,
} from './rewards.schemas.ts';

/** Ranks, badges and leaderboards under `/api/v1/communities/:community/…`. */
export const standingRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['points'];
  app.get(
    '/communities/:community/ranks',
    {
      schema: {
        operationId: 'listRanks',
        summary: 'The community’s ranks, thresholds and trust',
        tags,
        params: CommunityParams,
        response: responses({ 200: Ranks }),
      },
    },
    async (request) => listRanks({ ctx: ctxOf(kernel, request), community: request.params.community }),
  );
  app.put(
    '/communities/:community/ranks',
    {
      schema: {
        operationId: 'updateRanks',
        summary: 'Replace the ordered list of ranks (admins)',
        tags,
        params: CommunityParams,
        body: UpdateRanksBody,
        response: responses({ 200: Ranks }),
      },
    },
    async (request) =>
      updateRanks({ ctx: ctxOf(kernel, request), community: request.params.community, input: request.body }),
  );
  app.get(
    '/communities/:community/badges',
    {
      schema: {
        operationId: 'listBadges',
        summary: 'The community’s badges',
        tags,
        params: CommunityParams,
        response: responses({ 200: Badges }),
      },
    },
    async (request) => listBadges({ ctx: ctxOf(kernel, request), community: request.params.community }),
  );
  app.post(
    '/communities/:community/badges',
    {
      schema: {
        operationId: 'createBadge',
        summary: 'Create a badge awarded by hand (admins)',
        tags,
        params: CommunityParams,
        body: CreateBadgeBody,
        response: responses({ 201: Badge }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createBadge({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.post(
    '/communities/:community/badges/:badgeId/awards',
    {
      schema: {
        operationId: 'awardBadge',
        summary: 'Award a badge to a member by hand (staff)',
        tags,
        params: BadgeParams,
        body: AwardBadgeBody,
        response: responses({ 201: MemberBadge }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await awardBadge({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          badgeId: request.params.badgeId,
          input: request.body,
        }),
      ),
  );
  app.post(
    '/communities/:community/member-badges/:memberBadgeId/revoke',
    {
      schema: {
        operationId: 'revokeBadge',
        summary: 'Revoke a member’s badge with a reason (staff)',
        tags,
        params: MemberBadgeParams,
        body: RevokeBadgeBody,
        response: responses({ 200: MemberBadge }),
      },
    },
    async (request) =>
      revokeBadge({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        memberBadgeId: request.params.memberBadgeId,
        input: request.body,
      }),
  );
  app.get(
    '/communities/:community/members/:memberId/badges',
    {
      schema: {
        operationId: 'listMemberBadges',
        summary: 'The badges a member holds',
        tags,
        params: MemberParams,
        response: responses({ 200: MemberBadges }),
      },
    },
    async (request) =>
      listMemberBadges({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        memberId: request.params.memberId,
      }),
  );
  app.get(
    '/communities/:community/leaderboard',
    {
      schema: {
        operationId: 'getLeaderboard',
        summary: 'Members by points this month or of all time, in the community or one board',
        tags,
        params: CommunityParams,
        querystring: LeaderboardQuery,
        response: responses({ 200: Leaderboard }),
      },
    },
    async (request) =>
      getLeaderboard({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
};
