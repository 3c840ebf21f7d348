import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, freshCommunity, signedInUser, testApp } from '../../../../test/helpers.ts';
import { seedCampaign } from '../../../../test/recruitment-fixtures.ts';
import { seedSurvey, TWO_PAGE_SURVEY } from '../../../../test/research-fixtures.ts';
import type { SurveyDefinitionInput } from '../../research/survey-definition.ts';

// The bad-input line: "a 50 MB upload … gets a clear error … and loses nothing already saved".
beforeAll(() => testApp(), 180_000);

const FIFTY_MB = 50 * 1024 * 1024;

/** A survey: the bike question, then a page asking for a photo. */
const PHOTO_SURVEY: SurveyDefinitionInput = {
  pages: [
    { id: 'p1', questions: TWO_PAGE_SURVEY.pages[0].questions },
    { id: 'p2', questions: [{ id: 'photo', type: 'file', title: 'A photo of it', required: true }] },
  ],
};

/** A multipart body with one file part of `size` bytes. */
function multipart(size: number) {
  const boundary = '----cercle-large-upload';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.jpg"\r\n` +
      'Content-Type: image/jpeg\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.alloc(size, 0xff), tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('a 50 MB upload', () => {
  it('as a survey photo is refused next to the file field, in French; the saved page stays', async () => {
    const { app } = await testApp();
    const community = await freshCommunity({ visibility: 'private' });
    const member = await signedInUser();
    await addMember(community.id, member.userId);
    const survey = await seedSurvey(community.id, { definition: PHOTO_SURVEY });
    const url = `/api/v1/communities/${community.slug}/surveys/${survey.id}`;
    const saved = await app.inject({
      method: 'PUT',
      url: `${url}/response`,
      headers: member.headers,
      payload: { pageId: 'p1', answers: { owns: 'yes' } },
    });
    expect(saved.statusCode).toBe(200);
    const { payload, contentType } = multipart(FIFTY_MB);
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/communities/${community.slug}/uploads`,
      headers: { ...member.headers, 'content-type': contentType, 'accept-language': 'fr' },
      payload,
    });
    expect(upload.statusCode).toBe(422);
    const { errors } = upload.json<{ errors: { path: string; message: string }[] }>();
    expect(errors).toEqual([expect.objectContaining({ path: '/file', message: 'L’image dépasse 5 Mo.' })]);
    // The same 50 MB sent as the page's answers: 413, and the saved page is untouched.
    const tooLarge = await app.inject({
      method: 'PUT',
      url: `${url}/response`,
      headers: { ...member.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ pageId: 'p2', answers: { photo: 'x'.repeat(FIFTY_MB) } }),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'payload_too_large' });
    const after = await app.inject({ method: 'GET', url, headers: member.headers });
    expect(after.json<{ response: unknown }>().response).toMatchObject({
      status: 'in_progress',
      answers: { owns: 'yes' },
    });
    const { kernel } = await testApp();
    const uploads = await kernel.db
      .selectFrom('uploads')
      .select('id')
      .where('community_id', '=', community.id)
      .execute();
    expect(uploads).toEqual([]);
  });

  it('as a contact CSV is refused with 413 in English; the contacts already invited stay', async () => {
    const { app, kernel } = await testApp();
    const community = await freshCommunity({ visibility: 'private' });
    const admin = await signedInUser();
    await addMember(community.id, admin.userId, 'admin');
    const campaign = await seedCampaign(community.id);
    const url = `/api/v1/communities/${community.slug}/campaigns/${campaign.id}/contacts`;
    const first = await app.inject({
      method: 'POST',
      url,
      headers: admin.headers,
      payload: { csv: 'email\nfirst-customer@example.test', mapping: { email: 'email' } },
    });
    expect(first.json()).toMatchObject({ invited: 1 });
    const rows = Array.from({ length: FIFTY_MB / 32 }, (_, i) =>
      `customer-${i}@example.test`.padEnd(31, 'x'),
    );
    const huge = await app.inject({
      method: 'POST',
      url,
      headers: { ...admin.headers, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ csv: `email\n${rows.join('\n')}`, mapping: { email: 'email' } }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'payload_too_large', title: 'What you sent is too large.' });
    const invitations = await kernel.db
      .selectFrom('recruitment_invitations')
      .select('email')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(invitations.map((i) => i.email)).toEqual(['first-customer@example.test']);
  });
});
