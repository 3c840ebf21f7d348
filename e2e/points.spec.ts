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
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(40) });

test('a reply accepted as a solution earns pending points that staff validate and the member spends on a voucher', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const base = `/api/v1/communities/${community.slug}`;
  expect(
    (
      await api.post(`${base}/boards`, { data: { title: 'Entraide', slug: 'entraide', kind: 'questions' } })
    ).status(),
  ).toBe(201);
  // The platform admin asks the question (as a member) and later validates the points (as staff).
  await api.post(`${base}/members`, { data: { pseudonym: unique('Asker_').slice(0, 30) } });
  const topic = await api.post(`${base}/boards/entraide/topics`, {
    data: { title: 'Comment régler le dérailleur ?', body: 'La chaîne saute sur le petit pignon.' },
  });
  expect(topic.status()).toBe(201);
  const topicId = ((await topic.json()) as { id: string }).id;

  // A member answers in the browser.
  await signUpAndVerify(page, api, 'Hugo', `${unique('points')}@example.test`, 'hugo-password-2026-x');
  const pseudonym = unique('Hugo_').slice(0, 30);
  await page.goto(`/c/${community.slug}/join`);
  await page.getByLabel('Pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('status')).toContainText(pseudonym);
  await page.goto(`/c/${community.slug}/t/${topicId}`);
  await page.getByLabel('Votre réponse').fill('Tournez la vis de butée H d’un quart de tour.');
  await page.getByRole('button', { name: 'Répondre' }).click();
  // The reply's text (its author's edit form holds it too).
  await expect(page.getByRole('paragraph').filter({ hasText: 'Tournez la vis de butée H' })).toBeVisible();

  // The asker accepts it as the solution.
  const seen = (await (await api.get(`${base}/topics/${topicId}`)).json()) as { replies: { id: string }[] };
  const accepted = await api.put(`${base}/replies/${seen.replies[0].id}/solution`, {
    data: { accepted: true },
  });
  expect(accepted.status()).toBe(200);

  // The member's points are pending: the solution's 15, the reply's 2 and the fast answer's 3.
  await page.getByRole('link', { name: 'Mes points' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Points');
  const solutionRow = page.getByRole('row').filter({ hasText: 'Votre réponse est acceptée comme solution' });
  await expect(async () => {
    await page.reload();
    await expect(solutionRow).toContainText('En attente');
  }).toPass();
  const balance = page.locator('.points-balance');
  await expect(balance.getByRole('definition').nth(1)).toHaveText('20');
  await expect(balance.getByRole('definition').first()).toHaveText('0');
  await expectAccessible(page);

  // Staff validate the solution's award on the points desk.
  const staffContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(41) });
  const staff = await staffContext.newPage();
  await signIn(staff, ADMIN.email, ADMIN.password);
  await staff.goto(`/c/${community.slug}`);
  await staff.getByRole('link', { name: 'Points', exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Gestion des points');
  await expectAccessible(staff);
  const pending = staff
    .getByRole('row')
    .filter({ hasText: 'Votre réponse est acceptée comme solution' })
    .filter({ hasText: pseudonym });
  await expect(pending).toHaveCount(1);
  await pending.getByRole('button', { name: 'Valider maintenant' }).click();
  await expect(staff.getByRole('status')).toHaveText('C’est fait.');
  await expect(pending).toHaveCount(0);
  await staffContext.close();

  // The member sees the 15 points available, the rest still pending, on a phone too.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(solutionRow).toContainText('Disponible');
  await expect(balance.getByRole('definition').first()).toHaveText('15');
  await expect(balance.getByRole('definition').nth(1)).toHaveText('5');
  await expectNoHorizontalScroll(page);
  await page.getByRole('link', { name: 'Voir le classement' }).click();
  await page.getByLabel('Période').selectOption('all');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('row').filter({ hasText: pseudonym })).toContainText('20');
  await expectAccessible(page);

  // The member turns the available points into a voucher and sees its code (rewards.spec.ts covers a
  // refused redemption and the points coming back).
  const voucher = await api.post(`${base}/rewards`, {
    data: { kind: 'voucher', title: 'Bon atelier', cost: 10, description: 'Un réglage offert.' },
  });
  expect(voucher.status()).toBe(201);
  const voucherId = ((await voucher.json()) as { id: string }).id;
  expect(
    (
      await api.post(`${base}/rewards/${voucherId}/voucher-codes`, { data: { csv: 'ATELIER-E2E-1\n' } })
    ).status(),
  ).toBe(200);
  await page.getByRole('link', { name: 'Récompenses', exact: true }).click();
  await expect(page.getByText('Vos points disponibles : 15')).toBeVisible();
  await page
    .locator('.reward', { hasText: 'Bon atelier' })
    .getByRole('button', { name: 'Échanger contre 10 points' })
    .click();
  await expect(page.getByRole('status')).toContainText('ATELIER-E2E-1');
  await expect(page.getByText('Vos points disponibles : 5')).toBeVisible();
});
