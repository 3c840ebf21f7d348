import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { adjustPoints } from './commands/adjust-points.ts';
import { denyPendingAward } from './commands/deny-pending-award.ts';
import { exportPointsLedger } from './commands/export-points-ledger.ts';
import { getPointsBalance } from './commands/get-points-balance.ts';
import { listPendingAwards } from './commands/list-pending-awards.ts';
import { listPointRules } from './commands/list-point-rules.ts';
import { listPointsFlags } from './commands/list-points-flags.ts';
import { listPointsLedger } from './commands/list-points-ledger.ts';
import { releasePendingAward } from './commands/release-pending-award.ts';
import { resolvePointsFlag } from './commands/resolve-points-flag.ts';
import { updatePointRules } from './commands/update-point-rules.ts';
import { updatePointsPreferences } from './commands/update-points-preferences.ts';
import {
  AdjustPointsBody,
  AwardParams,
  BalanceQuery,
  DenyAwardBody,
  EmptyBody,
  FlagParams,
  FlagsQuery,
  LedgerEntry,
  LedgerExportQuery,
  LedgerQuery,
  PendingQuery,
  PointRules,
  PointsBalance,
  PointsFlag,
  PointsPreferences,
  UpdatePointRulesBody,
} from './rewards.schemas.ts';

/** Points under `/api/v1/communities/:community/points/…`: rules, balances, history, staff actions. */
export const pointsRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['points'];
  const base = '/communities/:community/points';
  app.get(
    `${base}/rules`,
    {
      schema: {
        operationId: 'listPointRules',
        summary: 'How to earn points: the rules (all of them and the settings for staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: PointRules }),
      },
    },
    async (request) => listPointRules({ ctx: ctxOf(kernel, request), community: request.params.community }),
  );
  app.put(
    `${base}/rules`,
    {
      schema: {
        operationId: 'updatePointRules',
        summary: 'Change point rules and settings (admins)',
        tags,
        params: CommunityParams,
        body: UpdatePointRulesBody,
        response: responses({ 200: PointRules }),
      },
    },
    async (request) =>
      updatePointRules({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        input: request.body,
      }),
  );
  app.get(
    `${base}/balance`,
    {
      schema: {
        operationId: 'getPointsBalance',
        summary: 'A member’s pending, available and lifetime points (one’s own, or any for staff)',
        tags,
        params: CommunityParams,
        querystring: BalanceQuery,
        response: responses({ 200: PointsBalance }),
      },
    },
    async (request) =>
      getPointsBalance({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.get(
    `${base}/ledger`,
    {
      schema: {
        operationId: 'listPointsLedger',
        summary: 'A member’s points history with filters (one’s own, or any for staff)',
        tags,
        params: CommunityParams,
        querystring: LedgerQuery,
        response: responses({ 200: Page(LedgerEntry) }),
      },
    },
    async (request) =>
      listPointsLedger({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.get(
    `${base}/ledger.csv`,
    {
      schema: {
        operationId: 'exportPointsLedger',
        summary: 'The community’s ledger as CSV (staff)',
        tags,
        params: CommunityParams,
        querystring: LedgerExportQuery,
        response: responses({
          200: { description: 'The ledger as CSV', content: { 'text/csv': { schema: Type.String() } } },
        }),
      },
    },
    async (request, reply) => {
      const file = await exportPointsLedger({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.csv);
    },
  );
  app.post(
    `${base}/adjustments`,
    {
      schema: {
        operationId: 'adjustPoints',
        summary: 'Add or take points by hand, with a reason (staff)',
        tags,
        params: CommunityParams,
        body: AdjustPointsBody,
        response: responses({ 201: LedgerEntry }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await adjustPoints({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.get(
    `${base}/pending`,
    {
      schema: {
        operationId: 'listPendingAwards',
        summary: 'Awards waiting for their review period or for staff (staff)',
        tags,
        params: CommunityParams,
        querystring: PendingQuery,
        response: responses({ 200: Page(LedgerEntry) }),
      },
    },
    async (request) =>
      listPendingAwards({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.post(
    `${base}/awards/:awardId/release`,
    {
      schema: {
        operationId: 'releasePendingAward',
        summary: 'Validate a pending award now (staff)',
        tags,
        params: AwardParams,
        body: EmptyBody,
        response: responses({ 200: LedgerEntry }),
      },
    },
    async (request) =>
      releasePendingAward({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        awardId: request.params.awardId,
      }),
  );
  app.post(
    `${base}/awards/:awardId/deny`,
    {
      schema: {
        operationId: 'denyPendingAward',
        summary: 'Deny a pending award with a reason shown to the member (staff)',
        tags,
        params: AwardParams,
        body: DenyAwardBody,
        response: responses({ 200: LedgerEntry }),
      },
    },
    async (request) =>
      denyPendingAward({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        awardId: request.params.awardId,
        input: request.body,
      }),
  );
  app.put(
    `${base}/preferences`,
    {
      schema: {
        operationId: 'updatePointsPreferences',
        summary: 'Appear on the public leaderboards or not (oneself)',
        tags,
        params: CommunityParams,
        body: PointsPreferences,
        response: responses({ 200: PointsPreferences }),
      },
    },
    async (request) =>
      updatePointsPreferences({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        input: request.body,
      }),
  );
  app.get(
    `${base}/flags`,
    {
      schema: {
        operationId: 'listPointsFlags',
        summary: 'Members flagged for a sudden burst of points (staff)',
        tags,
        params: CommunityParams,
        querystring: FlagsQuery,
        response: responses({ 200: Page(PointsFlag) }),
      },
    },
    async (request) =>
      listPointsFlags({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.post(
    `${base}/flags/:flagId/resolve`,
    {
      schema: {
        operationId: 'resolvePointsFlag',
        summary: 'Close a burst flag (staff)',
        tags,
        params: FlagParams,
        body: EmptyBody,
        response: responses({
          200: Type.Object({ id: Type.String({ format: 'uuid' }), resolved: Type.Literal(true) }),
        }),
      },
    },
    async (request) =>
      resolvePointsFlag({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        flagId: request.params.flagId,
      }),
  );
};
