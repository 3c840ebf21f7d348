import { expect, test } from '@playwright/test';
import {
  adminApi,
  clientAddress,
  createCommunity,
  expectAccessible,
  expectNoHorizontalScroll,
  signUpAndVerify,
  unique,
  joinCommunity,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(170) });

test('a reply appears live on the open topic, the header count follows, and one click unsubscribes from the emails', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Entraide', slug: 'entraide', kind: 'questions' },
  });
  expect(board.status()).toBe(201);

  const askerEmail = `${unique('notif-ask')}@example.test`;
  await signUpAndVerify(page, api, 'Camille', askerEmail, 'camille-password-2026');
  await joinCommunity(page, community.slug, unique('Asker_').slice(0, 30));
  await page.goto(`/c/${community.slug}/b/entraide`);
  await page.getByLabel('Titre').fill('Le chargeur clignote en orange');
  await page.getByLabel('Détails').fill('Que veut dire ce voyant ?');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le chargeur clignote en orange');
  const topicUrl = page.url();
  await page.reload();

  const helperContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(171) });
  const helper = await helperContext.newPage();
  const answerer = unique('Luc_').slice(0, 30);
  await signUpAndVerify(helper, api, 'Luc', `${unique('notif-ans')}@example.test`, 'luc-password-2026-x');
  await joinCommunity(helper, community.slug, answerer);
  await helper.goto(topicUrl);
  await helper.getByLabel('Votre réponse').fill('Orange : la batterie est **trop froide**.');
  await helper.getByRole('button', { name: 'Répondre' }).click();
  await expect(helper.getByRole('article', { name: `par ${answerer}` })).toBeVisible();
  await helperContext.close();

  // Without reloading: the reply shows up, announced politely, and the header counts one unread.
  await expect(page.getByRole('article', { name: `par ${answerer}` })).toContainText('trop froide');
  await expect(page.getByText('1 nouvelle réponse')).toBeAttached();
  await expect(page.getByRole('link', { name: /Notifications.*1 notification non lue/ })).toBeVisible();

  await page.getByRole('link', { name: /Notifications/ }).click();
  await expect(
    page.getByRole('link', { name: `${answerer} a répondu dans « Le chargeur clignote en orange »` }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(page.getByText('0 notification non lue')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  // The reply's email carries a one-click unsubscribe link: a visitor confirms, nothing changes on GET.
  let unsubscribeUrl = '';
  await expect
    .poll(async () => {
      const res = await api.get(`/api/v1/admin/mail?to=${encodeURIComponent(askerEmail)}`);
      const mails = ((await res.json()) as { items: { subject: string; text: string }[] }).items;
      const mail = mails.find((m) => m.subject.startsWith('Nouvelle réponse'));
      unsubscribeUrl = mail?.text.match(/https?:\/\/\S+\/unsubscribe\/\S+/)?.[0] ?? '';
      return unsubscribeUrl;
    })
    .not.toBe('');
  const visitor = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(172) });
  const anonymous = await visitor.newPage();
  await anonymous.goto(unsubscribeUrl);
  await expect(
    anonymous.getByText('Ne plus recevoir ces e-mails : Les réponses dans les sujets que je suis ?'),
  ).toBeVisible();
  await anonymous.getByRole('button', { name: 'Se désabonner' }).click();
  await expect(anonymous.getByRole('status')).toContainText('vous ne recevrez plus ces e-mails');
  // A mail client's RFC 8058 one-click POST: no cookie, no Origin, just the form field. Idempotent.
  const oneClick = await anonymous.request.post(unsubscribeUrl, {
    form: { 'List-Unsubscribe': 'One-Click' },
    headers: { cookie: '' },
  });
  expect(oneClick.status()).toBe(200);
  await visitor.close();

  await page.reload();
  await expect(page.getByLabel('Les réponses dans les sujets que je suis')).not.toBeChecked();
  await expect(page.getByLabel('Les mentions de mon pseudonyme')).toBeChecked();
});

test('following a board works without JavaScript', async ({ browser }) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Annonces produit', slug: 'produit', kind: 'discussions' },
  });
  expect(board.status()).toBe(201);
  const context = await browser.newContext({
    locale: 'fr-FR',
    javaScriptEnabled: false,
    extraHTTPHeaders: clientAddress(173),
  });
  const page = await context.newPage();
  await signUpAndVerify(page, api, 'Inès', `${unique('notif-board')}@example.test`, 'ines-password-2026-x');
  await joinCommunity(page, community.slug, unique('Ines_').slice(0, 30));
  await page.goto(`/c/${community.slug}/b/produit`);
  await page.getByRole('button', { name: 'Suivre cet espace' }).click();
  await expect(
    page.getByText('Vous suivez cet espace : les nouveaux sujets vous sont notifiés.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Ne plus suivre cet espace' }).click();
  await expect(page.getByRole('button', { name: 'Suivre cet espace' })).toBeVisible();
  await context.close();
});
