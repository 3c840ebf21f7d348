import { expect, test } from '@playwright/test';
import {
  ADMIN,
  adminApi,
  clientAddress,
  createCommunity,
  expectNoHorizontalScroll,
  signIn,
  unique,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(70) });

const GUIDE = {
  format: 'cercle.live-guide',
  version: 1,
  sections: [
    {
      title: 'Accueil',
      plannedMinutes: 5,
      items: [{ kind: 'question', questionType: 'open', body: 'Comment venez-vous au travail ?' }],
    },
    {
      title: 'Prix',
      plannedMinutes: 10,
      items: [
        {
          kind: 'question',
          questionType: 'single',
          body: 'Le prix vous semble-t-il juste ?',
          options: ['Oui', 'Non'],
        },
        { kind: 'note', body: 'Garder dix minutes' },
      ],
    },
  ],
};

test('guide tools: JSON import, drag and drop, the probe library, then coding the transcript', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const api = await adminApi();
  const community = await createCommunity(api, { visibility: 'private', joinPolicy: 'open' });
  const slug = community.slug;
  await api.post(`/api/v1/communities/${slug}/members`, {
    data: { pseudonym: unique('Anim_').slice(0, 30) },
  });
  const created = await api.post(`/api/v1/communities/${slug}/live-sessions`, {
    data: {
      title: 'Le prix du vélo',
      startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      durationMinutes: 60,
    },
  });
  expect(created.status()).toBe(201);
  const session = (await created.json()) as { id: string };
  const sessionUrl = `/c/${slug}/live/${session.id}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(sessionUrl);

  // A broken file is refused item by item, in French; the real one is imported after the (empty) guide.
  const broken = {
    ...GUIDE,
    sections: [
      {
        title: 'A',
        plannedMinutes: 5,
        items: [
          { kind: 'question', questionType: 'open', body: '' },
          { kind: 'video', body: 'Un film' },
        ],
      },
    ],
  };
  await page.getByLabel('Collez le fichier du guide').fill(JSON.stringify(broken));
  await page.getByRole('button', { name: 'Charger ce fichier de guide' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Section 1, élément 1 — le texte : Ce champ est obligatoire.');
  await expect(refusal).toContainText(
    'Section 1, élément 2 — le type « video » est inconnu : utilisez question, probe, stimulus ou note.',
  );
  await expect(refusal.locator('code')).toHaveText([
    'sections[0].items[0].body',
    'sections[0].items[1].kind',
  ]);
  await page.getByLabel('Collez le fichier du guide').fill('{ pas du json');
  await page.getByRole('button', { name: 'Charger ce fichier de guide' }).click();
  await expect(page.getByRole('alert')).toContainText('Ce n’est pas du JSON valide');
  await page.getByLabel('Collez le fichier du guide').fill(JSON.stringify(GUIDE));
  await page.getByRole('button', { name: 'Charger ce fichier de guide' }).click();
  await expect(page.getByText('Le fichier du guide a été importé.')).toBeVisible();
  await expect(page.getByText('Le prix vous semble-t-il juste ?')).toBeVisible();

  // Drag the note from "Prix" to the top of "Accueil" by its handle; the move is announced.
  const note = page.getByRole('button', { name: 'Faire glisser pour déplacer : Garder dix minutes' });
  const firstItem = page.locator('[data-guide-item]').first();
  await note.dragTo(firstItem, { targetPosition: { x: 20, y: 2 } });
  await expect(page.getByRole('status').filter({ hasText: 'déplacé en position 1' })).toContainText(
    '« Garder dix minutes » déplacé en position 1 de la section Accueil.',
  );
  await expect
    .poll(() => page.locator('section[aria-label="Accueil"] [data-guide-item] p').allInnerTexts())
    .toEqual([expect.stringContaining('Garder dix minutes'), expect.stringContaining('Comment venez-vous')]);

  // The exported file gives this guide back.
  const exported = (await (
    await api.get(`/api/v1/communities/${slug}/live-sessions/${session.id}/guide/export`)
  ).json()) as typeof GUIDE;
  expect(exported.sections[0].items.map((i) => i.body)).toEqual([
    'Garder dix minutes',
    'Comment venez-vous au travail ?',
  ]);

  // Save a probe to the library, find it, insert it into "Prix".
  await page.getByLabel('Relance', { exact: true }).fill('Qu’est-ce qui vous ferait changer d’avis ?');
  await page.getByRole('textbox', { name: /^Étiquettes/ }).fill('prix, décision');
  await page.getByRole('button', { name: 'Enregistrer dans la bibliothèque', exact: true }).click();
  await page.getByRole('searchbox', { name: /Chercher dans la bibliothèque/ }).fill('décision');
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  const probe = page.locator('.live-library__probe').filter({ hasText: 'changer d’avis' });
  // Edit it in the library: its text and tags change; a guide that used it would keep its copy.
  await probe.getByText('Modifier', { exact: true }).click();
  await probe
    .getByLabel('Nouveau texte de la relance')
    .fill('Qu’est-ce qui vous ferait changer d’avis, vraiment ?');
  await probe.getByLabel('Ses étiquettes').fill('prix, décision, décision');
  await probe.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByText('La relance a été modifiée.')).toBeVisible();
  const edited = page.locator('.live-library__probe').filter({ hasText: 'vraiment' });
  await expect(edited.locator('.badge')).toHaveText(['prix', 'décision']);
  await edited.getByLabel('Dans la section').fill('Prix');
  await edited
    .getByRole('button', {
      name: 'Insérer dans le guide : Qu’est-ce qui vous ferait changer d’avis, vraiment ?',
    })
    .click();
  await expect(page.locator('section[aria-label="Prix"]')).toContainText(
    'Qu’est-ce qui vous ferait changer d’avis, vraiment ?',
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The moderator writes in the room; on the transcript, a code is created and tags part of the message.
  await page.goto(`${sessionUrl}/room`);
  await page.getByLabel('Votre message').fill('Le prix est trop élevé pour moi');
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(page.getByRole('log').getByText('Le prix est trop élevé pour moi')).toBeVisible();
  await page.goto(`${sessionUrl}/transcript`);
  await page.getByLabel('Nom du code').fill('Prix');
  await page.getByRole('button', { name: 'Créer le code' }).click();
  await expect(page.getByText('Le code a été créé.')).toBeVisible();
  await expect(page.locator('section.live-code')).toHaveCount(1);
  await page.getByLabel('Nom du code').fill('Prix');
  await page.getByRole('button', { name: 'Créer le code' }).click();
  await expect(page.getByText('Ce livre de codes a déjà un code de ce nom.')).toBeVisible();
  const text = page.locator('[data-excerpt-body]').filter({ hasText: 'Le prix est trop élevé pour moi' });
  await text.evaluate((el) => {
    const range = document.createRange();
    range.setStart(el.firstChild!, 0);
    range.setEnd(el.firstChild!, 'Le prix est trop élevé'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  const entry = page.locator('.live-entry').filter({ has: text });
  await entry.getByLabel('Code', { exact: true }).selectOption({ label: 'Prix' });
  await entry.getByRole('button', { name: 'Coder « Le prix est trop élevé »' }).click();
  await expect(page.getByRole('heading', { name: /Prix.*1 extrait/ })).toBeVisible();
  const md = await (
    await api.get(`/api/v1/communities/${slug}/live-sessions/${session.id}/transcript/export?format=markdown`)
  ).text();
  expect(md).toContain('Le prix est trop élevé pour moi — `Prix`');
  expect(md).toContain('### Prix (1)');
  expect(md).toContain('> Le prix est trop élevé —');

  // The codebook: rename the code, reuse another session's codes, delete a code in use after confirming.
  const codeSection = page.locator('section.live-code').filter({ hasText: 'Prix' });
  await codeSection.getByText('Renommer ou changer la couleur du code Prix').click();
  await codeSection.getByLabel('Nouveau nom').fill('Coût');
  await codeSection.getByRole('button', { name: 'Enregistrer le code' }).click();
  await expect(page.getByText('Le code a été modifié.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Coût.*1 extrait/ })).toBeVisible();
  const otherStart = new Date(Date.now() + 86_400_000).toISOString();
  const other = (await (
    await api.post(`/api/v1/communities/${slug}/live-sessions`, {
      data: {
        title: 'Vague 1',
        startsAt: otherStart,
        durationMinutes: 60,
      },
    })
  ).json()) as { id: string };
  for (const [name, colour] of [
    ['Confort', '#118833'],
    ['Coût', '#000000'],
  ])
    await api.post(`/api/v1/communities/${slug}/live-sessions/${other.id}/codes`, { data: { name, colour } });
  await page.reload();
  await page
    .getByLabel('Session', { exact: true })
    .selectOption({ label: `Vague 1 (${otherStart.slice(0, 10)})` });
  await page.getByRole('button', { name: 'Copier ses codes' }).click();
  await expect(page.getByText('1 code a été copié.')).toBeVisible();
  await expect(page.locator('section.live-code h3')).toHaveText([/Confort.*0 extrait/, /Coût.*1 extrait/]);
  const cost = page.locator('section.live-code').filter({ hasText: 'Coût' });
  await cost.getByText('Renommer ou changer la couleur du code Coût').click();
  await cost.getByRole('button', { name: 'Supprimer le code Coût' }).click();
  const confirm = page.getByRole('alert').filter({ hasText: 'est attribué à 1 extrait' });
  await expect(confirm).toContainText('Le code « Coût » est attribué à 1 extrait.');
  await expect(page.locator('section.live-code')).toHaveCount(2);
  await confirm.getByRole('button', { name: 'Supprimer et retirer' }).click();
  await expect(page.getByText('Le code a été supprimé et retiré de 1 extrait.')).toBeVisible();
  await expect(page.locator('section.live-code')).toHaveCount(1);
  await expect(page.getByText('Le prix est trop élevé pour moi')).toBeVisible();
});
