import { describe, expect, it } from 'vitest';
import { tinyJpeg, tinyPng } from '../../../test/image-fixtures.ts';
import { mediaHeaders } from '../../../test/media-fixtures.ts';
import { sniffMedia } from './media-sniff.ts';

describe('sniffMedia', () => {
  it('recognises images as sniffImage does, with their size', () => {
    expect(sniffMedia(tinyPng(640, 480))).toEqual({
      kind: 'image',
      contentType: 'image/png',
      width: 640,
      height: 480,
    });
    expect(sniffMedia(tinyJpeg(10, 20))?.contentType).toBe('image/jpeg');
  });

  it('recognises video and sound containers by their magic bytes', () => {
    const cases: [keyof typeof mediaHeaders, string, string][] = [
      ['mp4', 'video', 'video/mp4'],
      ['mov', 'video', 'video/quicktime'],
      ['m4a', 'audio', 'audio/mp4'],
      ['webm', 'video', 'video/webm'],
      ['oggVorbis', 'audio', 'audio/ogg'],
      ['oggTheora', 'video', 'video/ogg'],
      ['mp3', 'audio', 'audio/mpeg'],
      ['mp3Frame', 'audio', 'audio/mpeg'],
      ['wav', 'audio', 'audio/wav'],
      ['flac', 'audio', 'audio/flac'],
    ];
    for (const [name, kind, contentType] of cases) {
      expect(sniffMedia(mediaHeaders[name]()), name).toEqual({
        kind,
        contentType,
        width: null,
        height: null,
      });
    }
  });

  it('refuses anything else, whatever its name would say', () => {
    for (const text of ['<!doctype html><video>', '<svg/>', '%PDF-1.7', 'just text', 'MZ\x90\0', '']) {
      expect(sniffMedia(Buffer.from(text)), text).toBeNull();
    }
    // A Matroska file that is not WebM, an AVI (RIFF but not WAVE).
    expect(
      sniffMedia(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('matroska')])),
    ).toBeNull();
    const avi = Buffer.alloc(16);
    avi.write('RIFF', 0, 'ascii');
    avi.write('AVI ', 8, 'ascii');
    expect(sniffMedia(avi)).toBeNull();
  });
});
