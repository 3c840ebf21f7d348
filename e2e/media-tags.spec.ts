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

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(90) });

/** A tiny but real PNG (1×1, red). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

test('a question with tags and an image; a refused file; a draft that survives a reload; a quote', async ({
  page,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Entraide', slug: 'entraide', kind: 'questions' },
  });
  expect(board.status()).toBe(201);
  await signUpAndVerify(page, api, 'Nora', `${unique('media')}@example.test`, 'nora-password-2026-x');
  await joinCommunity(page, community.slug, unique('Nora_').slice(0, 30));

  // A file that is not an image, even named .png, is refused with a clear message; nothing is posted.
  await page.goto(`/c/${community.slug}/b/entraide`);
  await page.getByLabel('Titre').fill('Mon vélo ne se connecte plus au wifi');
  await page.getByLabel('Détails').fill('Depuis la mise à jour, plus de connexion.');
  await page.getByLabel('Étiquettes').fill('Réseau, WiFi');
  await page
    .getByLabel('Images')
    .setInputFiles({ name: 'capture.png', mimeType: 'image/png', buffer: Buffer.from('<html>nope</html>') });
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByText('Ce fichier n’est pas une image acceptée par Cercle')).toBeVisible();
  await expect(page.getByText('Aucun sujet ici pour l’instant', { exact: false })).toBeVisible();

  // With a real image it is posted: the image under the question, the tags linking to the filtered board.
  await page
    .getByLabel('Images')
    .setInputFiles({ name: 'ecran-wifi.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon vélo ne se connecte plus au wifi');
  const image = page.getByRole('img', { name: 'ecran wifi' });
  await expect(image).toBeVisible();
  const src = await image.getAttribute('src');
  const served = await page.request.get(src!);
  expect(served.headers()['content-type']).toBe('image/png');
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
  const topicUrl = page.url();

  // The draft of a reply survives a reload.
  await page.getByLabel('Votre réponse').fill('Un brouillon que je ne veux pas perdre.');
  await page.reload();
  await expect(page.getByLabel('Votre réponse')).toHaveValue('Un brouillon que je ne veux pas perdre.');
  await expect(page.getByText('Votre texte non envoyé a été restauré.')).toBeVisible();
  await page.getByLabel('Votre réponse').fill('');

  // Quoting the question fills the reply box with a Markdown quote.
  await page.getByRole('link', { name: 'Citer' }).first().click();
  await expect(page.getByLabel('Votre réponse')).toHaveValue(/^> Depuis la mise à jour, plus de connexion\./);
  await page.getByRole('button', { name: 'Répondre' }).click();
  await expect(page.locator('blockquote')).toContainText('Depuis la mise à jour');

  await expectAccessible(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page);

  // Without JavaScript, the "Quote" link makes the server pre-fill the reply box.
  const topicId = new URL(topicUrl).pathname.split('/').pop()!;
  await page.goto(`${topicUrl}?quote=${topicId}#reply-box`);
  await expect(page.getByLabel('Votre réponse')).toHaveValue(/^> Depuis la mise à jour/);
  await expect(page.getByText(/^Citation de Nora_/)).toBeVisible();

  // A tag leads to the board filtered by it.
  await page.goto(topicUrl);
  await page.getByRole('link', { name: '#reseau' }).click();
  await expect(page.getByText('Sujets avec l’étiquette « reseau »')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mon vélo ne se connecte plus au wifi' })).toBeVisible();
});
