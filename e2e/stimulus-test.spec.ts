import { deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { pngChunk } from '../test/image-fixtures.ts';
import {
  ADMIN,
  adminApi,
  clientAddress,
  createCommunity,
  expectAccessible,
  expectNoHorizontalScroll,
  joinCommunity,
  signIn,
  signUpAndVerify,
  staffPage,
  unique,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(120) });

/** A real, decodable PNG of one colour (RGB, no filter), so the browser draws it at its size. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3])]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = (name: string, colour: [number, number, number]) => ({
  name,
  mimeType: 'image/png',
  buffer: solidPng(320, 200, colour),
});

test('staff build a stimulus test with an image, a member marks it by keyboard and picks a variant, staff see the heat map and the shares', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);

  // Staff build the test in the browser: a "click where you like" question on a packshot, a preference.
  const { context: staffContext, page: staff } = await staffPage(browser, 121);
  await staff.goto(`/c/${community.slug}/research/new`);
  await staff.getByLabel('Titre', { exact: true }).fill('Test du nouvel emballage');
  const first = staff.getByRole('group', { name: 'Question 1', exact: true });
  await first.getByLabel(/^Question/).fill('Où aimez-vous ou n’aimez-vous pas l’emballage ?');
  await first.getByLabel('Type').selectOption('hotspot');
  await first.getByLabel(/^Fichier de stimulus/).setInputFiles(png('emballage.png', [40, 120, 200]));
  await first.getByLabel(/^Légende/).fill('Le nouvel emballage, face avant');
  await first.getByLabel(/^Maximum/).fill('3');
  const second = staff.getByRole('group', { name: 'Question 2', exact: true });
  await second.getByLabel(/^Question/).fill('Quelle étiquette préférez-vous ?');
  await second.getByLabel('Type').selectOption('preference');
  await second.getByLabel(/Choix \(ou colonnes/).fill('Étiquette verte\nÉtiquette bleue');
  // A mistake first: variant B is missing; the error comes next to its field and the files already sent stay.
  await second.getByLabel(/^Variante A/).setInputFiles(png('verte.png', [40, 160, 60]));
  await staff.getByRole('button', { name: 'Créer' }).click();
  await expect(
    staff
      .getByRole('group', { name: 'Question 2', exact: true })
      .getByText('Chaque variante a besoin de son fichier.'),
  ).toBeVisible();
  await expect(staff.getByText('Fichier actuel : Le nouvel emballage, face avant')).toBeVisible();
  await staff
    .getByRole('group', { name: 'Question 2', exact: true })
    .getByLabel(/^Variante B/)
    .setInputFiles(png('bleue.png', [40, 60, 180]));
  await staff.getByRole('button', { name: 'Créer' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Résultats : Test du nouvel emballage');

  // A member answers on a phone, placing a "like" marker with the keyboard only.
  const email = `${unique('stim')}@example.test`;
  await signUpAndVerify(page, api, 'Inès', email, 'ines-password-2026-xy');
  await joinCommunity(page, community.slug, unique('Ines_').slice(0, 30));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/c/${community.slug}/research`);
  await page.getByRole('link', { name: 'Test du nouvel emballage' }).click();
  const area = page.getByRole('application', { name: /Le nouvel emballage|emballage/ });
  await expect(area.locator('img')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await area.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Marqueur 1 : J’aime à 40 % de la largeur, 40 % de la hauteur')).toBeVisible();
  await page.getByLabel('Commentaire du marqueur 1 (facultatif)').fill('Le logo est bien visible');
  await page.getByLabel('Variante Étiquette verte').check();
  await page.getByLabel('Pourquoi ? (facultatif)').fill('Plus naturelle');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(page.getByRole('status')).toContainText('Merci, vos réponses sont envoyées.');

  // Staff see the heat map of likes and the share of each variant.
  await staff.reload();
  await expect(staff.getByRole('img', { name: 'Carte de chaleur : J’aime: 1 marqueur' })).toBeVisible();
  await expect(
    staff.getByRole('img', { name: 'Carte de chaleur : Je n’aime pas: 0 marqueur' }),
  ).toBeVisible();
  await expect(staff.getByText('Le logo est bien visible')).toBeVisible();
  await expect(staff.getByRole('img', { name: /Étiquette verte 1, Étiquette bleue 0/ })).toBeVisible();
  await expect(staff.getByText('Étiquette verte — Plus naturelle')).toBeVisible();
  await expectAccessible(staff);
  await staffContext.close();
});

test('staff build an image choice in English; a member without JavaScript, on a phone, marks the image by click and by position and picks a picture', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);

  // Staff, in English: the stimulus fields show only for the types that use one; an image choice has a picture per choice.
  const staffContext = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: clientAddress(122) });
  const staff = await staffContext.newPage();
  await signIn(staff, ADMIN.email, ADMIN.password);
  await staff.goto(`/c/${community.slug}/research/new`);
  await staff.getByLabel('Title', { exact: true }).fill('Pack and colours');
  const first = staff.getByRole('group', { name: 'Question 1', exact: true });
  await first.getByLabel(/^Question/).fill('Where do you like or dislike the pack?');
  await first.getByLabel('Type').selectOption('date');
  await expect(first.getByLabel(/^Stimulus file/)).toBeHidden();
  await first.getByLabel('Type').selectOption('hotspot');
  await expect(first.getByLabel(/^Stimulus file/)).toBeVisible();
  await expect(first.getByLabel('Picture of choice 1')).toBeHidden();
  await first.getByLabel(/^Stimulus file/).setInputFiles(png('pack.png', [40, 120, 200]));
  await first.getByLabel(/^Caption/).fill('The new pack, front');
  const second = staff.getByRole('group', { name: 'Question 2', exact: true });
  await second.getByLabel(/^Question/).fill('Which colour do you prefer?');
  await second.getByLabel('Type').selectOption('image_choice');
  await expect(second.getByLabel(/^Stimulus file/)).toBeHidden();
  await second.getByLabel(/^Choices/).fill('Green\nBlue');
  await second.getByLabel('Picture of choice 1').setInputFiles(png('green.png', [40, 160, 60]));
  await expectAccessible(staff);
  // A mistake first: the second choice has no picture; the error is at its slot, the files sent stay.
  await staff.getByRole('button', { name: 'Create' }).click();
  const again = staff.getByRole('group', { name: 'Question 2', exact: true });
  await expect(again.getByText('Each choice of an image question needs an image.')).toBeVisible();
  await expect(again.getByText('Current file: green.png')).toBeVisible();
  await again.getByLabel('Picture of choice 2').setInputFiles(png('blue.png', [40, 60, 180]));
  await staff.getByRole('button', { name: 'Create' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Results: Pack and colours');

  // A member joins (with JavaScript), then answers without it on a phone-sized window, in English.
  const email = `${unique('nojs')}@example.test`;
  await signUpAndVerify(page, api, 'Noé', email, 'noe-password-2026-xyz');
  await joinCommunity(page, community.slug, unique('Noe_').slice(0, 30));
  // Scripts blocked: the page stays as the server rendered it (what a browser without JavaScript gets),
  // while axe can still run in it.
  const noScript = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 390, height: 844 },
    storageState: await page.context().storageState(),
    extraHTTPHeaders: clientAddress(123),
  });
  await noScript.route('**/*', (route) =>
    route.request().resourceType() === 'script' ? route.abort() : route.continue(),
  );
  const member = await noScript.newPage();
  await member.goto(`/c/${community.slug}/research`);
  await member.getByRole('link', { name: 'Pack and colours' }).click();
  await expectNoHorizontalScroll(member);
  await expect(member.getByText('0 markers placed (at most 5)')).toBeVisible();
  // One marker by a click on the image (a dislike), one by its position typed in percent.
  await member.getByLabel('I don’t like').check();
  await member
    .getByRole('button', { name: 'The new pack, front: click where the marker goes' })
    .click({ position: { x: 80, y: 50 } });
  await expect(member.getByText('Marker 1: I don’t like at 25 % across, 25 % down')).toBeVisible();
  await expect(member.getByText('1 marker placed (at most 5)')).toBeVisible();
  await member.getByLabel('From the left (%)').fill('40');
  await member.getByLabel('From the top (%)').fill('75');
  await member.getByRole('button', { name: 'Place the marker' }).click();
  await expect(member.getByText('Marker 2: I like at 40 % across, 75 % down')).toBeVisible();
  await member.getByLabel('Comment on marker 1 (optional)').fill('Too dark here');
  await member.getByLabel('Blue').check();
  await expectAccessible(member);
  await member.getByRole('button', { name: 'Send my answers' }).click();
  await expect(member.getByRole('status')).toContainText('Thank you, your answers are sent.');
  await noScript.close();

  // Staff see both markers in the heat maps, the comment, and the picture chosen.
  await staff.reload();
  await expect(staff.getByRole('img', { name: 'Heat map: I like: 1 marker' })).toBeVisible();
  await expect(staff.getByRole('img', { name: 'Heat map: I don’t like: 1 marker' })).toBeVisible();
  await expect(staff.getByText('Too dark here')).toBeVisible();
  await expect(staff.getByRole('img', { name: /Green 0, Blue 1/ })).toBeVisible();
  await staffContext.close();
});
