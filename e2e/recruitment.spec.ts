import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  clientAddress,
  createCommunity,
  expectAccessible,
  expectNoHorizontalScroll,
  linkFromOutbox,
  signIn,
  signUpAndVerify,
  unique,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(70) });

const single = (id: string, title: string, options: [string, string][]) => ({
  id,
  type: 'single',
  title,
  required: true,
  options: options.map(([oid, label]) => ({ id: oid, label })),
});

test('an applicant applies from the public link, passes the screener, confirms email and phone, answers a survey on probation; staff read the chart and the CSV', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api, { memberCap: 50 });
  const campaign = await api.post(`/api/v1/communities/${community.slug}/campaigns`, {
    data: {
      name: 'Panel printemps',
      target: 40,
      screener: {
        pages: [
          {
            id: 'profil',
            questions: [
              single('genre', 'Vous êtes', [
                ['f', 'Une femme'],
                ['m', 'Un homme'],
              ]),
              single('client', 'Avez-vous acheté chez nous cette année ?', [
                ['oui', 'Oui, cette année'],
                ['non', 'Non, pas cette année'],
              ]),
            ],
          },
        ],
      },
      rules: [{ if: { question: 'client', op: 'equals', value: 'non' }, then: 'disqualify' }],
      quotas: [{ question: 'genre', option: 'f', share: 50 }],
    },
  });
  expect(campaign.status()).toBe(201);
  const { token } = (await campaign.json()) as { token: string };
  const survey = await api.post(`/api/v1/communities/${community.slug}/surveys`, {
    data: {
      title: 'Premières impressions',
      published: true,
      definition: {
        pages: [
          {
            id: 'p1',
            questions: [
              single('q1', 'Le magasin vous plaît ?', [
                ['o1', 'Beaucoup'],
                ['o2', 'Un peu'],
              ]),
            ],
          },
        ],
      },
    },
  });
  expect(survey.status()).toBe(201);
  const { id: surveyId } = (await survey.json()) as { id: string };

  // The applicant opens the public link, creates an account and fills the screener.
  const email = `${unique('cand')}@example.test`;
  await signUpAndVerify(page, api, 'Inès', email, 'ines-password-2026-xy');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/recruit/${token}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rejoindre le panel');
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.getByLabel('Téléphone mobile').fill('06 98 76 54 32');
  await page.getByLabel('Pseudonyme dans la communauté').fill(unique('Ines_').slice(0, 30));
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expect(
    page.getByRole('group', { name: /Vous êtes/ }).getByText('Ce champ est obligatoire.'),
  ).toBeVisible();
  await page
    .getByRole('group', { name: /Vous êtes/ })
    .getByLabel('Une femme')
    .check();
  await page
    .getByRole('group', { name: /Avez-vous acheté/ })
    .getByLabel('Oui, cette année')
    .check();
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Profil retenu');

  // The double opt-in link from the outbox, then the SMS code from the SMS outbox.
  await page.goto(await linkFromOutbox(api, email, /candidature/));
  await page.getByRole('button', { name: 'Confirmer mon e-mail' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('E-mail confirmé');
  let code = '';
  await expect
    .poll(async () => {
      const res = await api.get('/api/v1/admin/sms?limit=50');
      const body = (await res.json()) as { items: { to: string; text: string }[] };
      code = body.items.find((m) => m.to === '+33698765432')?.text.match(/\d{6}/)?.[0] ?? '';
      return code;
    })
    .not.toBe('');
  await page.getByLabel('Code reçu par SMS').fill(code);
  await page.getByRole('button', { name: 'Vérifier le code' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('En période d’essai');
  await expectAccessible(page);

  // On probation, the new member answers the survey.
  await page.getByRole('link', { name: /Aller sur/ }).click();
  await page.goto(`/c/${community.slug}/surveys/${surveyId}`);
  await page.getByLabel('Beaucoup').check();
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(page.getByRole('status')).toContainText('Merci, vos réponses sont envoyées.');

  // Staff see the applicant on probation, the survey's chart, and download the CSV.
  const staffContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(71) });
  const staff = await staffContext.newPage();
  await signIn(staff, ADMIN.email, ADMIN.password);
  await staff.goto(`/c/${community.slug}/recruitment/applications`);
  await expect(staff.getByRole('heading', { level: 2 })).toContainText('En période d’essai');
  await expectAccessible(staff);
  // The panel's health shows the open campaign's quota fill.
  await staff.goto(`/c/${community.slug}/research/panel`);
  await expect(staff.getByRole('heading', { level: 4, name: 'Panel printemps' })).toBeVisible();
  await expect(staff.getByRole('progressbar')).toHaveCount(1);
  await staff.goto(`/c/${community.slug}/research/${surveyId}/results`);
  await expect(staff.getByRole('img', { name: /Beaucoup 1, Un peu 0/ })).toBeVisible();
  const download = staff.waitForEvent('download');
  await staff.getByRole('link', { name: 'Télécharger les réponses (CSV)' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const [header, row] = csv.trim().split('\r\n');
  expect(header).toBe('response_id,respondent,completed_at,duration_seconds,q1');
  expect(row).toMatch(/,o1$/);
  await staffContext.close();
});
