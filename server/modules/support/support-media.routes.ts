import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { responses } from '../../platform/http/schemas.ts';
import { ajvCoercing } from '../../platform/http/validation.ts';
import type { Kernel } from '../../platform/kernel.ts';
import { uploadStore } from '../../platform/storage/local-store.ts';
import { CommunityParams } from '../communities/communities.schemas.ts';
import { getUpload } from './commands/get-upload.ts';
import { listBoardContributors } from './commands/list-board-contributors.ts';
import { MAX_IMAGE_BYTES, uploadImage } from './commands/upload-image.ts';
import { BoardContributors, BoardParams, Image } from './support.schemas.ts';

/** The multipart form of `uploadImage` (documentation: the command validates the parts itself). */
const UploadImageBody = Type.Object({
  file: Type.String({ format: 'binary', description: 'A PNG, JPEG, GIF or WebP image, at most 5 MB' }),
  alt: Type.Optional(Type.String({ maxLength: 200, description: 'Alt text (default: the file name)' })),
});

/** Reads the multipart parts of an upload: the first file and an optional `alt` field. */
async function readUploadParts(parts: AsyncIterable<Multipart>) {
  let file: { data: Buffer; filename: string } | null = null;
  let alt: string | undefined;
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        if (file) {
          part.file.resume();
          continue;
        }
        file = { data: await part.toBuffer(), filename: part.filename };
      } else if (part.fieldname === 'alt' && typeof part.value === 'string') {
        alt = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw AppError.field('/file', 'validation.imageTooLarge', { limit: MAX_IMAGE_BYTES / 1024 / 1024 });
    throw error;
  }
  return { file, alt };
}

/** Images and board contributors under `/api/v1/communities/:community/…`. */
export const supportMediaRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  const tags = ['support'];
  // Multipart bodies for this plugin's routes only; the rest of the API speaks JSON.
  await app.register(multipart, {
    limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 2, fieldSize: 1000, parts: 3 },
  });
  app.post(
    '/communities/:community/uploads',
    {
      schema: {
        operationId: 'uploadImage',
        summary: 'Upload an image to attach to a new topic or reply (multipart/form-data)',
        tags,
        consumes: ['multipart/form-data'],
        params: CommunityParams,
        body: UploadImageBody,
        response: responses({ 201: Image }),
      },
      // The body is a stream of parts, read by the handler and checked by the command.
      validatorCompiler: ({ schema, httpPart }) =>
        httpPart === 'body' ? () => true : ajvCoercing.compile(schema),
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const { file, alt } = await readUploadParts(request.parts());
      const image = await uploadImage({
        ctx: ctxOf(kernel, request),
        community: request.params.community,
        file,
        alt,
      });
      return reply.status(201).send(image);
    },
  );
  app.get(
    '/communities/:community/boards/:board/contributors',
    {
      schema: {
        operationId: 'listBoardContributors',
        summary: 'A board’s experts and top contributors of the last 90 days',
        tags,
        params: BoardParams,
        response: responses({ 200: BoardContributors }),
      },
    },
    async (request) => listBoardContributors({ ctx: ctxOf(kernel, request), ...request.params }),
  );
};

/**
 * Serves uploaded images from `/uploads/:id`, apart from the app's pages: the sniffed type, `nosniff`,
 * inline, a sandboxing Content-Security-Policy, and a year of cache (an upload never changes) — shared
 * only when anonymous readers may see the image too. Images the viewer may not see are not found.
 */
export const uploadFileRoutes: FastifyPluginAsyncTypebox<{ kernel: Kernel }> = async (app, { kernel }) => {
  app.get(
    '/uploads/:uploadId',
    { schema: { hide: true, params: Type.Object({ uploadId: Type.String({ maxLength: 60 }) }) } },
    async (request, reply) => {
      const upload = await getUpload({ ctx: ctxOf(kernel, request), uploadId: request.params.uploadId });
      const etag = `"${upload.sha256}"`;
      reply
        .header('content-type', upload.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', `${upload.public ? 'public' : 'private'}, max-age=31536000, immutable`)
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.header('content-length', upload.bytes).send(uploadStore(kernel).open(upload.id));
    },
  );
};
