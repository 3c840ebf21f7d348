import { expect, test } from '@playwright/test';
import {
  adminApi,
  clientAddress,
  createCommunity,
  expectAccessible,
  expectNoHorizontalScroll,
  signIn,
  signUpAndVerify,
  unique,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(10) });

test('a visitor signs up, confirms the email from the outbox, joins under a pseudonym and is refused a staff page', async ({
  page,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const email = `${unique('camille')}@example.test`;
  await signUpAndVerify(page, api, 'Camille Robert', email, 'velo-electrique-2026');

  await page.goto(`/c/${community.slug}`);
  await page.getByRole('link', { name: 'Rejoindre cette communauté' }).click();
  const pseudonym = unique('Camille_');
  const field = page.getByLabel('Pseudonyme');
  await field.fill(pseudonym.slice(0, 30));
  await expect(page.getByText('Disponible')).toBeVisible();
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('status')).toContainText(
    `Vous êtes membre sous le pseudonyme ${pseudonym.slice(0, 30)}`,
  );

  // A member is refused the staff pages.
  const response = await page.goto(`/c/${community.slug}/settings`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('alert')).toHaveText('Vous n’avez pas le droit de faire cela.');
});

test('a taken pseudonym is refused in the user’s language and nothing is lost', async ({ page }) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const first = `${unique('a')}@example.test`;
  await signUpAndVerify(page, api, 'Alice', first, 'alice-password-2026');
  await page.goto(`/c/${community.slug}/join`);
  await page.getByLabel('Pseudonyme').fill('Éloïse');
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('status')).toContainText('Éloïse');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  const second = `${unique('b')}@example.test`;
  await signUpAndVerify(page, api, 'Bruno', second, 'bruno-password-2026');
  await page.goto(`/c/${community.slug}/join`);
  await page.getByLabel('Pseudonyme').fill('eloise');
  await expect(page.getByText('Déjà pris')).toBeVisible();
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByText('Ce pseudonyme est déjà pris dans cette communauté.')).toBeVisible();
  await expect(page.getByLabel('Pseudonyme')).toHaveAttribute('aria-invalid', 'true');
});

test('the language switch changes every page and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Communautés');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Communities');
  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your account');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('alert')).toHaveText('Some fields need your attention.');
  await page.getByRole('button', { name: /Français/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer votre compte');
});

test('forms work before JavaScript loads', async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'en-US',
    extraHTTPHeaders: clientAddress(11),
  });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Email address').fill('nobody@example.test');
  await page.getByLabel('Password').fill('wrong-password-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await context.close();
});

test('staff change a role, read an identity, and the read is in the access log', async ({ page }) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const email = `${unique('member')}@example.test`;
  await signUpAndVerify(page, api, 'Marc Lefèvre', email, 'marc-password-2026');
  await page.goto(`/c/${community.slug}/join`);
  const pseudonym = unique('Marc.').slice(0, 30);
  await page.getByLabel('Pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('status')).toContainText(pseudonym);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  await signIn(page, 'admin@e2e.test', 'e2e-admin-password');
  await page.goto(`/c/${community.slug}/members`);
  await page.getByLabel(`Changer le rôle (${pseudonym})`).selectOption('expert');
  await page
    .getByRole('row', { name: new RegExp(pseudonym) })
    .getByRole('button', { name: 'Enregistrer' })
    .click();
  await expect(page.getByRole('status')).toHaveText(`${pseudonym} a désormais le rôle Expert.`);

  await page.getByRole('link', { name: pseudonym, exact: true }).click();
  await page.getByRole('button', { name: 'Voir l’identité' }).click();
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole('link', { name: 'Journal des accès' }).click();
  await expect(page.getByRole('row', { name: new RegExp(pseudonym) })).toContainText(
    'Nom, E-mail, Téléphone · profil consulté',
  );
});

test('pages have no WCAG A/AA violations and fit a 360 px phone', async ({ page }) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [
    '/',
    '/signin',
    '/signup',
    '/forgot-password',
    '/magic-link',
    `/c/${community.slug}`,
    `/c/${community.slug}/join`,
  ]) {
    await page.goto(path);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
  }
  await signIn(page, 'admin@e2e.test', 'e2e-admin-password');
  for (const path of [
    `/c/${community.slug}/settings`,
    `/c/${community.slug}/members`,
    `/c/${community.slug}/access-log`,
    '/admin/outbox',
    '/admin/communities/new',
  ]) {
    await page.goto(path);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
  }
});

test('a person can sign in with the keyboard alone', async ({ page }) => {
  await page.goto('/signin');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.getByLabel('Adresse e-mail').focus();
  await page.keyboard.type('admin@e2e.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type('e2e-admin-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
});

test('a platform admin creates a community and edits its settings with validation in French', async ({
  page,
}) => {
  await signIn(page, 'admin@e2e.test', 'e2e-admin-password');
  await page.goto('/admin/communities/new');
  await page.getByLabel('Nom', { exact: true }).fill('X');
  await page.getByLabel('Adresse', { exact: true }).fill('Pas Valide');
  await page.getByRole('button', { name: 'Créer la communauté' }).click();
  await expect(page.getByText('Au moins 2 caractères.')).toBeVisible();
  await expect(page.getByText('Lettres minuscules, chiffres et tirets (3 à 40 caractères).')).toBeVisible();
  const slug = unique('maison-');
  await page.getByLabel('Nom', { exact: true }).fill('Maison Lumière');
  await page.getByLabel('Adresse', { exact: true }).fill(slug);
  await page.getByRole('button', { name: 'Créer la communauté' }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maison Lumière');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Description').fill('Luminaires fabriqués en France.');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Paramètres enregistrés.');
});

test('staff invite someone to an invitation-only community and the link lets them join once', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api, { joinPolicy: 'invitation' });
  await signIn(page, 'admin@e2e.test', 'e2e-admin-password');
  await page.goto(`/c/${community.slug}/members`);
  await page.getByRole('button', { name: 'Créer le lien d’invitation' }).click();
  const link = (await page.locator('.invite-link').textContent())!.trim();
  expect(link).toContain(`/c/${community.slug}/join?code=`);

  const guest = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(12) });
  const guestPage = await guest.newPage();
  const email = `${unique('invite')}@example.test`;
  await signUpAndVerify(guestPage, api, 'Inès Benali', email, 'ines-password-2026');
  await guestPage.goto(link);
  await expect(guestPage.getByLabel('Code d’invitation')).not.toHaveValue('');
  await guestPage.getByLabel('Pseudonyme').fill(unique('Ines_').slice(0, 30));
  await guestPage.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(guestPage.getByRole('status')).toContainText('Vous êtes membre');
  await guest.close();
});

test('a cross-site form post is refused and changes nothing', async ({ request }) => {
  const response = await request.post('/signin', {
    headers: { origin: 'https://evil.example' },
    form: { email: 'admin@e2e.test', password: 'e2e-admin-password' },
  });
  expect(response.status()).toBe(403);
  expect(response.headers()['set-cookie']).toBeUndefined();
});
