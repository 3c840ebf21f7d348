import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { createLiveSession } from './commands/create-live-session.ts';
import { exportLiveSessionTranscript } from './commands/export-live-session-transcript.ts';
import { getLiveSessionTranscript } from './commands/get-live-session-transcript.ts';
import { getLiveSession } from './commands/get-live-session.ts';
import { inviteToLiveSession } from './commands/invite-to-live-session.ts';
import { listLiveSessions } from './commands/list-live-sessions.ts';
import { respondToLiveSessionInvitation } from './commands/respond-to-live-session-invitation.ts';
import { updateLiveSessionGuide } from './commands/update-live-session-guide.ts';
import { updateLiveSession } from './commands/update-live-session.ts';
import {
  CreateLiveSessionBody,
  ExportQuery,
  Transcript,
  GuideSection,
  InviteToLiveSessionBody,
  LiveSession,
  LiveSessionList,
  LiveSessionParams,
  RespondToInvitationBody,
  UpdateLiveSessionBody,
  UpdateLiveSessionGuideBody,
} from './live.schemas.ts';
import { Type } from 'typebox';
import { liveMediaRoutes } from './live-media.routes.ts';
import { liveToolRoutes } from './live-tools.routes.ts';

/** Live sessions under `/api/v1/communities/:community/live-sessions`: sessions, guide, invitations. */
export const liveRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['live'];
  const base = '/communities/:community/live-sessions';
  // Stimulus files: their own plugin, where multipart bodies are accepted.
  await app.register(liveMediaRoutes, { kernel });
  // Probe library, guide files and transcript coding.
  await app.register(liveToolRoutes, { kernel });
  app.post(
    base,
    {
      schema: {
        operationId: 'createLiveSession',
        summary: 'Create a live session (community admins and moderators)',
        tags,
        params: CommunityParams,
        body: CreateLiveSessionBody,
        response: responses({ 201: LiveSession }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createLiveSession({
          ctx: ctxOf(kernel, request),
          community: request.params.community,
          input: request.body,
        }),
      ),
  );
  app.get(
    base,
    {
      schema: {
        operationId: 'listLiveSessions',
        summary: 'The live sessions the viewer runs, observes or is invited to',
        tags,
        params: CommunityParams,
        response: responses({ 200: LiveSessionList }),
      },
    },
    async (request) => listLiveSessions({ ctx: ctxOf(kernel, request), community: request.params.community }),
  );
  app.get(
    `${base}/:sessionId`,
    {
      schema: {
        operationId: 'getLiveSession',
        summary: 'A live session (staff see its staff, participants and guide)',
        tags,
        params: LiveSessionParams,
        response: responses({ 200: LiveSession }),
      },
    },
    async (request) => getLiveSession({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.patch(
    `${base}/:sessionId`,
    {
      schema: {
        operationId: 'updateLiveSession',
        summary: 'Change a session’s settings or staff, or cancel it (its moderators)',
        tags,
        params: LiveSessionParams,
        body: UpdateLiveSessionBody,
        response: responses({ 200: LiveSession }),
      },
    },
    async (request) =>
      updateLiveSession({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.put(
    `${base}/:sessionId/guide`,
    {
      schema: {
        operationId: 'updateLiveSessionGuide',
        summary: 'Replace the discussion guide: sections and items in order (its moderators)',
        tags,
        params: LiveSessionParams,
        body: UpdateLiveSessionGuideBody,
        response: responses({ 200: Type.Object({ sections: Type.Array(GuideSection) }) }),
      },
    },
    async (request) => ({
      sections: await updateLiveSessionGuide({
        ctx: ctxOf(kernel, request),
        ...request.params,
        input: request.body,
      }),
    }),
  );
  app.post(
    `${base}/:sessionId/invitations`,
    {
      schema: {
        operationId: 'inviteToLiveSession',
        summary: 'Invite members as participants, over-recruiting if needed (its moderators)',
        tags,
        params: LiveSessionParams,
        body: InviteToLiveSessionBody,
        response: responses({ 200: LiveSession }),
      },
    },
    async (request) =>
      inviteToLiveSession({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.put(
    `${base}/:sessionId/invitation`,
    {
      schema: {
        operationId: 'respondToLiveSessionInvitation',
        summary: 'Accept or decline one’s invitation (invited members)',
        tags,
        params: LiveSessionParams,
        body: RespondToInvitationBody,
        response: responses({ 200: LiveSession }),
      },
    },
    async (request) =>
      respondToLiveSessionInvitation({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    `${base}/:sessionId/transcript`,
    {
      schema: {
        operationId: 'getLiveSessionTranscript',
        summary: 'The transcript: room with guide markers, answers per question, backroom (staff)',
        tags,
        params: LiveSessionParams,
        response: responses({ 200: Transcript }),
      },
    },
    async (request) => getLiveSessionTranscript({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.get(
    `${base}/:sessionId/transcript/export`,
    {
      schema: {
        operationId: 'exportLiveSessionTranscript',
        summary: 'Download the transcript as CSV, Markdown or JSON (staff)',
        tags,
        params: LiveSessionParams,
        querystring: ExportQuery,
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) => {
      const file = await exportLiveSessionTranscript({
        ctx: ctxOf(kernel, request),
        ...request.params,
        query: request.query,
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
};
