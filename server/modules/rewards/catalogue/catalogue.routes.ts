import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page } from '../../../platform/http/pagination.ts';
import { ctxOf } from '../../../platform/http/request-context.ts';
import { responses } from '../../../platform/http/schemas.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { CommunityParams } from '../../communities/communities.schemas.ts';
import {
  CancelBody,
  CreateRewardBody,
  DecideBody,
  FulfillBody,
  ImportVoucherCodesBody,
  ListRedemptionsQuery,
  ListRewardsQuery,
  RedeemBody,
  Redemption,
  RedemptionParams,
  Reward,
  RewardPage,
  RewardParams,
  UpdateRewardBody,
  VoucherImportResult,
} from './catalogue.schemas.ts';
import { cancelRedemption } from './commands/cancel-redemption.ts';
import { createReward } from './commands/create-reward.ts';
import { decideRedemption } from './commands/decide-redemption.ts';
import { fulfillRedemption } from './commands/fulfill-redemption.ts';
import { getReward } from './commands/get-reward.ts';
import { importVoucherCodes } from './commands/import-voucher-codes.ts';
import { listMyRedemptions } from './commands/list-my-redemptions.ts';
import { listRedemptions } from './commands/list-redemptions.ts';
import { listRewards } from './commands/list-rewards.ts';
import { redeemReward } from './commands/redeem-reward.ts';
import { updateReward } from './commands/update-reward.ts';

/** The rewards catalogue and redemptions under `/api/v1/communities/:community/…`. */
export const catalogueRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['rewards'];
  app.get(
    '/communities/:community/rewards',
    {
      schema: {
        operationId: 'listRewards',
        summary: 'The catalogue, cheapest first, with the caller’s balance and why a reward is out of reach',
        tags,
        params: CommunityParams,
        querystring: ListRewardsQuery,
        response: responses({ 200: RewardPage }),
      },
    },
    async (request) =>
      listRewards({ ctx: ctxOf(kernel, request), community: request.params.community, query: request.query }),
  );
  app.post(
    '/communities/:community/rewards',
    {
      schema: {
        operationId: 'createReward',
        summary: 'Add a gift, voucher, donation or cash-out to the catalogue (community managers)',
        tags,
        params: CommunityParams,
        body: CreateRewardBody,
        response: responses({ 201: Reward }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createReward({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.get(
    '/communities/:community/rewards/:rewardId',
    {
      schema: {
        operationId: 'getReward',
        summary: 'One reward, with why the caller cannot redeem it (if so)',
        tags,
        params: RewardParams,
        response: responses({ 200: Reward }),
      },
    },
    async (request) => getReward({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.patch(
    '/communities/:community/rewards/:rewardId',
    {
      schema: {
        operationId: 'updateReward',
        summary: 'Change a reward: cost, stock, limit, dates, eligibility, activity (community managers)',
        tags,
        params: RewardParams,
        body: UpdateRewardBody,
        response: responses({ 200: Reward }),
      },
    },
    async (request) => updateReward({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    '/communities/:community/rewards/:rewardId/voucher-codes',
    {
      schema: {
        operationId: 'importVoucherCodes',
        summary: 'Import a voucher reward’s codes from CSV text, with a report per refused row (managers)',
        tags,
        params: RewardParams,
        body: ImportVoucherCodesBody,
        response: responses({ 200: VoucherImportResult }),
      },
    },
    async (request) =>
      importVoucherCodes({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    '/communities/:community/rewards/:rewardId/redemptions',
    {
      schema: {
        operationId: 'redeemReward',
        summary: 'Spend available points on a reward (a voucher’s code comes back at once)',
        tags,
        params: RewardParams,
        body: RedeemBody,
        response: responses({ 201: Redemption }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await redeemReward({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.get(
    '/communities/:community/redemptions',
    {
      schema: {
        operationId: 'listRedemptions',
        summary: 'The redemption queue, oldest first (community managers)',
        tags,
        params: CommunityParams,
        querystring: ListRedemptionsQuery,
        response: responses({ 200: Page(Redemption) }),
      },
    },
    async (request) =>
      listRedemptions({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.get(
    '/communities/:community/me/redemptions',
    {
      schema: {
        operationId: 'listMyRedemptions',
        summary: 'The caller’s own redemptions, newest first, with their codes and reasons',
        tags,
        params: CommunityParams,
        querystring: ListRedemptionsQuery,
        response: responses({ 200: Page(Redemption) }),
      },
    },
    async (request) =>
      listMyRedemptions({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.post(
    '/communities/:community/redemptions/:redemptionId/decision',
    {
      schema: {
        operationId: 'decideRedemption',
        summary: 'Approve a redemption, or reject it with a reason and refund its points (managers)',
        tags,
        params: RedemptionParams,
        body: DecideBody,
        response: responses({ 200: Redemption }),
      },
    },
    async (request) =>
      decideRedemption({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    '/communities/:community/redemptions/:redemptionId/fulfilment',
    {
      schema: {
        operationId: 'fulfillRedemption',
        summary: 'Mark an approved redemption fulfilled: shipped, donated or paid (community managers)',
        tags,
        params: RedemptionParams,
        body: FulfillBody,
        response: responses({ 200: Redemption }),
      },
    },
    async (request) =>
      fulfillRedemption({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    '/communities/:community/redemptions/:redemptionId/cancel',
    {
      schema: {
        operationId: 'cancelRedemption',
        summary: 'Cancel one’s own redemption while it awaits approval (the points come back)',
        tags,
        params: RedemptionParams,
        body: CancelBody,
        response: responses({ 200: Redemption }),
      },
    },
    async (request) =>
      cancelRedemption({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
};
