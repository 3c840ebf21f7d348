import type { ReadStream } from 'node:fs';
import type { Multipart } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { Type } from 'typebox';
import type { MessageKey } from '../../../common/i18n/index.ts';
import { AppError } from '../errors/app-error.ts';
import type { Kernel } from '../kernel.ts';
import { ajvCoercing } from './validation.ts';
import { uploadStore } from '../storage/local-store.ts';

/** A stimulus media file as the API shows it: its URL, kind, sniffed type, alt text and pixel size. */
export const MediaFileSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([
    Type.Literal('image'),
    Type.Literal('logo'),
    Type.Literal('video'),
    Type.Literal('audio'),
  ]),
  url: Type.String(),
  contentType: Type.String(),
  alt: Type.String(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
});

/** The response schemas of a route serving a stored media file (the bytes, or 304 when unchanged). */
export const MediaFileResponses = {
  200: Type.Unsafe<ReadStream>({ type: 'string', format: 'binary' }),
  304: Type.Null(),
};

/** A route's validator for multipart uploads: the body is a stream the handler reads, the rest is checked. */
export const multipartValidator: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  httpPart === 'body' ? () => true : ajvCoercing.compile(schema as object);

/**
 * Reads a media upload's multipart parts: the first file (others are drained) and the text fields. A file
 * over the plugin's size limit is refused on /file with `tooLarge` ({{limit}} MB).
 * @throws AppError(unsupported_media_type: not multipart | validation_failed at /file)
 */
export async function readMediaParts(
  request: FastifyRequest,
  tooLarge: { key: MessageKey; bytes: number },
): Promise<{ file: { data: Buffer; filename: string } | null; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const parts: AsyncIterable<Multipart> = request.parts();
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
      throw AppError.field('/file', tooLarge.key, { limit: tooLarge.bytes / 1024 / 1024 });
    throw error;
  }
  return { file, fields };
}

/**
 * Sends a stored media file apart from the app's pages: its sniffed type, `nosniff`, inline, a sandboxing
 * Content-Security-Policy, a private day of cache and its hash as ETag (304 when the client has it).
 */
export function sendMediaFile(
  kernel: Kernel,
  request: FastifyRequest,
  reply: FastifyReply,
  media: { id: string; sha256: string; content_type: string; bytes: number },
) {
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
}
