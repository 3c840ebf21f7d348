import { afterAll } from 'vitest';
import { closeTestKernel } from './helpers.ts';

// Unexpected network calls fail the test: only loopback (the app, PostgreSQL, Redis) is allowed.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`Unexpected network call to ${url.href} in a test`);
  }
  return realFetch(input, init);
};

afterAll(async () => {
  await closeTestKernel();
});
