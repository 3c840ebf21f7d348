import { createHash } from 'node:crypto';
import type { MessageKey } from '../../../common/i18n/index.ts';
import { AppError } from '../errors/app-error.ts';
import { type SniffedMedia, sniffMedia } from './media-sniff.ts';

/** The largest stimulus image or logo, in bytes. */
export const MAX_STIMULUS_IMAGE_BYTES = 5 * 1024 * 1024;
/** The largest stimulus video or sound, in bytes (the media tables' `bytes` checks say the same). */
export const MAX_STIMULUS_MEDIA_BYTES = 50 * 1024 * 1024;
const MB = 1024 * 1024;

/** The messages a stimulus upload is refused with (each area words them its own way). */
export interface StimulusFileMessages {
  missing: MessageKey;
  tooLarge: MessageKey;
  type: MessageKey;
  /** A logo (or a file that must be an image) that is a video or a sound. */
  notImage: MessageKey;
}

/**
 * Checks a stimulus file by its content (PNG, JPEG, GIF, WebP; MP4, QuickTime, WebM, Ogg; MP3, M4A, WAV,
 * FLAC), never by its name: present, at most 50 MB (images 5 MB), an image when `image` is asked (logos).
 * @throws AppError(validation_failed at /file with the area's message)
 */
export function checkStimulusFile(
  file: { data: Buffer; filename: string } | null,
  messages: StimulusFileMessages,
  image = false,
): SniffedMedia & { data: Buffer; filename: string } {
  if (!file || file.data.length === 0) throw AppError.field('/file', messages.missing);
  if (file.data.length > MAX_STIMULUS_MEDIA_BYTES)
    throw AppError.field('/file', messages.tooLarge, { limit: MAX_STIMULUS_MEDIA_BYTES / MB });
  const media = sniffMedia(file.data);
  if (!media) throw AppError.field('/file', messages.type);
  if (image && media.kind !== 'image') throw AppError.field('/file', messages.notImage);
  if (media.kind === 'image' && file.data.length > MAX_STIMULUS_IMAGE_BYTES)
    throw AppError.field('/file', 'validation.imageTooLarge', { limit: MAX_STIMULUS_IMAGE_BYTES / MB });
  return { ...media, data: file.data, filename: file.filename };
}

/** A stimulus's alt text: the one given, or the file's name without its folders and control characters. */
export function stimulusAlt(alt: string | undefined, filename: string): string {
  return (alt?.trim() || filename.replace(/^.*[\\/]/, '').replace(/\p{Cc}/gu, '')).slice(0, 200);
}

/**
 * The stored columns of a checked stimulus file: its kind (`logo` when asked for an image), sniffed type,
 * size, hash, pixel size and alt text.
 */
export function stimulusColumns(
  media: ReturnType<typeof checkStimulusFile>,
  alt: string | undefined,
  logo = false,
) {
  return {
    kind: logo ? ('logo' as const) : media.kind,
    content_type: media.contentType,
    bytes: media.data.length,
    sha256: createHash('sha256').update(media.data).digest('hex'),
    width: media.width,
    height: media.height,
    alt: stimulusAlt(alt, media.filename),
  };
}
