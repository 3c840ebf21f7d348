import { expect, test } from '@playwright/test';
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
  joinCommunity,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(70) });

test('a failed trap question lowers a member’s reliability; staff see the factor, flag and rate the member', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const staffContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(71) });
  const staff = await staffContext.newPage();
  await staff.setViewportSize({ width: 390, height: 844 });
  await signIn(staff, ADMIN.email, ADMIN.password);

  // Staff build a survey whose second question is a trap ("choose Non").
  await staff.goto(`/c/${community.slug}/research/new`);
  await staff.getByLabel('Titre', { exact: true }).fill('Attention');
  const first = staff.getByRole('group', { name: 'Question 1', exact: true });
  await first.getByLabel(/^Question/).fill('Roulez-vous le week-end ?');
  await first.getByLabel(/Choix \(ou colonnes/).fill('Oui\nNon');
  const trap = staff.getByRole('group', { name: 'Question 2', exact: true });
  await trap.getByLabel(/^Question/).fill('Pour montrer que vous lisez, choisissez « Non ».');
  await trap.getByLabel(/Choix \(ou colonnes/).fill('Oui\nNon');
  await trap.getByLabel(/^Piège/).fill('Non');
  await staff.getByRole('button', { name: 'Créer' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Résultats : Attention');

  // Staff raise the review threshold so that one failed trap flags the member.
  await staff.goto(`/c/${community.slug}/research/panel`);
  await staff.getByLabel('Signaler pour examen sous ce score de fiabilité').fill('90');
  await staff.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(staff.getByRole('status')).toContainText('Réglages enregistrés.');

  // A member answers "Oui" to the trap.
  const pseudonym = unique('Rapide_').slice(0, 30);
  await signUpAndVerify(page, api, 'Rémi', `${unique('trap')}@example.test`, 'remi-password-2026-xy');
  await joinCommunity(page, community.slug, pseudonym);
  await page.goto(`/c/${community.slug}/research`);
  await page.getByRole('link', { name: 'Attention' }).click();
  await page
    .getByRole('group', { name: /Roulez-vous le week-end/ })
    .getByLabel('Oui')
    .check();
  await page
    .getByRole('group', { name: /Pour montrer que vous lisez/ })
    .getByLabel('Oui')
    .check();
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(page.getByRole('status')).toContainText('Merci, vos réponses sont envoyées.');

  // The score is recomputed by the outbox subscriber: the member appears among those to review.
  await expect(async () => {
    await staff.goto(`/c/${community.slug}/research/panel`);
    await expect(staff.getByRole('link', { name: pseudonym })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(staff);
  await expectNoHorizontalScroll(staff);
  await staff.getByRole('link', { name: pseudonym }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(`Fiabilité de ${pseudonym}`);
  const trapRow = staff.getByRole('row', { name: /Questions pièges ou répétées/ });
  await expect(trapRow).toContainText('1 sur 1');
  await expect(trapRow).toContainText(/[−-]15/);
  await expect(staff.getByText('Ce membre est signalé pour examen.')).toBeVisible();
  await expectAccessible(staff);
  await expectNoHorizontalScroll(staff);

  // Staff rate the member; the rating joins the score once dispatched.
  await staff.getByLabel('Votre note de la participation de ce membre').selectOption('2');
  await staff.getByLabel('Remarque').fill('Répond trop vite.');
  await staff.getByRole('button', { name: 'Noter' }).click();
  await expect(staff.getByRole('status')).toContainText('Note enregistrée.');
  await expect(async () => {
    await staff.reload();
    await expect(staff.getByRole('row', { name: /Notes des modérateurs/ })).toContainText(/[−-]10/, {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await staffContext.close();
});
