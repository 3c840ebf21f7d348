import { expect, test } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  clientAddress,
  createCommunity,
  expectAccessible,
  signIn,
  signUpAndVerify,
  unique,
  joinCommunity,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(30) });

test('an unanswered question becomes a case that an agent answers and the asker sees solved', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Entraide technique', slug: 'entraide', kind: 'questions' },
  });
  expect(board.status()).toBe(201);
  // The platform admin acts as the brand's agent: an official answer needs a membership to post under.
  const agentName = unique('Support_').slice(0, 30);
  await api.post(`/api/v1/communities/${community.slug}/members`, { data: { pseudonym: agentName } });

  // A member asks; nobody answers.
  const askerEmail = `${unique('case')}@example.test`;
  await signUpAndVerify(page, api, 'Inès', askerEmail, 'ines-password-2026-x');
  await joinCommunity(page, community.slug, unique('Ines_').slice(0, 30));
  await page.getByRole('link', { name: 'Entraide technique' }).click();
  await page.getByLabel('Titre').fill('Mon vélo affiche une erreur E07');
  await page.getByLabel('Détails').fill('Le code E07 clignote au démarrage depuis hier.');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon vélo affiche une erreur E07');
  const topicUrl = page.url();
  // Other readers never see a case; the asker sees the escalation button.
  await expect(page.getByRole('button', { name: 'Transmettre au support' })).toBeVisible();

  // A moderator (here the platform admin) escalates the question from the topic page.
  const agentContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(31) });
  const agent = await agentContext.newPage();
  await signIn(agent, ADMIN.email, ADMIN.password);
  await agent.goto(topicUrl);
  await agent.getByRole('button', { name: 'Transmettre au support' }).click();
  await expect(agent.getByText('Cas de support : Nouveau')).toBeVisible();
  await expect(agent.getByRole('button', { name: 'Transmettre au support' })).toHaveCount(0);

  // The agent works the queue: unassigned cases, then the case, then the official answer.
  await agent.goto(`/c/${community.slug}`);
  await agent.getByRole('link', { name: 'Cas de support' }).click();
  await agent.getByLabel('Assigné à').selectOption('none');
  await agent.getByRole('button', { name: 'Filtrer' }).click();
  await expect(agent).toHaveURL(/assignee=none/);
  await expectAccessible(agent);
  await agent.getByRole('link', { name: 'Mon vélo affiche une erreur E07' }).click();
  await expect(agent.getByRole('heading', { level: 1 })).toContainText('Mon vélo affiche une erreur E07');
  await agent.getByLabel('Note interne').fill('Client déjà connu du SAV.');
  await agent.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(agent.getByRole('status')).toHaveText('Cas mis à jour.');
  await expect(agent.locator('.case-notes')).toContainText('Client déjà connu du SAV.');
  await agent
    .getByLabel('Réponse (Markdown)')
    .fill('Le code E07 signale un capteur de vitesse débranché : **rebranchez-le** sur la roue arrière.');
  await agent.getByLabel('Ensuite, le cas est').selectOption('solved');
  await agent.getByRole('button', { name: 'Publier la réponse officielle' }).click();
  await expect(agent.getByRole('status')).toHaveText('Réponse officielle publiée.');
  await expect(agent.getByRole('heading', { level: 1 })).toContainText('Résolu');
  await expectAccessible(agent);
  await agentContext.close();

  // The asker sees the official answer and the solved case on the topic, in their list and by email.
  await page.goto(topicUrl);
  await expect(page.getByText('Cas de support : Résolu')).toBeVisible();
  const official = page.getByRole('region', { name: 'Solutions acceptées' }).locator('.post--official');
  await expect(official).toContainText(`Réponse officielle de ${community.name}`);
  await expect(official).toContainText('rebranchez-le');
  await expect(official).toContainText('Solution');
  await expect(page.getByText('Client déjà connu du SAV.')).toHaveCount(0);
  await page.getByRole('link', { name: 'Mes questions' }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Mon vélo affiche une erreur E07' });
  await expect(item).toContainText('Cas de support : Résolu');
  // The answer that solved the case is the question's solution: no "not solved yet" beside "solved".
  await expect(item).not.toContainText('Pas encore résolue');
  await expectAccessible(page);
  await expect
    .poll(async () => {
      const res = await api.get(`/api/v1/admin/mail?to=${encodeURIComponent(askerEmail)}`);
      const body = (await res.json()) as { items: { subject: string; text: string }[] };
      return body.items.find((m) => m.subject === 'Votre cas de support : Résolu')?.text ?? '';
    })
    .toContain('Statut du cas : Résolu');
});
