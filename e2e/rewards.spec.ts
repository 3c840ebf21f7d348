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

// The member's points come from the staff adjustment API of the points area (POST …/points/adjustments).
test('a member redeems a voucher and sees its code; staff reject a gift and the points come back', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const base = `/api/v1/communities/${community.slug}`;
  const voucher = await api.post(`${base}/rewards`, {
    data: { kind: 'voucher', title: 'Bon de 10 €', cost: 150, description: 'Valable en boutique.' },
  });
  expect(voucher.status()).toBe(201);
  const voucherId = ((await voucher.json()) as { id: string }).id;
  const imported = await api.post(`${base}/rewards/${voucherId}/voucher-codes`, {
    data: { csv: 'code\nVELO-E2E-0001\n' },
  });
  expect(imported.status()).toBe(200);
  const gift = await api.post(`${base}/rewards`, {
    data: { kind: 'gift', title: 'Gourde isotherme', cost: 200, stock: 5 },
  });
  expect(gift.status()).toBe(201);
  // A reward reserved for Superfans (the fifth default rank, position 4).
  const reserved = await api.post(`${base}/rewards`, {
    data: { kind: 'gift', title: 'Visite des coulisses', cost: 100, minRankPosition: 4 },
  });
  expect(reserved.status()).toBe(201);

  // A member joins, and staff give them 500 points.
  const email = `${unique('reward')}@example.test`;
  await signUpAndVerify(page, api, 'Léa', email, 'lea-password-2026-x');
  await page.goto(`/c/${community.slug}/join`);
  const pseudonym = unique('Lea_').slice(0, 30);
  await page.getByLabel('Pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('status')).toContainText(pseudonym);
  const me = (await (await page.request.get(base)).json()) as { viewerMembership: { id: string } };
  const adjusted = await api.post(`${base}/points/adjustments`, {
    data: { memberId: me.viewerMembership.id, points: 500, reason: 'Bienvenue dans le test' },
  });
  expect(adjusted.status()).toBe(201);

  // The member redeems the voucher: the code is shown at once.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/c/${community.slug}`);
  await page.getByRole('link', { name: 'Récompenses', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Récompenses');
  await expect(page.getByText('Vos points disponibles : 500')).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  // The reserved reward says for whom, and why this member cannot redeem it: no redeem button.
  const reservedCard = page.locator('.reward', { hasText: 'Visite des coulisses' });
  await expect(reservedCard).toContainText('Réservé aux membres Superfan et au-delà');
  await expect(reservedCard).toContainText('Réservé à un rang plus élevé');
  await expect(reservedCard.getByRole('button')).toHaveCount(0);
  const voucherCard = page.locator('.reward', { hasText: 'Bon de 10 €' });
  await voucherCard.getByRole('button', { name: 'Échanger contre 150 points' }).click();
  await expect(page.getByRole('status')).toContainText('VELO-E2E-0001');
  await expect(page.getByText('Vos points disponibles : 350')).toBeVisible();

  // A gift asks for an address; without one it is refused next to the field and nothing is spent.
  const giftCard = page.locator('.reward', { hasText: 'Gourde isotherme' });
  await giftCard.getByRole('button', { name: 'Échanger contre 200 points' }).click();
  await expect(
    page.locator('.reward', { hasText: 'Gourde isotherme' }).locator('.field__error').first(),
  ).toBeVisible();
  await expect(page.getByText('Vos points disponibles : 350')).toBeVisible();
  await page
    .locator('.reward', { hasText: 'Gourde isotherme' })
    .getByLabel('Adresse de livraison')
    .fill('12 rue des Lilas\n75020 Paris');
  await page
    .locator('.reward', { hasText: 'Gourde isotherme' })
    .getByRole('button', { name: 'Échanger contre 200 points' })
    .click();
  await expect(page.getByRole('status')).toContainText('Gourde isotherme');
  await expect(page.getByText('Vos points disponibles : 150')).toBeVisible();

  // Staff reject the gift with a reason.
  const staffContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(41) });
  const staff = await staffContext.newPage();
  await signIn(staff, ADMIN.email, ADMIN.password);
  await staff.goto(`/c/${community.slug}/rewards/admin`);
  const request = staff.locator('.redemption', { hasText: 'Gourde isotherme' });
  await expect(request).toContainText('12 rue des Lilas');
  await request.getByRole('button', { name: 'Refuser' }).click();
  await expect(
    staff.locator('.redemption', { hasText: 'Gourde isotherme' }).getByRole('alert'),
  ).toBeVisible();
  await staff
    .locator('.redemption', { hasText: 'Gourde isotherme' })
    .getByLabel('Motif du refus')
    .fill('Modèle en rupture chez le fournisseur.');
  await staff
    .locator('.redemption', { hasText: 'Gourde isotherme' })
    .getByRole('button', { name: 'Refuser' })
    .click();
  await expect(staff.getByRole('status')).toHaveText('Demande mise à jour.');
  await expectAccessible(staff);
  await staffContext.close();

  // The member sees the refusal, its reason, and their points back.
  await page.goto(`/c/${community.slug}/rewards/mine`);
  const rejected = page.locator('.redemption', { hasText: 'Gourde isotherme' });
  await expect(rejected).toContainText('Refusée');
  await expect(rejected).toContainText('Modèle en rupture chez le fournisseur.');
  await expect(rejected).toContainText('200 points vous ont été rendus.');
  await expect(page.locator('.redemption', { hasText: 'Bon de 10 €' })).toContainText('VELO-E2E-0001');
  await expectAccessible(page);
  await page.goto(`/c/${community.slug}/rewards`);
  await expect(page.getByText('Vos points disponibles : 350')).toBeVisible();
  await page.goto('/notifications');
  await expect(
    page.getByRole('link', { name: /Votre demande pour « Gourde isotherme » est refusée/ }),
  ).toBeVisible();
});
