import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import {
  MediaFileResponses,
  multipartValidator,
  readMediaParts,
  sendMediaFile,
} from '../../platform/http/media-http.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { MAX_STIMULUS_MEDIA_BYTES } from '../../platform/storage/stimulus-file.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { getSurveyMedia } from './commands/get-survey-media.ts';
import { uploadSurveyMedia } from './commands/upload-survey-media.ts';
import { SurveyMedia } from './research.schemas.ts';

/** The multipart form of `uploadSurveyMedia` (documentation: the command checks the parts itself). */
const UploadSurveyMediaBody = Type.Object({
  file: Type.String({
    format: 'binary',
    description:
      'An image (PNG, JPEG, GIF, WebP; 5 MB), a video (MP4, MOV, WebM, Ogg) or a sound (MP3, M4A, Ogg, WAV, FLAC); 50 MB',
  }),
  alt: Type.Optional(Type.String({ maxLength: 200, description: 'Alt text (default: the file name)' })),
  logo: Type.Optional(Type.String({ enum: ['true', 'false'], description: 'Show the image as a logo' })),
  expect: Type.Optional(Type.String({ enum: ['image'], description: 'Refuse anything but an image' })),
});

const MediaParams = Type.Object({
  community: CommunityParams.properties.community,
  mediaId: Type.String({ format: 'uuid' }),
});

/**
 * Survey stimulus files under `/api/v1/communities/:community/survey-media`: the upload (research staff,
 * multipart) and the file itself, served to research staff, observers and whoever sees a survey showing it.
 */
export const researchMediaRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['research'];
  const base = '/communities/:community/survey-media';
  await app.register(multipart, {
    limits: { fileSize: MAX_STIMULUS_MEDIA_BYTES, files: 1, fields: 4, fieldSize: 1000, parts: 5 },
  });
  app.post(
    base,
    {
      schema: {
        operationId: 'uploadSurveyMedia',
        summary:
          'Upload a survey stimulus: an image, logo, video or sound (research staff; multipart/form-data)',
        tags,
        consumes: ['multipart/form-data'],
        params: CommunityParams,
        body: UploadSurveyMediaBody,
        response: responses({ 201: SurveyMedia }),
      },
      validatorCompiler: multipartValidator,
    },
    async (request, reply) => {
      const { file, fields } = await readMediaParts(request, {
        key: 'research.media.tooLarge',
        bytes: MAX_STIMULUS_MEDIA_BYTES,
      });
      const media = await uploadSurveyMedia({
        ctx: ctxOf(kernel, request),
        ...request.params,
        file,
        alt: fields.alt,
        logo: fields.logo === 'true',
        expect: fields.expect === 'image' ? 'image' : undefined,
      });
      return reply.status(201).send(media);
    },
  );
  app.get(
    `${base}/:mediaId`,
    {
      schema: {
        operationId: 'getSurveyMedia',
        summary: 'A survey stimulus file (research staff and observers; respondents of a survey showing it)',
        tags,
        params: MediaParams,
        response: responses(MediaFileResponses),
      },
    },
    async (request, reply) => {
      const media = await getSurveyMedia({ ctx: ctxOf(kernel, request), ...request.params });
      return sendMediaFile(kernel, request, reply, media);
    },
  );
};
