import type { ReadStream } from 'node:fs';
import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import { ajvCoercing } from '../../platform/http/validation.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { uploadStore } from '../../platform/storage/local-store.ts';
import { getLiveMedia } from './commands/get-live-media.ts';
import { MAX_LIVE_MEDIA_BYTES, uploadLiveMedia } from './commands/upload-live-media.ts';
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

/** Reads a stimulus upload's parts: the first file, `alt` and `logo`. */
async function readMediaParts(parts: AsyncIterable<Multipart>) {
  let file: { data: Buffer; filename: string } | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        if (file) part.file.resume();
        else file = { data: await part.toBuffer(), filename: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw AppError.field('/file', 'live.error.mediaTooLarge', {
        limit: MAX_LIVE_MEDIA_BYTES / 1024 / 1024,
      });
    throw error;
  }
  return { file, alt: fields.alt, logo: fields.logo === 'true' };
}

/**
 * A session's stimulus files under `/api/v1/communities/:community/live-sessions/:sessionId/media`: the
 * upload (moderators, multipart) and the file itself, served to the session's people only.
 */
export const liveMediaRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['live'];
  const base = '/communities/:community/live-sessions/:sessionId/media';
  await app.register(multipart, {
    limits: { fileSize: MAX_LIVE_MEDIA_BYTES, files: 1, fields: 3, fieldSize: 1000, parts: 4 },
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
      validatorCompiler: ({ schema, httpPart }) =>
        httpPart === 'body' ? () => true : ajvCoercing.compile(schema),
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const parts = await readMediaParts(request.parts());
      const media = await uploadLiveMedia({ ctx: ctxOf(kernel, request), ...request.params, ...parts });
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
        response: responses({
          200: Type.Unsafe<ReadStream>({ type: 'string', format: 'binary' }),
          304: Type.Null(),
        }),
      },
    },
    async (request, reply) => {
      const media = await getLiveMedia({ ctx: ctxOf(kernel, request), ...request.params });
      const etag = `"${media.sha256}"`;
      reply
        .header('content-type', media.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=86400')
        .header('accept-ranges', 'none')
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return reply.header('content-length', media.bytes).send(uploadStore(kernel).open(media.id));
    },
  );
};
