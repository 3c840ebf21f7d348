import { expect, test } from '@playwright/test';
import {
  adminApi,
  clientAddress,
  createCommunity,
  signUpAndVerify,
  unique,
  joinCommunity,
} from './support.ts';

test.use({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(20) });

test('a member asks, another answers, the asker accepts the answer and the question shows as solved', async ({
  page,
  browser,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  const board = await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Entraide technique', slug: 'entraide', kind: 'questions' },
  });
  expect(board.status()).toBe(201);

  const asker = unique('Asker_').slice(0, 30);
  await signUpAndVerify(page, api, 'Camille', `${unique('ask')}@example.test`, 'camille-password-2026');
  await joinCommunity(page, community.slug, asker);
  await page.getByRole('link', { name: 'Entraide technique' }).click();
  await page.getByLabel('Titre').fill('Autonomie divisée par deux en hiver ?');
  await page
    .getByLabel('Détails')
    .fill('Ma batterie ne tient plus que 25 km. <script>alert(1)</script> Normal ?');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autonomie divisée par deux en hiver ?');
  await expect(page.locator('.post__body').first()).toContainText('<script>alert(1)</script>');
  const topicUrl = page.url();

  const helperContext = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: clientAddress(21) });
  const helperPage = await helperContext.newPage();
  const answerer = unique('Luc_').slice(0, 30);
  await signUpAndVerify(helperPage, api, 'Luc', `${unique('ans')}@example.test`, 'luc-password-2026-x');
  await joinCommunity(helperPage, community.slug, answerer);
  await helperPage.goto(topicUrl);
  await helperPage
    .getByLabel('Votre réponse')
    .fill('C’est normal sous 5 °C : stockez la batterie **à l’intérieur**.');
  await helperPage.getByRole('button', { name: 'Répondre' }).click();
  await expect(helperPage.getByRole('article', { name: `par ${answerer}` })).toContainText(
    'stockez la batterie à l’intérieur',
  );
  await expect(helperPage.getByRole('button', { name: 'Accepter comme solution' })).toHaveCount(0);
  await helperContext.close();

  await page.goto(topicUrl);
  await page
    .getByRole('article', { name: `par ${answerer}` })
    .getByRole('button', { name: 'Donner un kudo' })
    .click();
  await expect(page.getByRole('status')).toHaveText('Kudo donné.');
  await page
    .getByRole('article', { name: `par ${answerer}` })
    .getByRole('button', { name: 'Accepter comme solution' })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Solutions acceptées' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Résolu');

  await page.getByRole('link', { name: 'Entraide technique' }).click();
  await page.getByRole('link', { name: 'Non résolus' }).click();
  await expect(page.getByText('Autonomie divisée par deux en hiver ?')).toHaveCount(0);
});

test('a crawler gets a complete public question with its JSON-LD, a sitemap and robots.txt; private communities stay closed', async ({
  request,
}) => {
  const api = await adminApi();
  const community = await createCommunity(api);
  await api.post(`/api/v1/communities/${community.slug}/boards`, {
    data: { title: 'Aide', slug: 'aide', kind: 'questions' },
  });
  // The admin writes as a member of the community (a pseudonym is needed to post).
  await api.post(`/api/v1/communities/${community.slug}/members`, {
    data: { pseudonym: unique('Equipe_').slice(0, 30) },
  });
  const topic = await api.post(`/api/v1/communities/${community.slug}/boards/aide/topics`, {
    data: { title: 'Comment régler les freins ?', body: 'Mes freins **grincent** sous la pluie.' },
  });
  expect(topic.status()).toBe(201);
  const { id } = (await topic.json()) as { id: string };

  const page = await request.get(`/c/${community.slug}/t/${id}`, {
    headers: { 'user-agent': 'Googlebot/2.1' },
  });
  // The first anonymous read is the one stored in the public cache: it keeps the page's own headers.
  expect(page.headers()['content-type']).toMatch(/^text\/html/);
  expect(page.headers()['x-cercle-public-cache']).toBeUndefined();
  const html = await page.text();
  expect(html).toContain(`<link rel="canonical" href="http://localhost:3210/c/${community.slug}/t/${id}"/>`);
  expect(html).toContain('<meta property="og:title" content="Comment régler les freins ?"/>');
  const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
  expect(JSON.parse(ld!)).toMatchObject({
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: 'Comment régler les freins ?',
      text: 'Mes freins grincent sous la pluie.',
    },
  });
  expect(html).toContain('Mes freins <strong>grincent</strong> sous la pluie.');

  // Anonymous readers get it again from the public cache, with an ETag; a new reply drops it at once.
  const topicUrl = `/c/${community.slug}/t/${id}`;
  const again = await request.get(topicUrl);
  expect(again.headers()['x-cercle-cache']).toBe('hit');
  expect(again.headers()['cache-control']).toContain('public');
  expect(again.headers()['content-type']).toMatch(/^text\/html/);
  const etag = again.headers().etag;
  expect((await request.get(topicUrl, { headers: { 'if-none-match': etag } })).status()).toBe(304);
  const reply = await api.post(`/api/v1/communities/${community.slug}/topics/${id}/replies`, {
    data: { body: 'Un peu de graisse silicone sur les patins.' },
  });
  expect(reply.status()).toBe(201);
  const fresh = await request.get(topicUrl);
  expect(fresh.headers()['x-cercle-cache']).toBeUndefined();
  expect(await fresh.text()).toContain('graisse silicone');

  const sitemap = await (await request.get(`/c/${community.slug}/sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>http://localhost:3210/c/${community.slug}/t/${id}</loc>`);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: http://localhost:3210/c/${community.slug}/sitemap.xml`);
  expect(robots).toContain('Disallow: /admin/');

  const hidden = await createCommunity(api, { visibility: 'hidden' });
  expect((await request.get(`/c/${hidden.slug}/sitemap.xml`)).status()).toBe(404);
  expect(await (await request.get('/robots.txt')).text()).not.toContain(hidden.slug);
  const privateCommunity = await createCommunity(api, { visibility: 'private' });
  expect(await (await request.get(`/c/${privateCommunity.slug}/sitemap.xml`)).text()).not.toContain('/t/');
});
