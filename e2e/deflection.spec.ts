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

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(60) });

const QUESTION = 'Mon écran reste noir au démarrage';

test('a solved question is suggested to the next member who asks it, the view counts as a deflection; search finds it', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Entraide technique', slug: 'entraide', kind: 'questions' },
  });
  expect(board.status()).toBe(201);

  // A member asks, another answers, the asker accepts the answer.
  await signUpAndVerify(page, api, 'Camille', `${unique('ask')}@example.test`, 'camille-password-2026');
  await joinCommunity(page, community.slug, unique('Asker_').slice(0, 30));
  await page.goto(`/c/${community.slug}/b/entraide`);
  await page.getByLabel('Titre').fill(QUESTION);
  await page.getByLabel('Détails').fill('Le compteur du vélo ne s’allume plus depuis hier.');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(QUESTION);
  const topicUrl = page.url();

  const helperContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(61) });
  const helper = await helperContext.newPage();
  const answerer = unique('Luc_').slice(0, 30);
  await signUpAndVerify(helper, api, 'Luc', `${unique('ans')}@example.test`, 'luc-password-2026-x');
  await joinCommunity(helper, community.slug, answerer);
  await helper.goto(topicUrl);
  await helper
    .getByLabel('Votre réponse')
    .fill('Maintenez le bouton 10 secondes pour réinitialiser l’écran.');
  await helper.getByRole('button', { name: 'Répondre' }).click();
  await expect(helper.getByRole('article', { name: `par ${answerer}` })).toBeVisible();
  await helperContext.close();

  await page.goto(topicUrl);
  await page
    .getByRole('article', { name: `par ${answerer}` })
    .getByRole('button', { name: 'Accepter comme solution' })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Résolu');

  // A second member types the same question: the solved one appears while typing.
  const askerContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(62) });
  const second = await askerContext.newPage();
  await signUpAndVerify(second, api, 'Inès', `${unique('second')}@example.test`, 'ines-password-2026-x');
  await joinCommunity(second, community.slug, unique('Ines_').slice(0, 30));
  await second.goto(`/c/${community.slug}/b/entraide`);
  await second.getByLabel('Titre').fill('Écran noir au démarrage du vélo');
  const suggestion = second.getByRole('button', { name: new RegExp(QUESTION) });
  await expect(second.getByRole('heading', { name: 'Questions résolues similaires' })).toBeVisible();
  await expect(suggestion).toBeVisible();
  await expectAccessible(second);
  await second.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(second);
  const [opened] = await Promise.all([second.waitForEvent('popup'), suggestion.click()]);
  await expect(opened).toHaveURL(topicUrl);
  await expect(opened.getByRole('heading', { level: 1 })).toContainText(QUESTION);
  // The draft stays in the ask form.
  await expect(second.getByLabel('Titre')).toHaveValue('Écran noir au démarrage du vélo');

  const totals = async () => {
    const res = await api.get(`/api/v1/communities/${community.slug}/deflections/stats`);
    return ((await res.json()) as { totals: { views: number; pending: number } }).totals;
  };
  await expect.poll(totals).toMatchObject({ views: 1, pending: 1 });

  // Without JavaScript (here the first member, in a new attempt of their own): the "check" button shows
  // the same suggestion, which still opens and is recorded.
  const noScript = await browser.newContext({
    locale: 'fr-FR',
    extraHTTPHeaders: clientAddress(60),
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto(`/c/${community.slug}/b/entraide`);
  await plain.getByLabel('Titre').fill('ecrans noirs');
  await plain.getByRole('button', { name: 'Chercher des questions similaires' }).click();
  await expect(plain.getByLabel('Titre')).toHaveValue('ecrans noirs');
  const [plainOpened] = await Promise.all([
    plain.waitForEvent('popup'),
    plain.getByRole('button', { name: new RegExp(QUESTION) }).click(),
  ]);
  await expect(plainOpened).toHaveURL(topicUrl);
  await noScript.close();

  // Search ignores accents and plurals, and highlights what matched.
  await second.getByRole('searchbox', { name: 'Rechercher dans la communauté' }).fill('ecrans noirs');
  await second.getByRole('searchbox', { name: 'Rechercher dans la communauté' }).press('Enter');
  await expect(second).toHaveURL(/\/search\?q=ecrans\+noirs/);
  await expect(second.getByRole('status')).toHaveText('1 sujet trouvé');
  await expect(second.getByRole('link', { name: QUESTION })).toBeVisible();
  await expect(second.locator('.search-results mark').first()).toHaveText('écran');
  await second.goto(`/c/${community.slug}/search?q=${encodeURIComponent('demarage')}`);
  await expect(second.getByRole('heading', { name: 'Vouliez-vous dire :' })).toBeVisible();
  await expectAccessible(second);
  await expectNoHorizontalScroll(second);
  await askerContext.close();

  // Staff see the views (two members, each within the hour: two pending attempts) and the saving per week.
  await expect.poll(totals).toMatchObject({ views: 2, pending: 2 });
  const staffContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(63) });
  const staff = await staffContext.newPage();
  await signIn(staff, ADMIN.email, ADMIN.password);
  await staff.goto(`/c/${community.slug}`);
  await staff.getByRole('link', { name: 'Questions évitées' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Questions évitées');
  await expect(staff.getByRole('table').locator('tbody tr')).toHaveCount(12);
  await expect(staff.getByText(/Économie estimée sur les 12 dernières semaines : 0,00\s€/)).toBeVisible();
  await expectAccessible(staff);
  await staffContext.close();
});
