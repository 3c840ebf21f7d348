/** The first bytes of common audio and video containers: enough for sniffing by content. */
export const mediaHeaders = {
  mp4: () =>
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1')]),
  mov: () => Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from('ftypqt  \0\0\x02\0qt  ', 'latin1')]),
  m4a: () =>
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypM4A \0\0\x02\0M4A mp42', 'latin1')]),
  webm: () =>
    Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]),
      Buffer.from('B\x82\x84webm'),
    ]),
  oggVorbis: () =>
    Buffer.concat([Buffer.from('OggS\0\x02', 'latin1'), Buffer.alloc(22), Buffer.from('\x01vorbis')]),
  oggTheora: () =>
    Buffer.concat([Buffer.from('OggS\0\x02', 'latin1'), Buffer.alloc(22), Buffer.from('\x80theora')]),
  mp3: () => Buffer.concat([Buffer.from('ID3\x04\0\0\0\0\0\0', 'latin1'), Buffer.alloc(32)]),
  mp3Frame: () => Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0]),
  wav: () => {
    const wav = Buffer.alloc(44);
    wav.write('RIFF', 0, 'ascii');
    wav.write('WAVEfmt ', 8, 'ascii');
    return wav;
  },
  flac: () => Buffer.concat([Buffer.from('fLaC', 'ascii'), Buffer.alloc(38)]),
};
