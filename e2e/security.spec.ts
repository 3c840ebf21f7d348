import { expect, test } from '@playwright/test';
import { BASE, clientAddress } from './support.ts';

test.use({ extraHTTPHeaders: clientAddress(99) });

// The spec has its own client address (X-Forwarded-For, trusted by the e2e server); the internal header
// that carries the address to better-auth is set by the server and cannot be chosen by the client.
test('web sign-in is rate limited per client address, and a client cannot pick its own address', async ({
  request,
}) => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const response = await request.post('/signin', {
      headers: { origin: BASE, 'x-cercle-client-ip': `198.51.100.${attempt + 1}`, 'accept-language': 'en' },
      form: { email: 'nobody@example.test', password: 'wrong-password-123' },
      maxRedirects: 0,
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);
  const page = await request.post('/signin', {
    headers: { origin: BASE, 'accept-language': 'en' },
    form: { email: 'nobody@example.test', password: 'wrong-password-123' },
  });
  expect(await page.text()).toContain('Too many attempts. Please wait a moment and try again.');
});

test('a form post declaring a body over the web limit is refused before it is read, in the reader’s language', async () => {
  const { request } = await import('node:http');
  const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const post = request(`${BASE}/signin`, {
      method: 'POST',
      headers: {
        origin: BASE,
        'accept-language': 'fr',
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(121 * 1024 * 1024),
        ...clientAddress(98),
      },
    });
    post.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    post.on('error', reject);
    post.write('email=a');
  });
  expect(answer.status).toBe(413);
  expect(answer.text).toContain('Ce que vous avez envoyé est trop volumineux.');
});
