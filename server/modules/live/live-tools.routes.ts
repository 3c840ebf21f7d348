import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { createLiveCode } from './commands/create-live-code.ts';
import { copyLiveCodes } from './commands/copy-live-codes.ts';
import { createLiveProbe } from './commands/create-live-probe.ts';
import { deleteLiveCode } from './commands/delete-live-code.ts';
import { deleteLiveProbe } from './commands/delete-live-probe.ts';
import { exportLiveSessionGuide } from './commands/export-live-session-guide.ts';
import { importLiveSessionGuide } from './commands/import-live-session-guide.ts';
import { listLiveCodes } from './commands/list-live-codes.ts';
import { listLiveProbes } from './commands/list-live-probes.ts';
import { tagLiveExcerpt } from './commands/tag-live-excerpt.ts';
import { untagLiveExcerpt } from './commands/untag-live-excerpt.ts';
import { updateLiveCode } from './commands/update-live-code.ts';
import { updateLiveProbe } from './commands/update-live-probe.ts';
import {
  CopiedLiveCodes,
  CopyLiveCodesBody,
  CreateLiveCodeBody,
  DeleteLiveCodeQuery,
  Deleted,
  CreateLiveProbeBody,
  GuideFile,
  ImportGuideBody,
  ListLiveProbesQuery,
  LiveCodeList,
  LiveCodeParams,
  LiveExcerptParams,
  LiveProbe,
  LiveProbeList,
  LiveProbeParams,
  TagLiveExcerptBody,
  UpdateLiveCodeBody,
  UpdateLiveProbeBody,
} from './live-tools.schemas.ts';
import { GuideSection, LiveCode, LiveSessionParams } from './live.schemas.ts';

/**
 * The live sessions' preparation and analysis tools: the community's probe library
 * (`/communities/:community/live-probes`), guide files (export, import) and transcript coding (codes,
 * excerpts) under a session.
 */
export const liveToolRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['live'];
  const probes = '/communities/:community/live-probes';
  const session = '/communities/:community/live-sessions/:sessionId';
  app.get(
    probes,
    {
      schema: {
        operationId: 'listLiveProbes',
        summary: 'Search the community’s probe library (staff who prepare sessions)',
        tags,
        params: CommunityParams,
        querystring: ListLiveProbesQuery,
        response: responses({ 200: LiveProbeList }),
      },
    },
    async (request) =>
      listLiveProbes({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        query: request.query,
      }),
  );
  app.post(
    probes,
    {
      schema: {
        operationId: 'createLiveProbe',
        summary: 'Save a probe to the community’s library (staff who prepare sessions)',
        tags,
        params: CommunityParams,
        body: CreateLiveProbeBody,
        response: responses({ 201: LiveProbe }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createLiveProbe({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.patch(
    `${probes}/:probeId`,
    {
      schema: {
        operationId: 'updateLiveProbe',
        summary: 'Change a library probe’s text or tags (staff who prepare sessions)',
        tags,
        params: LiveProbeParams,
        body: UpdateLiveProbeBody,
        response: responses({ 200: LiveProbe }),
      },
    },
    async (request) =>
      updateLiveProbe({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.delete(
    `${probes}/:probeId`,
    {
      schema: {
        operationId: 'deleteLiveProbe',
        summary: 'Remove a probe from the library (staff who prepare sessions)',
        tags,
        params: LiveProbeParams,
        response: responses({ 200: Deleted }),
      },
    },
    async (request) => deleteLiveProbe({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.get(
    `${session}/guide/export`,
    {
      schema: {
        operationId: 'exportLiveSessionGuide',
        summary: 'Download the discussion guide as a JSON file (its moderators)',
        tags,
        params: LiveSessionParams,
        response: responses({ 200: GuideFile }),
      },
    },
    async (request, reply) => {
      const file = await exportLiveSessionGuide({ ctx: ctxOf(kernel, request), ...request.params });
      return reply
        .header('content-disposition', `attachment; filename="guide-${request.params.sessionId}.json"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );
  app.post(
    `${session}/guide/import`,
    {
      schema: {
        operationId: 'importLiveSessionGuide',
        summary: 'Import a guide file, after the guide or in place of it (its moderators)',
        tags,
        params: LiveSessionParams,
        body: ImportGuideBody,
        response: responses({ 200: Type.Object({ sections: Type.Array(GuideSection) }) }),
      },
    },
    async (request) => ({
      sections: await importLiveSessionGuide({
        ctx: ctxOf(kernel, request),
        ...request.params,
        input: request.body,
      }),
    }),
  );
  app.get(
    `${session}/codes`,
    {
      schema: {
        operationId: 'listLiveCodes',
        summary: 'The session’s codebook, each code with its excerpts (moderators and observers)',
        tags,
        params: LiveSessionParams,
        response: responses({ 200: LiveCodeList }),
      },
    },
    async (request) => listLiveCodes({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    `${session}/codes`,
    {
      schema: {
        operationId: 'createLiveCode',
        summary: 'Add a code (name and colour) to the session’s codebook (moderators and observers)',
        tags,
        params: LiveSessionParams,
        body: CreateLiveCodeBody,
        response: responses({ 201: LiveCode }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createLiveCode({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.patch(
    `${session}/codes/:codeId`,
    {
      schema: {
        operationId: 'updateLiveCode',
        summary: 'Rename or recolour a code; its excerpts keep it (moderators and observers)',
        tags,
        params: LiveCodeParams,
        body: UpdateLiveCodeBody,
        response: responses({ 200: LiveCode }),
      },
    },
    async (request) =>
      updateLiveCode({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.delete(
    `${session}/codes/:codeId`,
    {
      schema: {
        operationId: 'deleteLiveCode',
        summary:
          'Remove a code; one that tags excerpts needs `untag=true`, and its excerpts lose it (moderators and observers)',
        tags,
        params: LiveCodeParams,
        querystring: DeleteLiveCodeQuery,
        response: responses({
          200: Type.Object({ id: Type.String(), deleted: Type.Literal(true), untagged: Type.Integer() }),
        }),
      },
    },
    async (request) =>
      deleteLiveCode({ ctx: ctxOf(kernel, request), ...request.params, query: request.query }),
  );
  app.post(
    `${session}/codes/copy`,
    {
      schema: {
        operationId: 'copyLiveCodes',
        summary:
          'Copy the codes of another session of the community into this codebook (moderators and observers)',
        tags,
        params: LiveSessionParams,
        body: CopyLiveCodesBody,
        response: responses({ 200: CopiedLiveCodes }),
      },
    },
    async (request) => copyLiveCodes({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.post(
    `${session}/excerpts`,
    {
      schema: {
        operationId: 'tagLiveExcerpt',
        summary: 'Tag a room message, or a span of it, with a code (moderators and observers)',
        tags,
        params: LiveSessionParams,
        body: TagLiveExcerptBody,
        response: responses({ 200: LiveCode }),
      },
    },
    async (request) =>
      tagLiveExcerpt({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.delete(
    `${session}/excerpts/:excerptId`,
    {
      schema: {
        operationId: 'untagLiveExcerpt',
        summary: 'Remove a code from an excerpt (moderators and observers)',
        tags,
        params: LiveExcerptParams,
        response: responses({ 200: Deleted }),
      },
    },
    async (request) => untagLiveExcerpt({ ctx: ctxOf(kernel, request), ...request.params }),
  );
};
