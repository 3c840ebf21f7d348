import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { decideProbation } from './commands/decide-probation.ts';
import { getPanelHealth } from './commands/get-panel-health.ts';
import { getPanelSettings } from './commands/get-panel-settings.ts';
import { getReliability } from './commands/get-reliability.ts';
import { listFlaggedMembers } from './commands/list-flagged-members.ts';
import { listProbation } from './commands/list-probation.ts';
import { rateMember } from './commands/rate-member.ts';
import { updatePanelSettings } from './commands/update-panel-settings.ts';
import { ProfileParams } from './panel.schemas.ts';
import {
  DecideProbationBody,
  FlaggedMemberList,
  PanelHealth,
  PanelSettings,
  ProbationList,
  RateMemberBody,
  Reliability,
  UpdatePanelSettingsBody,
} from './panel-quality.schemas.ts';

/**
 * The panel's quality under `/api/v1/communities/:community/…` (staff): reliability scores and ratings,
 * flagged members, probation follow-up, panel settings and health.
 */
export const panelQualityRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['panel'];
  app.get(
    '/communities/:community/members/:memberId/reliability',
    {
      schema: {
        operationId: 'getReliability',
        summary: 'A member’s reliability score with its factors, ratings and likely duplicates (staff)',
        tags,
        params: ProfileParams,
        response: responses({ 200: Reliability }),
      },
    },
    async (request) => getReliability({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    '/communities/:community/members/:memberId/ratings',
    {
      schema: {
        operationId: 'rateMember',
        summary: 'Rate a member’s participation 1–5 with a note (staff)',
        tags,
        params: ProfileParams,
        body: RateMemberBody,
        response: responses({ 201: Type.Object({ id: Type.String({ format: 'uuid' }) }) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await rateMember({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.get(
    '/communities/:community/panel/flagged',
    {
      schema: {
        operationId: 'listFlaggedMembers',
        summary: 'Members flagged for review: low reliability scores and likely duplicates (staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: FlaggedMemberList }),
      },
    },
    async (request) => listFlaggedMembers({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.get(
    '/communities/:community/panel/probation',
    {
      schema: {
        operationId: 'listProbation',
        summary: 'Members on probation with their progress, due ones first (staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: ProbationList }),
      },
    },
    async (request) => listProbation({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    '/communities/:community/members/:memberId/probation',
    {
      schema: {
        operationId: 'decideProbation',
        summary: 'Confirm a member on probation or remove them from the panel (staff)',
        tags,
        params: ProfileParams,
        body: DecideProbationBody,
        response: responses({
          200: Type.Object({
            memberId: Type.String({ format: 'uuid' }),
            panelStage: Type.Union([Type.Literal('active'), Type.Literal('removed')]),
          }),
        }),
      },
    },
    async (request) =>
      decideProbation({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    '/communities/:community/panel/settings',
    {
      schema: {
        operationId: 'getPanelSettings',
        summary: 'Probation length, review threshold and speeding limit (staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: PanelSettings }),
      },
    },
    async (request) => getPanelSettings({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.patch(
    '/communities/:community/panel/settings',
    {
      schema: {
        operationId: 'updatePanelSettings',
        summary: 'Change the panel settings (community admins)',
        tags,
        params: CommunityParams,
        body: UpdatePanelSettingsBody,
        response: responses({ 200: PanelSettings }),
      },
    },
    async (request) =>
      updatePanelSettings({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    '/communities/:community/panel/health',
    {
      schema: {
        operationId: 'getPanelHealth',
        summary: 'Members by stage, monthly participation and attrition, average reliability (staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: PanelHealth }),
      },
    },
    async (request) => getPanelHealth({ ctx: ctxOf(kernel, request), ...request.params }),
  );
};
