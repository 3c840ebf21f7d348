import type { ImageContentType } from '../db/schema.ts';

/** What the first bytes of a file say it is: one of the accepted image types, and its size in pixels. */
export interface SniffedImage {
  contentType: ImageContentType;
  width: number | null;
  height: number | null;
}

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((byte, i) => data[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const positive = (n: number) => (Number.isInteger(n) && n > 0 ? n : null);

function pngSize(data: Buffer): [number | null, number | null] {
  // The IHDR chunk always comes first: width and height as big-endian 32-bit integers.
  if (data.length < 24 || !startsWith(data, ascii('IHDR'), 12)) return [null, null];
  return [positive(data.readUInt32BE(16)), positive(data.readUInt32BE(20))];
}

function gifSize(data: Buffer): [number | null, number | null] {
  if (data.length < 10) return [null, null];
  return [positive(data.readUInt16LE(6)), positive(data.readUInt16LE(8))];
}

function jpegSize(data: Buffer): [number | null, number | null] {
  // Walk the segments up to a start-of-frame marker (SOF0–SOF15 except DHT, JPG and DAC).
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return [null, null];
    const marker = data[offset + 1];
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = data.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [positive(data.readUInt16BE(offset + 7)), positive(data.readUInt16BE(offset + 5))];
    }
    if (length < 2) return [null, null];
    offset += 2 + length;
  }
  return [null, null];
}

function webpSize(data: Buffer): [number | null, number | null] {
  if (startsWith(data, ascii('VP8 '), 12) && data.length >= 30) {
    return [positive(data.readUInt16LE(26) & 0x3fff), positive(data.readUInt16LE(28) & 0x3fff)];
  }
  if (startsWith(data, ascii('VP8L'), 12) && data.length >= 25 && data[20] === 0x2f) {
    const bits = data.readUInt32LE(21);
    return [(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1];
  }
  if (startsWith(data, ascii('VP8X'), 12) && data.length >= 30) {
    return [data.readUIntLE(24, 3) + 1, data.readUIntLE(27, 3) + 1];
  }
  return [null, null];
}

/**
 * Identifies an image by its content (magic bytes), never by its name or declared type: PNG, JPEG, GIF
 * and WebP only. Reads the width and height from the header when it can. Returns null for anything else
 * (HTML, SVG, text, PDF, another image format…).
 */
export function sniffImage(data: Buffer): SniffedImage | null {
  const make = (contentType: ImageContentType, [width, height]: [number | null, number | null]) => ({
    contentType,
    width,
    height,
  });
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return make('image/png', pngSize(data));
  if (startsWith(data, [0xff, 0xd8, 0xff])) return make('image/jpeg', jpegSize(data));
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a')))
    return make('image/gif', gifSize(data));
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8))
    return make('image/webp', webpSize(data));
  return null;
}
