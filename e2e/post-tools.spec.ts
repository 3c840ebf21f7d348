import { expect, type Page, test } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  clientAddress,
  createCommunity,
  expectAccessible,
  expectNoHorizontalScroll,
  signIn,
  signUpAndVerify,
  unique,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(141) });

async function ask(page: Page, slug: string, title: string, body: string) {
  await page.goto(`/c/${slug}/b/aide`);
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Détails').fill(body);
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return page.url();
}

test('an author edits a question and everyone sees its history; a moderator locks, pins, moves and merges without JavaScript', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  for (const [title, slug] of [
    ['Aide', 'aide'],
    ['Archives', 'archives'],
  ]) {
    const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
      data: { title, slug, kind: 'questions' },
    });
    expect(board.status()).toBe(201);
  }

  // A member asks two questions and edits the first one.
  await signUpAndVerify(page, api, 'Inès', `${unique('edit')}@example.test`, 'ines-password-2026-x');
  await page.goto(`/c/${community.slug}/join`);
  const pseudonym = unique('Ines_').slice(0, 30);
  await page.getByLabel('Pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  // Wait for the membership before leaving the page (a navigation would cancel the join).
  await expect(page.getByRole('status')).toContainText(pseudonym);
  const first = await ask(page, community.slug, 'Le vélo ne démarre plus', 'Il clignote.\nRouge.');
  const second = await ask(page, community.slug, 'Voyant rouge au démarrage', 'Même souci chez moi.');

  await page.goto(first);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('summary', { hasText: 'Modifier' }).first().click();
  await expectNoHorizontalScroll(page);
  await page.getByLabel('Titre').fill('   ');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByText('Au moins 5 caractères.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le vélo ne démarre plus');

  await page.getByLabel('Titre').fill('Le vélo ne démarre plus après la pluie');
  await page.getByLabel('Détails').fill('Il clignote.\nOrange.');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByRole('status')).toHaveText('Modifications enregistrées.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('après la pluie');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'modifié' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Historique des modifications de « Le vélo ne démarre plus après la pluie »',
  );
  await expect(page.getByText('Titre avant : Le vélo ne démarre plus', { exact: true })).toBeVisible();
  await expect(page.locator('.diff del')).toHaveText(['Ligne retirée : − Rouge.']);
  await expect(page.locator('.diff ins')).toHaveText(['Ligne ajoutée : + Orange.']);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);

  // A platform admin moderates with plain forms: no JavaScript at all.
  const staff = await browser.newContext({
    locale: 'fr-FR',
    javaScriptEnabled: false,
    extraHTTPHeaders: clientAddress(142),
  });
  const mod = await staff.newPage();
  await signIn(mod, ADMIN.email, ADMIN.password);
  await mod.goto(second);
  const tools = mod.locator('summary', { hasText: 'Outils de modération' });
  await tools.click();
  await mod.getByRole('button', { name: 'Verrouiller le sujet' }).click();
  await expect(mod.getByRole('status')).toHaveText('Sujet verrouillé.');
  await expect(mod.getByRole('heading', { level: 1 })).toContainText('Verrouillé');
  await tools.click();
  await mod.getByRole('button', { name: 'Épingler le sujet' }).click();
  await expect(mod.getByRole('status')).toHaveText('Sujet épinglé.');
  await tools.click();
  await mod.getByLabel('Forum').selectOption({ label: 'Archives' });
  await mod.getByRole('button', { name: 'Déplacer' }).click();
  await expect(mod.getByRole('status')).toHaveText('Sujet déplacé.');
  await expect(mod.getByRole('link', { name: 'Archives' }).first()).toBeVisible();

  await tools.click();
  await mod.getByLabel('Fusionner dans le sujet').fill('pas une adresse');
  await mod.getByRole('button', { name: 'Fusionner' }).click();
  await expect(mod.getByText('Collez l’adresse ou l’identifiant d’un sujet.').first()).toBeVisible();
  await mod.getByLabel('Fusionner dans le sujet').fill(first);
  await mod.getByRole('button', { name: 'Fusionner' }).click();
  await expect(mod).toHaveURL(first);
  await expect(mod.locator('.post__body', { hasText: 'Même souci chez moi.' })).toBeVisible();

  // The merged question now leads to the one it was merged into, for everyone.
  await page.goto(second);
  await expect(page).toHaveURL(first);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('après la pluie');

  // The moderator deletes the merged post; members no longer see it.
  const merged = mod.locator('article.post', { hasText: 'Même souci chez moi.' });
  await merged.locator('summary', { hasText: 'Supprimer' }).click();
  await merged.getByRole('button', { name: 'Oui, supprimer' }).click();
  await expect(mod.getByRole('status')).toHaveText('Réponse supprimée.');
  await page.reload();
  await expect(page.getByText('Même souci chez moi.')).toHaveCount(0);
  await staff.close();
});
