import { expect, type Page, test } from '@playwright/test';
import { adminApi, clientAddress, createCommunity, signUpAndVerify, unique } from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(20) });

async function join(page: Page, slug: string, pseudonym: string) {
  await page.goto(`/c/${slug}/join`);
  await page.getByLabel('Pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('status')).toContainText(pseudonym);
}

test('a member asks, another answers, the asker accepts the answer and the question shows as solved', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Entraide technique', slug: 'entraide', kind: 'questions' },
  });
  expect(board.status()).toBe(201);

  const asker = unique('Asker_').slice(0, 30);
  await signUpAndVerify(page, api, 'Camille', `${unique('ask')}@example.test`, 'camille-password-2026');
  await join(page, community.slug, asker);
  await page.getByRole('link', { name: 'Entraide technique' }).click();
  await page.getByLabel('Titre').fill('Autonomie divisée par deux en hiver ?');
  await page
    .getByLabel('Détails')
    .fill('Ma batterie ne tient plus que 25 km. <script>alert(1)</script> Normal ?');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autonomie divisée par deux en hiver ?');
  await expect(page.locator('.post__body').first()).toContainText('<script>alert(1)</script>');
  const topicUrl = page.url();

  const helperContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(21) });
  const helperPage = await helperContext.newPage();
  const answerer = unique('Luc_').slice(0, 30);
  await signUpAndVerify(helperPage, api, 'Luc', `${unique('ans')}@example.test`, 'luc-password-2026-x');
  await join(helperPage, community.slug, answerer);
  await helperPage.goto(topicUrl);
  await helperPage
    .getByLabel('Votre réponse')
    .fill('C’est normal sous 5 °C : stockez la batterie **à l’intérieur**.');
  await helperPage.getByRole('button', { name: 'Répondre' }).click();
  await expect(helperPage.getByRole('article', { name: `par ${answerer}` })).toContainText(
    'stockez la batterie à l’intérieur',
  );
  await expect(helperPage.getByRole('button', { name: 'Accepter comme solution' })).toHaveCount(0);
  await helperContext.close();

  await page.goto(topicUrl);
  await page
    .getByRole('article', { name: `par ${answerer}` })
    .getByRole('button', { name: 'Donner un kudo' })
    .click();
  await expect(page.getByRole('status')).toHaveText('Kudo donné.');
  await page
    .getByRole('article', { name: `par ${answerer}` })
    .getByRole('button', { name: 'Accepter comme solution' })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Solutions acceptées' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Résolu');

  await page.getByRole('link', { name: 'Entraide technique' }).click();
  await page.getByRole('link', { name: 'Non résolus' }).click();
  await expect(page.getByText('Autonomie divisée par deux en hiver ?')).toHaveCount(0);
});
