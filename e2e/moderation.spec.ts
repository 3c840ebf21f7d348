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

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(181) });

test('a member reports a post, a moderator hides it from the queue, and newcomers’ posts wait for approval, without JavaScript for staff', async ({
  page,
  browser,
}) => {
  // Three people and a dozen pages: a long journey.
  test.slow();
  const api = await adminApi();
  const community = await createCommunity(api);
  const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Aide', slug: 'aide', kind: 'questions' },
  });
  expect(board.status()).toBe(201);

  // A member asks a question.
  await signUpAndVerify(page, api, 'Nora', `${unique('mod')}@example.test`, 'nora-password-2026-x');
  await joinCommunity(page, community.slug, unique('Nora_').slice(0, 30));
  await page.goto(`/c/${community.slug}/b/aide`);
  await page.getByLabel('Titre').fill('Achetez des vélos pas chers ici');
  await page.getByLabel('Détails').fill('Promotions incroyables sur example.test');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Achetez des vélos pas chers ici');
  const topicUrl = page.url();

  // Another member reports it: "Autre" needs details.
  const reporterContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(182) });
  const reporter = await reporterContext.newPage();
  const reporterName = unique('Paul_').slice(0, 30);
  await signUpAndVerify(reporter, api, 'Paul', `${unique('rep')}@example.test`, 'paul-password-2026-x');
  await joinCommunity(reporter, community.slug, reporterName);
  await reporter.goto(topicUrl);
  await reporter.setViewportSize({ width: 360, height: 800 });
  await reporter.locator('summary', { hasText: 'Signaler' }).first().click();
  await reporter.getByLabel('Motif').selectOption('other');
  await reporter.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(
    reporter.getByText('Dites en quelques mots ce qui ne va pas quand vous choisissez « Autre ».'),
  ).toBeVisible();
  await expectNoHorizontalScroll(reporter);
  await expectAccessible(reporter);
  await reporter.getByLabel('Précisions').fill('Publicité déguisée');
  await reporter.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(reporter.getByRole('status')).toHaveText('Merci. Les modérateurs vont examiner ce message.');

  // The platform admin works the queue and the settings with plain forms.
  const staffContext = await browser.newContext({
    locale: 'fr-FR',
    javaScriptEnabled: false,
    extraHTTPHeaders: clientAddress(183),
  });
  const staff = await staffContext.newPage();
  await signIn(staff, ADMIN.email, ADMIN.password);
  await staff.goto(`/c/${community.slug}`);
  await staff.getByRole('link', { name: 'Modération' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('File de modération');
  const item = staff.getByRole('listitem').filter({ hasText: 'Achetez des vélos' });
  await expect(item).toContainText('1 signalement');
  await expect(item).toContainText('Autre');
  await expect(item).toContainText('Publicité déguisée');
  await expect(item).toContainText(`Signalé par ${reporterName}`);
  await staff.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(staff);
  // axe needs JavaScript: check the same pages in a second, scripted session of the same account.
  const auditContext = await browser.newContext({
    locale: 'fr-FR',
    storageState: await staffContext.storageState(),
    extraHTTPHeaders: clientAddress(183),
  });
  const audit = await auditContext.newPage();
  await audit.goto(`/c/${community.slug}/moderation`);
  await expect(audit.getByText('Publicité déguisée')).toBeVisible();
  await expectAccessible(audit);
  await item.getByRole('button', { name: 'Masquer' }).click();
  await expect(staff.getByRole('status')).toHaveText('Le message est masqué.');
  // "Tout" keeps hidden posts, now offering to delete or restore them; "Signalés" no longer lists it.
  await expect(item).toContainText('Masqué');
  await expect(item.getByRole('button', { name: 'Masquer' })).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Rétablir' })).toBeVisible();
  await staff.getByRole('link', { name: 'Signalés' }).click();
  await expect(staff.getByText('Rien à examiner ici.')).toBeVisible();
  await staff.getByRole('link', { name: 'Masqués' }).click();
  await expect(staff.getByRole('listitem').filter({ hasText: 'Achetez des vélos' })).toContainText('Masqué');
  await reporter.goto(topicUrl);
  await expect(reporter.getByRole('heading', { level: 1 })).not.toHaveText('Achetez des vélos pas chers ici');

  await staff.goto(`/c/${community.slug}/settings`);
  await staff.getByLabel('Messages en rafale').fill('0');
  await staff.getByRole('button', { name: 'Enregistrer les réglages de l’entraide' }).click();
  await expect(staff.getByText('Au moins 1.')).toBeVisible();
  await expect(staff.getByLabel('Messages en rafale')).toHaveValue('0');
  await staff.getByLabel('Messages en rafale').fill('5');
  await staff.getByLabel('Soumettre les messages des nouveaux venus à la modération').check();
  await staff.getByLabel('Coût d’un contact au support').fill('12,50');
  await staff.getByRole('button', { name: 'Enregistrer les réglages de l’entraide' }).click();
  await expect(staff.getByRole('status')).toHaveText('Réglages de l’entraide enregistrés.');
  await expect(staff.getByLabel('Coût d’un contact au support')).toHaveValue('12.50');
  await audit.goto(`/c/${community.slug}/settings`);
  await expect(audit.getByLabel('Soumettre les messages des nouveaux venus à la modération')).toBeChecked();
  await expectAccessible(audit);
  await auditContext.close();

  // The newcomer's next question waits, marked as such for its author, until a moderator approves it.
  await reporter.goto(`/c/${community.slug}/b/aide`);
  await reporter.getByLabel('Titre').fill('Quelle pression pour mes pneus ?');
  await reporter.getByLabel('Détails').fill('Je roule en ville.');
  await reporter.getByRole('button', { name: 'Publier' }).click();
  await expect(
    reporter.getByText('Votre message attend la validation d’un modérateur.').first(),
  ).toBeVisible();
  await staff.goto(`/c/${community.slug}/moderation?filter=pending`);
  const pending = staff.getByRole('listitem').filter({ hasText: 'Quelle pression pour mes pneus ?' });
  await expect(pending).toContainText('En attente');
  await pending.getByRole('button', { name: 'Approuver' }).click();
  await expect(staff.getByRole('status')).toHaveText('Le message est publié.');
  await expect(staff.getByText('Rien à examiner ici.')).toBeVisible();
  await staffContext.close();
  await reporterContext.close();
});
