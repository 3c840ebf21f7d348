import { describe, expect, it } from 'vitest';
import { tinyGif, tinyJpeg, tinyPng, tinyWebp } from '../../../test/image-fixtures.ts';
import { sniffImage } from './image-sniff.ts';

describe('sniffImage', () => {
  it('recognises PNG, JPEG, GIF and WebP by their content, with their size in pixels', () => {
    expect(sniffImage(tinyPng(640, 480))).toEqual({ contentType: 'image/png', width: 640, height: 480 });
    expect(sniffImage(tinyJpeg(1024, 768))).toEqual({ contentType: 'image/jpeg', width: 1024, height: 768 });
    expect(sniffImage(tinyGif(16, 9))).toEqual({ contentType: 'image/gif', width: 16, height: 9 });
    expect(sniffImage(tinyWebp(300, 200))).toEqual({ contentType: 'image/webp', width: 300, height: 200 });
  });

  it('reads the size of simple (VP8) and lossless (VP8L) WebP images', () => {
    const vp8 = Buffer.alloc(30);
    vp8.write('RIFF', 0, 'ascii');
    vp8.write('WEBP', 8, 'ascii');
    vp8.write('VP8 ', 12, 'ascii');
    vp8.writeUInt16LE(50, 26);
    vp8.writeUInt16LE(40, 28);
    expect(sniffImage(vp8)).toEqual({ contentType: 'image/webp', width: 50, height: 40 });
    const vp8l = Buffer.alloc(25);
    vp8l.write('RIFF', 0, 'ascii');
    vp8l.write('WEBP', 8, 'ascii');
    vp8l.write('VP8L', 12, 'ascii');
    vp8l[20] = 0x2f;
    vp8l.writeUInt32LE((20 - 1) | ((10 - 1) << 14), 21);
    expect(sniffImage(vp8l)).toEqual({ contentType: 'image/webp', width: 20, height: 10 });
  });

  it('keeps the type but no size when the header is cut short', () => {
    expect(sniffImage(tinyPng().subarray(0, 12))).toEqual({
      contentType: 'image/png',
      width: null,
      height: null,
    });
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      contentType: 'image/jpeg',
      width: null,
      height: null,
    });
  });

  it('refuses anything else, whatever its name would say', () => {
    for (const text of [
      '<!doctype html><script>alert(1)</script>',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0"?><svg/>',
      'just some text',
      '%PDF-1.7',
      'BM\u0000\u0000',
      '',
    ]) {
      expect(sniffImage(Buffer.from(text)), text).toBeNull();
    }
    // A RIFF file that is not WebP (a WAV sound).
    const wav = Buffer.alloc(16);
    wav.write('RIFF', 0, 'ascii');
    wav.write('WAVE', 8, 'ascii');
    expect(sniffImage(wav)).toBeNull();
  });
});
