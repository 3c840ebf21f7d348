import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { createProfileAttribute } from './commands/create-profile-attribute.ts';
import { createSegment } from './commands/create-segment.ts';
import { getMemberProfile } from './commands/get-member-profile.ts';
import { getSegmentSize, previewSegmentSize } from './commands/get-segment-size.ts';
import { listProfileAttributes } from './commands/list-profile-attributes.ts';
import { listSegments } from './commands/list-segments.ts';
import { updateMemberProfile } from './commands/update-member-profile.ts';
import {
  CreateAttributeBody,
  CreateSegmentBody,
  MemberProfile,
  PreviewSegmentBody,
  ProfileAttribute,
  ProfileAttributeList,
  ProfileParams,
  Segment,
  SegmentList,
  SegmentParams,
  SegmentSize,
  UpdateProfileBody,
} from './panel.schemas.ts';

/** The insight panel under `/api/v1/communities/:community/…`: profile attributes, profiles, segments. */
export const panelRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['panel'];
  app.get(
    '/communities/:community/profile-attributes',
    {
      schema: {
        operationId: 'listProfileAttributes',
        summary: 'The profile attributes the caller may see (staff all, observers observer-visible ones)',
        tags,
        params: CommunityParams,
        response: responses({ 200: ProfileAttributeList }),
      },
    },
    async (request) => listProfileAttributes({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    '/communities/:community/profile-attributes',
    {
      schema: {
        operationId: 'createProfileAttribute',
        summary: 'Define a profile attribute (staff)',
        tags,
        params: CommunityParams,
        body: CreateAttributeBody,
        response: responses({ 201: ProfileAttribute }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createProfileAttribute({
          ctx: ctxOf(kernel, request),
          ...request.params,
          input: request.body,
        }),
      ),
  );
  app.get(
    '/communities/:community/members/:memberId/profile',
    {
      schema: {
        operationId: 'getMemberProfile',
        summary: 'A member’s profile values the caller may read',
        tags,
        params: ProfileParams,
        response: responses({ 200: MemberProfile }),
      },
    },
    async (request) => getMemberProfile({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.put(
    '/communities/:community/members/:memberId/profile',
    {
      schema: {
        operationId: 'updateMemberProfile',
        summary: 'Set or clear profile values (the member their own, staff any)',
        tags,
        params: ProfileParams,
        body: UpdateProfileBody,
        response: responses({ 200: MemberProfile }),
      },
    },
    async (request) =>
      updateMemberProfile({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    '/communities/:community/segments',
    {
      schema: {
        operationId: 'listSegments',
        summary: 'The community’s segments with their live sizes (staff)',
        tags,
        params: CommunityParams,
        response: responses({ 200: SegmentList }),
      },
    },
    async (request) => listSegments({ ctx: ctxOf(kernel, request), ...request.params }),
  );
  app.post(
    '/communities/:community/segments',
    {
      schema: {
        operationId: 'createSegment',
        summary: 'Save a segment: a filter over attributes, status, role, joined date and activity (staff)',
        tags,
        params: CommunityParams,
        body: CreateSegmentBody,
        response: responses({ 201: Segment }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSegment({ ctx: ctxOf(kernel, request), ...request.params, input: request.body })),
  );
  app.post(
    '/communities/:community/segments/size',
    {
      schema: {
        operationId: 'previewSegmentSize',
        summary: 'Count the members of a filter being edited (staff)',
        tags,
        params: CommunityParams,
        body: PreviewSegmentBody,
        response: responses({ 200: SegmentSize }),
      },
    },
    async (request) =>
      previewSegmentSize({ ctx: ctxOf(kernel, request), ...request.params, input: request.body }),
  );
  app.get(
    '/communities/:community/segments/:segmentId/size',
    {
      schema: {
        operationId: 'getSegmentSize',
        summary: 'How many members a segment holds now (staff)',
        tags,
        params: SegmentParams,
        response: responses({ 200: SegmentSize }),
      },
    },
    async (request) => getSegmentSize({ ctx: ctxOf(kernel, request), ...request.params }),
  );
};
