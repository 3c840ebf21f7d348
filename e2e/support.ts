import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page, request } from '@playwright/test';

export const BASE = 'http://localhost:3210';
export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password' };

let counter = 0;
/** A unique suffix for emails, slugs and pseudonyms in this run. */
export function unique(prefix: string): string {
  counter++;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** A distinct client address per spec file or context (the e2e server trusts X-Forwarded-For). */
export function clientAddress(n: number): Record<string, string> {
  return { 'x-forwarded-for': `203.0.113.${n}` };
}

let admin: Promise<APIRequestContext> | null = null;
/** An API client signed in once as the platform admin (reads the email outbox, creates communities). */
export function adminApi(): Promise<APIRequestContext> {
  admin ??= (async () => {
    const api = await request.newContext({
      baseURL: BASE,
      extraHTTPHeaders: { origin: BASE, ...clientAddress(250) },
    });
    const res = await api.post('/api/auth/sign-in/email', { data: ADMIN });
    expect(res.status()).toBe(200);
    return api;
  })();
  return admin;
}

/** Creates a community through the API as the platform admin. */
export async function createCommunity(api: APIRequestContext, overrides: Record<string, unknown> = {}) {
  const slug = unique('e2e-');
  const res = await api.post('/api/v1/communities', {
    data: { name: `Communauté ${slug}`, slug, description: 'Une communauté de test.', ...overrides },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; slug: string; name: string };
}

/** Waits for the newest email to an address in the app's outbox and returns its first link. */
export async function linkFromOutbox(api: APIRequestContext, to: string, subject: RegExp): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const res = await api.get(`/api/v1/admin/mail?to=${encodeURIComponent(to)}`);
        const body = (await res.json()) as { items: { subject: string; text: string }[] };
        const mail = body.items.find((m) => subject.test(m.subject));
        link = mail?.text.match(/https?:\/\/\S+/)?.[0] ?? '';
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe('');
  return link;
}

/** Signs up through the browser, confirms the email from the outbox, and ends signed in. */
export async function signUpAndVerify(
  page: Page,
  api: APIRequestContext,
  name: string,
  email: string,
  password: string,
) {
  await page.goto('/signup');
  await page.getByLabel(/Votre nom|Your name/).fill(name);
  await page.getByLabel(/Adresse e-mail|Email address/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)/).fill(password);
  await page.getByLabel(/Confirmez le mot de passe|Confirm the password/).fill(password);
  await page.getByRole('button', { name: /Créer mon compte|Create my account/ }).click();
  await expect(page.getByRole('status')).toContainText(email);
  const link = await linkFromOutbox(api, email, /Confirmez|Confirm/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/verified/);
  await expect(page.getByRole('button', { name: /Se déconnecter|Sign out/ })).toBeVisible();
}

/** Signs in through the browser form. */
/** Joins an open community from its join page (French or English interface), and waits for the welcome. */
export async function joinCommunity(page: Page, slug: string, pseudonym: string) {
  await page.goto(`/c/${slug}/join`);
  await page.getByLabel(/^(Pseudonyme|Pseudonym)$/).fill(pseudonym);
  await page.getByRole('button', { name: /^(Rejoindre|Join)$/ }).click();
  await expect(page.getByRole('status')).toContainText(pseudonym);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel(/Adresse e-mail|Email address/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
  await expect(page.getByRole('button', { name: /Se déconnecter|Sign out/ })).toBeVisible();
}

/** Asserts that axe finds no WCAG 2.x level A or AA violation on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Asserts the page has no horizontal scrolling at its current (phone) width. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The platform admin signed in on a page of its own browser context (French, its own client address). */
export async function staffPage(browser: Browser, address: number) {
  const context = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(address) });
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  return { context, page };
}
