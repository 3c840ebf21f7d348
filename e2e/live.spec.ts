import { deflateSync } from 'node:zlib';
import { type Browser, expect, type Page, test } from '@playwright/test';
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
import { pngChunk } from '../test/image-fixtures.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(60) });

/** A new browser context and page for one person, with their own client address. */
async function person(
  browser: Browser,
  n: number,
  viewport?: { width: number; height: number },
  locale = 'fr-FR',
): Promise<Page> {
  const context = await browser.newContext({
    locale,
    extraHTTPHeaders: clientAddress(n),
    ...(viewport ? { viewport } : {}),
  });
  return context.newPage();
}

/** The room's conversation (an ARIA log). */
const feed = (page: Page) => page.getByRole('log');

/** A small but real PNG (a 120×80 orange rectangle), built with zlib. */
function orangePng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(120, 0);
  header.writeUInt32BE(80, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(120).fill([0xf0, 0x80, 0x20]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array(80).fill(row) as Buffer[]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small but real WAV sound (a quarter of a second of a 440 Hz tone, 8 kHz, 8-bit mono: about 2 KB). */
function beepWav(): Buffer {
  const rate = 8000;
  const samples = Buffer.from(
    Array.from({ length: rate / 4 }, (_, i) =>
      Math.round(128 + 60 * Math.sin((2 * Math.PI * 440 * i) / rate)),
    ),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // the fmt chunk's size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes per second
  header.writeUInt16LE(1, 32); // block size
  header.writeUInt16LE(8, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

const OUTLINE = `# Habitudes (15)
?* Pour quoi roulez-vous surtout ?
! Le nouveau garde-boue transparent, en photo
# Hiver (20)
[single] Roulez-vous en hiver ? | Oui | Non`;

test('a whole live session with a moderator, two participants and an observer', async ({ browser }) => {
  test.setTimeout(240_000);
  const api = await adminApi();
  const community = await createCommunity(api, { visibility: 'private', joinPolicy: 'open' });
  const slug = community.slug;
  await api.post(`/api/v1/communities/${slug}/members`, {
    data: { pseudonym: unique('Anim_').slice(0, 30) },
  });

  // Two participants and an observer sign up and join; the observer is given the observer role.
  const alice = await person(browser, 61, { width: 390, height: 844 });
  // Bob reads the app in English (his browser asks for it); the others in French.
  const bob = await person(browser, 62, undefined, 'en-GB');
  const observer = await person(browser, 63);
  const alicePseudonym = unique('Alice_').slice(0, 30);
  const bobPseudonym = unique('Bob_').slice(0, 30);
  const observerPseudonym = unique('Marque_').slice(0, 30);
  await signUpAndVerify(alice, api, 'Alice', `${unique('alice')}@example.test`, 'alice-password-2026-x');
  await joinCommunity(alice, slug, alicePseudonym);
  await signUpAndVerify(bob, api, 'Bob', `${unique('bob')}@example.test`, 'bob-password-2026-xx');
  await joinCommunity(bob, slug, bobPseudonym);
  await signUpAndVerify(observer, api, 'Olga', `${unique('olga')}@example.test`, 'olga-password-2026-x');
  await joinCommunity(observer, slug, observerPseudonym);
  const members = (await (await api.get(`/api/v1/communities/${slug}/members?limit=100`)).json()) as {
    items: { id: string; pseudonym: string }[];
  };
  const observerId = members.items.find((m) => m.pseudonym === observerPseudonym)!.id;
  expect(
    (
      await api.patch(`/api/v1/communities/${slug}/members/${observerId}`, { data: { role: 'observer' } })
    ).status(),
  ).toBe(200);

  // The moderator creates the session in the web app, imports the guide and invites both participants.
  const moderator = await person(browser, 64);
  await signIn(moderator, ADMIN.email, ADMIN.password);
  await moderator.goto(`/c/${slug}/live`);
  await expect(moderator.getByText('Aucune session en direct pour l’instant.')).toBeVisible();
  await moderator.getByLabel('Titre').fill('Rouler en hiver');
  await moderator.getByLabel('Objectifs').fill('Comprendre ce qui arrête les cyclistes en hiver.');
  await moderator.getByLabel('Début').fill('2030-01-15T18:00');
  await moderator.getByRole('button', { name: 'Créer la session' }).click();
  await expect(moderator.getByRole('heading', { level: 1 })).toHaveText('Rouler en hiver');
  const sessionUrl = moderator.url();
  const sessionId = sessionUrl.split('/').pop()!;
  // The session starts in five minutes: its lobby (ten minutes before) is open.
  expect(
    (
      await api.patch(`/api/v1/communities/${slug}/live-sessions/${sessionId}`, {
        data: { startsAt: new Date(Date.now() + 5 * 60_000).toISOString() },
      })
    ).status(),
  ).toBe(200);
  await expectAccessible(moderator);
  await moderator.getByLabel('Plan').fill(OUTLINE);
  await moderator.getByRole('button', { name: 'Importer' }).click();
  await expect(moderator.getByText('Pour quoi roulez-vous surtout ?')).toBeVisible();
  // Reorder with the keyboard-reachable buttons: the stimulus goes up, then back down.
  await moderator
    .getByRole('button', { name: 'Monter : Le nouveau garde-boue transparent, en photo' })
    .click();
  await moderator
    .getByRole('button', { name: 'Descendre : Le nouveau garde-boue transparent, en photo' })
    .click();
  // A stimulus with an uploaded image, added at the end of the first section.
  await moderator.getByLabel('Section', { exact: true }).fill('Habitudes');
  await moderator.getByLabel('Type', { exact: true }).selectOption('stimulus');
  await moderator.getByLabel('Texte', { exact: true }).fill('Notre nouveau logo');
  await moderator
    .getByLabel('Fichier du stimulus (image, logo, vidéo ou son)')
    .setInputFiles({ name: 'logo-orange.png', mimeType: 'image/png', buffer: orangePng() });
  await moderator.getByLabel('Description du fichier (texte alternatif)').fill('Un rectangle orange');
  await moderator.getByRole('button', { name: 'Ajouter au guide' }).click();
  await expect(moderator.getByText('Image : Un rectangle orange')).toBeVisible();
  // A sound stimulus (a generated WAV file), after the image.
  await moderator.getByLabel('Section', { exact: true }).fill('Habitudes');
  await moderator.getByLabel('Type', { exact: true }).selectOption('stimulus');
  await moderator.getByLabel('Texte', { exact: true }).fill('Écoutez notre jingle');
  await moderator
    .getByLabel('Fichier du stimulus (image, logo, vidéo ou son)')
    .setInputFiles({ name: 'jingle.wav', mimeType: 'audio/wav', buffer: beepWav() });
  await moderator.getByLabel('Description du fichier (texte alternatif)').fill('Un bip de jingle');
  await moderator.getByRole('button', { name: 'Ajouter au guide' }).click();
  await expect(moderator.getByText('Son : Un bip de jingle')).toBeVisible();
  await moderator.getByLabel(alicePseudonym).check();
  await moderator.getByLabel(bobPseudonym).check();
  await moderator.getByRole('button', { name: 'Inviter', exact: true }).click();
  await expect(moderator.getByText('2 invité·es, 0 acceptations, 0 refus, pour 12 places.')).toBeVisible();
  expect(
    (
      await api.patch(`/api/v1/communities/${slug}/live-sessions/${sessionId}`, {
        data: { observerIds: [observerId] },
      })
    ).status(),
  ).toBe(200);

  // Participants accept from the session page (the invitation in the app) and wait in the lobby.
  for (const page of [alice, bob]) {
    await page.goto(sessionUrl);
    await page.getByRole('button', { name: /^(Accepter|Accept)$/ }).click();
    await expect(page.getByText(/^(Acceptée|Accepted)$/)).toBeVisible();
    const ics = await page.request.get(`${sessionUrl}/calendar.ics`);
    expect(await ics.text()).toContain('SUMMARY:Rouler en hiver');
    await page.getByRole('link', { name: /^(Entrer en salle d’attente|Enter the waiting room)$/ }).click();
    await expect(page.getByRole('heading', { name: /^(Salle d’attente|Waiting room)$/ })).toBeVisible();
    await expect(page.getByText(/^(Votre connexion fonctionne\.|Your connection works\.)$/)).toBeVisible();
  }
  await expect(bob.getByRole('heading', { name: 'Waiting room' })).toBeVisible();
  await expectAccessible(alice);

  // Staff open the room; the moderator admits everyone.
  await moderator.goto(`${sessionUrl}/room`);
  await observer.goto(`${sessionUrl}/room`);
  await expect(moderator.getByRole('heading', { name: '2 personnes en attente' })).toBeVisible();
  await moderator.getByRole('button', { name: 'Admettre tout le monde' }).click();
  await expect(alice.getByText('Rien n’a encore été dit.')).toBeVisible();
  await expect(bob.getByText('Nothing has been said yet.')).toBeVisible();

  // A blind question: Alice answers with the keyboard only; Bob sees it hidden until he answers.
  await moderator.getByRole('button', { name: 'Envoyer dans la salle' }).first().click();
  const aliceAnswer = alice.getByLabel('Votre réponse', { exact: true });
  await expect(aliceAnswer).toBeVisible();
  await aliceAnswer.focus();
  await alice.keyboard.type('Pour aller au travail');
  await alice.keyboard.press('Tab');
  await expect(alice.getByRole('button', { name: 'Envoyer ma réponse' })).toBeFocused();
  await alice.keyboard.press('Enter');
  await expect(feed(alice).getByText('Pour aller au travail')).toBeVisible();
  await expect(feed(bob).getByText('An answer, shown once you answered.')).toBeVisible();
  await expect(bob.getByText('Pour aller au travail')).toHaveCount(0);
  await bob.getByLabel('Your answer', { exact: true }).fill('Pour le sport');
  await bob.getByRole('button', { name: 'Send my answer' }).click();
  await expect(feed(bob).getByText('Pour aller au travail')).toBeVisible();
  await expect(feed(alice).getByText('Pour le sport')).toBeVisible();
  // New messages are announced to screen readers.
  await expect(alice.locator('[aria-live="polite"]').first()).toContainText('Pour le sport');

  // A stimulus, then a private message to Alice only.
  await moderator.getByRole('button', { name: 'Envoyer dans la salle' }).first().click();
  await expect(feed(bob).getByText('Le nouveau garde-boue transparent, en photo')).toBeVisible();
  // The image stimulus: a participant enlarges it (keyboard) and closes it with Escape.
  await moderator.getByRole('button', { name: 'Envoyer dans la salle' }).first().click();
  const zoom = bob.getByRole('button', { name: 'Enlarge the image: Un rectangle orange' });
  await expect(zoom).toBeVisible();
  await zoom.focus();
  await bob.keyboard.press('Enter');
  const enlarged = bob.getByRole('dialog', { name: 'Un rectangle orange' });
  await expect(enlarged).toBeVisible();
  await expect(enlarged.getByRole('img', { name: 'Un rectangle orange' })).toBeVisible();
  await bob.keyboard.press('Escape');
  await expect(enlarged).toBeHidden();
  await expect(zoom).toBeFocused();
  await expect(feed(alice).getByRole('img', { name: 'Un rectangle orange' })).toBeVisible();
  const image = await alice.request.get(
    (await feed(alice).getByRole('img', { name: 'Un rectangle orange' }).getAttribute('src'))!,
  );
  expect(image.headers()['content-type']).toBe('image/png');
  // The sound stimulus: a player with controls, reachable from the keyboard, on the phone too.
  await moderator.getByRole('button', { name: 'Envoyer dans la salle' }).first().click();
  await expect(feed(alice).getByText('Écoutez notre jingle')).toBeVisible();
  for (const page of [alice, bob]) {
    const player = feed(page).locator('audio[controls]');
    await expect(player).toBeVisible();
    await player.focus();
    await expect(player).toBeFocused();
  }
  const sound = await alice.request.get((await feed(alice).locator('audio').getAttribute('src'))!);
  expect(sound.headers()['content-type']).toBe('audio/wav');
  expect((await sound.body()).subarray(0, 4).toString('ascii')).toBe('RIFF');
  // New messages are announced to screen readers: the stimulus too.
  await expect(alice.locator('[aria-live="polite"]').first()).toContainText('Écoutez notre jingle');
  await moderator.getByLabel('À', { exact: true }).selectOption({ label: `En privé à ${alicePseudonym}` });
  await moderator.getByLabel('Votre message').fill('Merci Alice, pouvez-vous préciser ?');
  await moderator.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(feed(alice).getByText('Merci Alice, pouvez-vous préciser ?')).toBeVisible();
  await expect(feed(alice).getByText(`En privé, avec ${alicePseudonym}`)).toBeVisible();

  // The observer suggests a probe in the backroom; the moderator edits and approves it into the room.
  await observer.getByLabel('Message à l’équipe').fill('Demandez-leur le prix qu’ils paieraient');
  await observer.getByRole('button', { name: 'Proposer comme relance' }).click();
  await moderator.getByLabel('Relance à publier').fill('Combien paieriez-vous pour ce garde-boue ?');
  await moderator.getByRole('button', { name: 'Approuver et publier' }).click();
  await expect(feed(bob).getByText('Combien paieriez-vous pour ce garde-boue ?')).toBeVisible();
  await expect(feed(alice).getByText('Combien paieriez-vous pour ce garde-boue ?')).toBeVisible();
  await expect(observer.getByText('Approuvée')).toBeVisible();
  // The conversation follows new messages for a reader at its end (the observer never scrolled it).
  await expect
    .poll(() =>
      feed(observer)
        .locator('ol.live-feed')
        .evaluate((el) =>
          // Only meaningful once the conversation overflows its box (a box that does not scroll fails).
          el.scrollHeight > el.clientHeight ? el.scrollHeight - el.scrollTop - el.clientHeight : Infinity,
        ),
    )
    .toBeLessThan(48);
  // The moderator (research staff) keeps the approved probe in the community's library from the backroom;
  // the observer, who does not prepare sessions, is not offered it.
  await moderator
    .getByRole('button', {
      name: 'Enregistrer dans la bibliothèque de relances : Combien paieriez-vous pour ce garde-boue ?',
    })
    .click();
  await expect(moderator.getByText('Enregistrée dans la bibliothèque de relances.')).toBeVisible();
  await expect(observer.getByRole('button', { name: /^Enregistrer dans la bibliothèque/ })).toHaveCount(0);
  const library = (await (await api.get(`/api/v1/communities/${slug}/live-probes`)).json()) as {
    items: { body: string }[];
  };
  expect(library.items.map((p) => p.body)).toContain('Combien paieriez-vous pour ce garde-boue ?');
  // Nothing of the backroom or the observer reached the participants; Bob never saw the private message.
  for (const page of [alice, bob]) {
    await expect(page.getByText('Demandez-leur le prix')).toHaveCount(0);
    await expect(page.getByText(observerPseudonym)).toHaveCount(0);
    await expect(page.getByText('Salle d’observation')).toHaveCount(0);
    await expect(page.getByText('Backroom (staff only)')).toHaveCount(0);
  }
  await expect(bob.getByText('Merci Alice, pouvez-vous préciser ?')).toHaveCount(0);
  await expectAccessible(alice);
  await expectNoHorizontalScroll(alice);
  // With the on-screen keyboard up (about half of the phone's height left), the composer and its button stay
  // reachable: focusing the message brings them into view.
  await alice.setViewportSize({ width: 390, height: 420 });
  await alice.getByLabel('Votre message').focus();
  await expect(alice.getByLabel('Votre message')).toBeInViewport();
  await alice.keyboard.press('Tab');
  await alice.keyboard.press('Tab');
  await expect(alice.getByRole('button', { name: 'Envoyer', exact: true })).toBeFocused();
  await expect(alice.getByRole('button', { name: 'Envoyer', exact: true })).toBeInViewport();
  await expectNoHorizontalScroll(alice);
  await alice.setViewportSize({ width: 390, height: 844 });
  await alice.screenshot({ path: 'test-results/live-participant-phone.png', fullPage: true });
  await moderator.screenshot({ path: 'test-results/live-moderator.png', fullPage: true });
  await bob.screenshot({ path: 'test-results/live-participant-en.png', fullPage: true });
  await observer.screenshot({ path: 'test-results/live-observer.png' });

  // The end: thank-you for participants, then the transcript and its exports.
  await moderator.getByRole('button', { name: 'Terminer la session' }).click();
  await expect(alice.getByRole('heading', { name: 'Merci !' })).toBeVisible();
  await expect(bob.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await moderator.goto(`${sessionUrl}/transcript`);
  await expect(moderator.getByRole('heading', { level: 1 })).toHaveText('Transcription : Rouler en hiver');
  await expect(moderator.getByText('Demandez-leur le prix qu’ils paieraient').first()).toBeVisible();
  await expectAccessible(moderator);
  const csv = await moderator.request.get(
    `/api/v1/communities/${slug}/live-sessions/${sessionId}/transcript/export?format=csv`,
  );
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain('Pour aller au travail');
  expect(text).not.toContain('Demandez-leur le prix');
});
