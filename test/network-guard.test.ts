import net from 'node:net';
import { describe, expect, it } from 'vitest';

// The guard in test/setup.ts refuses before any packet leaves: these addresses are never contacted.
describe('the test network guard', () => {
  it('refuses raw connections and fetches beyond loopback', async () => {
    expect(() => net.connect(25, '192.0.2.1')).toThrow('Unexpected network connection to 192.0.2.1');
    expect(() => net.connect({ host: 'smtp.example.com', port: 587 })).toThrow(
      'Unexpected network connection',
    );
    await expect(fetch('https://example.com/')).rejects.toThrow('Unexpected network call');
  });

  it('lets loopback through', async () => {
    const server = net.createServer((socket) => socket.end('ok')).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as net.AddressInfo;
    const reply = await new Promise<string>((resolve) => {
      const client = net.connect(port, '127.0.0.1');
      client.on('data', (chunk) => resolve(chunk.toString()));
    });
    expect(reply).toBe('ok');
    server.close();
  });
});
