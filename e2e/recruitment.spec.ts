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

test.setTimeout(120_000);

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
  // Staff build the screener with the form builder: two questions (the second, on page 2, shown once the
  // first is answered), a rule that turns non-customers away, a quota; a share over 100 is refused next to its field.
  const staffContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(71) });
  const staff = await staffContext.newPage();
  await signIn(staff, ADMIN.email, ADMIN.password);
  await staff.goto(`/c/${community.slug}/recruitment`);
  await staff.getByLabel('Nom', { exact: true }).fill('Panel printemps');
  await staff.getByLabel('Taille visée du panel (les parts des quotas s’y rapportent)').fill('40');
  const q1 = staff.getByRole('group', { name: 'Question 1', exact: true });
  await q1.getByLabel('Question (facultatif)', { exact: true }).fill('Vous êtes');
  await q1.getByLabel(/^Choix/).fill('Une femme\nUn homme');
  const q2 = staff.getByRole('group', { name: 'Question 2', exact: true });
  await q2
    .getByLabel('Question (facultatif)', { exact: true })
    .fill('Avez-vous acheté chez nous cette année ?');
  await q2.getByLabel(/^Choix/).fill('Oui, cette année\nNon, pas cette année');
  // Display logic reads earlier pages: the second question goes on page 2 (the application shows every page).
  await q2.getByLabel('Page (facultatif)').fill('2');
  await q2.getByLabel(/^N’afficher que si la question numéro/).fill('1');
  await q2.getByLabel('Condition').selectOption('answered');
  // "Add a question" posts the form back (it works without JavaScript): the pickers then name the questions.
  await staff.getByRole('button', { name: 'Ajouter une question' }).click();
  const rule = staff.getByRole('group', { name: 'Règle de sélection 1' });
  await rule
    .getByLabel('Question', { exact: true })
    .selectOption({ label: 'Question 2 : Avez-vous acheté chez nous cette année ?' });
  await rule.getByLabel(/^Valeur/).fill('Non, pas cette année');
  await rule.getByLabel('Alors').selectOption('disqualify');
  const quota = staff.getByRole('group', { name: 'Quota 1' });
  await quota.getByLabel('Question', { exact: true }).selectOption({ label: 'Question 1 : Vous êtes' });
  await quota.getByLabel(/^Choix/).fill('Une femme');
  await quota.getByLabel('Limite').selectOption('share');
  await quota.getByLabel(/^Valeur/).fill('150');
  await staff.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(quota.locator('.field__error')).toHaveText('Au plus 100.');
  await expectNoHorizontalScroll(staff);
  await quota.getByLabel(/^Valeur/).fill('50');
  await staff.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(staff.getByRole('heading', { level: 2, name: 'Panel printemps' })).toBeVisible();
  await expect(staff.getByText('0 sur 20')).toBeVisible();
  const link = await staff.locator('.recruit-link').first().getAttribute('href');
  const token = link!.split('/recruit/')[1];
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
  // Display logic, live: the second question appears once the first is answered.
  await expect(page.getByRole('group', { name: /Avez-vous acheté/ })).toBeHidden();
  await page
    .getByRole('group', { name: /Vous êtes/ })
    .getByLabel('Une femme')
    .check();
  await expect(page.getByRole('group', { name: /Avez-vous acheté/ })).toBeVisible();
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
