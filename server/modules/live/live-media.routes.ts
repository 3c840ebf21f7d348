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
import { getLiveMedia } from './commands/get-live-media.ts';
import { uploadLiveMedia } from './commands/upload-live-media.ts';
import { LiveMediaParams, LiveMediaSchema, LiveSessionParams } from './live.schemas.ts';

/** The multipart form of `uploadLiveSessionMedia` (documentation: the command checks the parts itself). */
const UploadLiveMediaBody = Type.Object({
  file: Type.String({
    format: 'binary',
    description:
      'An image (PNG, JPEG, GIF, WebP; 5 MB), a video (MP4, MOV, WebM, Ogg) or a sound (MP3, M4A, Ogg, WAV, FLAC); 50 MB',
  }),
  alt: Type.Optional(Type.String({ maxLength: 200, description: 'Alt text (default: the file name)' })),
  logo: Type.Optional(Type.String({ enum: ['true', 'false'], description: 'Show the image as a logo' })),
});

/**
 * A session's stimulus files under `/api/v1/communities/:community/live-sessions/:sessionId/media`: the
 * upload (moderators, multipart) and the file itself, served to the session's people only.
 */
export const liveMediaRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['live'];
  const base = '/communities/:community/live-sessions/:sessionId/media';
  await app.register(multipart, {
    limits: { fileSize: MAX_STIMULUS_MEDIA_BYTES, files: 1, fields: 3, fieldSize: 1000, parts: 4 },
  });
  app.post(
    base,
    {
      schema: {
        operationId: 'uploadLiveSessionMedia',
        summary: 'Upload a stimulus: an image, logo, video or sound (its moderators; multipart/form-data)',
        tags,
        consumes: ['multipart/form-data'],
        params: LiveSessionParams,
        body: UploadLiveMediaBody,
        response: responses({ 201: LiveMediaSchema }),
      },
      validatorCompiler: multipartValidator,
    },
    async (request, reply) => {
      const { file, fields } = await readMediaParts(request, {
        key: 'live.error.mediaTooLarge',
        bytes: MAX_STIMULUS_MEDIA_BYTES,
      });
      const media = await uploadLiveMedia({
        ctx: ctxOf(kernel, request),
        ...request.params,
        file,
        alt: fields.alt,
        logo: fields.logo === 'true',
      });
      return reply.status(201).send(media);
    },
  );
  app.get(
    `${base}/:mediaId`,
    {
      schema: {
        operationId: 'getLiveSessionMedia',
        summary: 'A stimulus file (the session’s staff; participants once it was shown)',
        tags,
        params: LiveMediaParams,
        response: responses(MediaFileResponses),
      },
    },
    async (request, reply) => {
      const media = await getLiveMedia({ ctx: ctxOf(kernel, request), ...request.params });
      return sendMediaFile(kernel, request, reply, media);
    },
  );
};
