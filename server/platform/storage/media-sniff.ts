import { sniffImage } from './image-sniff.ts';

/** An accepted audio or video type, identified by content. */
export type AvContentType =
  | 'video/mp4'
  | 'video/webm'
  | 'video/ogg'
  | 'video/quicktime'
  | 'audio/mpeg'
  | 'audio/mp4'
  | 'audio/ogg'
  | 'audio/wav'
  | 'audio/webm'
  | 'audio/flac';

/** What the first bytes of a media file say it is. */
export interface SniffedMedia {
  kind: 'image' | 'video' | 'audio';
  contentType: string;
  width: number | null;
  height: number | null;
}

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((byte, i) => data[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const av = (kind: 'video' | 'audio', contentType: AvContentType): SniffedMedia => ({
  kind,
  contentType,
  width: null,
  height: null,
});

/** ISO base media (MP4, M4A, QuickTime): a `ftyp` box first; its major brand tells sound from video. */
function isoMedia(data: Buffer): SniffedMedia | null {
  if (!startsWith(data, ascii('ftyp'), 4) || data.length < 12) return null;
  const brand = data.toString('latin1', 8, 12);
  if (brand === 'qt  ') return av('video', 'video/quicktime');
  if (brand === 'M4A ' || brand === 'M4B ' || brand === 'F4A ') return av('audio', 'audio/mp4');
  return av('video', 'video/mp4');
}

/** Matroska/WebM (EBML header, `webm` doc type): an audio-only file cannot be told apart cheaply: video. */
function webm(data: Buffer): SniffedMedia | null {
  if (!startsWith(data, [0x1a, 0x45, 0xdf, 0xa3])) return null;
  const head = data.subarray(0, 64).toString('latin1');
  return head.includes('webm') ? av('video', 'video/webm') : null;
}

/** Ogg: Theora in the first page is a video, anything else (Vorbis, Opus, FLAC) a sound. */
function ogg(data: Buffer): SniffedMedia | null {
  if (!startsWith(data, ascii('OggS'))) return null;
  const head = data.subarray(0, 128).toString('latin1');
  return head.includes('theora') ? av('video', 'video/ogg') : av('audio', 'audio/ogg');
}

/** MP3: an ID3 tag, or an MPEG audio frame sync (11 bits set, layer III). */
function mp3(data: Buffer): SniffedMedia | null {
  if (startsWith(data, ascii('ID3'))) return av('audio', 'audio/mpeg');
  if (data.length >= 2 && data[0] === 0xff && (data[1] & 0xe0) === 0xe0 && (data[1] & 0x06) === 0x02)
    return av('audio', 'audio/mpeg');
  return null;
}

/**
 * Identifies a stimulus file by its content (magic bytes), never by its name or declared type: the
 * images `sniffImage` accepts, MP4/QuickTime, WebM and Ogg videos, MP3, M4A, Ogg, WAV and FLAC sounds.
 * Returns null for anything else.
 */
export function sniffMedia(data: Buffer): SniffedMedia | null {
  const image = sniffImage(data);
  if (image) return { kind: 'image', ...image };
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WAVE'), 8)) return av('audio', 'audio/wav');
  if (startsWith(data, ascii('fLaC'))) return av('audio', 'audio/flac');
  return isoMedia(data) ?? webm(data) ?? ogg(data) ?? mp3(data);
}
