import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  adminApi,
  clientAddress,
  createCommunity,
  expectAccessible,
  expectNoHorizontalScroll,
  signUpAndVerify,
  staffPage,
  unique,
  joinCommunity,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(60) });

test('staff build a survey, a member answers it after a required-answer error, staff read the chart and the CSV', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);

  // Staff (the platform admin) build the survey in the browser.
  const { context: staffContext, page: staff } = await staffPage(browser, 61);
  await staff.goto(`/c/${community.slug}/research`);
  await staff.getByRole('link', { name: 'Nouvelle enquête ou nouveau sondage' }).click();
  await staff.getByLabel('Titre', { exact: true }).fill('Votre vélo');
  const first = staff.getByRole('group', { name: 'Question 1', exact: true });
  await first.getByLabel(/^Question/).fill('Possédez-vous un de nos vélos ?');
  await first.getByLabel(/Choix \(ou colonnes/).fill('Oui\nNon');
  const second = staff.getByRole('group', { name: 'Question 2', exact: true });
  await second.getByLabel(/^Question/).fill('Qu’en pensez-vous ?');
  await second.getByLabel('Type').selectOption('text');
  await second.getByLabel('Réponse obligatoire').uncheck();
  await staff.getByRole('button', { name: 'Créer' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Résultats : Votre vélo');
  await expect(staff.getByText('Aucune réponse complète pour l’instant.')).toBeVisible();

  // A member answers: sending without the required answer shows the error next to the question.
  const email = `${unique('panel')}@example.test`;
  await signUpAndVerify(page, api, 'Léa', email, 'lea-password-2026-xy');
  await joinCommunity(page, community.slug, unique('Lea_').slice(0, 30));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/c/${community.slug}/research`);
  await page.getByRole('link', { name: 'Votre vélo' }).click();
  await expect(page.getByText('Page 1 sur 1')).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  const question = page.getByRole('group', { name: /Possédez-vous un de nos vélos/ });
  await expect(question.getByText('Ce champ est obligatoire.')).toBeVisible();
  await question.getByLabel('Oui').check();
  await page.getByLabel('Qu’en pensez-vous ?').fill('J’adore ce vélo, il est génial');
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(page.getByRole('status')).toContainText('Merci, vos réponses sont envoyées.');

  // Staff see the chart, the open answer with its sentiment, and download the CSV.
  await staff.reload();
  await expect(staff.getByRole('img', { name: /Oui 1, Non 0/ })).toBeVisible();
  await expect(staff.getByText('J’adore ce vélo, il est génial')).toBeVisible();
  await expect(staff.locator('.open-answers .badge--positive')).toHaveText('Positive');
  await expectAccessible(staff);
  const download = staff.waitForEvent('download');
  await staff.getByRole('link', { name: 'Télécharger les réponses (CSV)' }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  const [header, row] = csv.trim().split('\r\n');
  expect(header).toBe('response_id,respondent,completed_at,duration_seconds,q1,q2');
  expect(row).toContain(',o1,"J’adore ce vélo, il est génial"');
  await staffContext.close();
});
