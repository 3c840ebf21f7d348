import { beforeAll, describe, expect, it } from 'vitest';
import { ctxFor, expectAppError, testApp } from '../../../../test/helpers.ts';
import { seedCompletedResponse } from '../../../../test/panel-fixtures.ts';
import { researchCommunity, seedSurvey } from '../../../../test/research-fixtures.ts';
import { newId } from '../../../platform/db/ids.ts';
import { getUpload } from '../../support/commands/get-upload.ts';
import type { SurveyDefinitionInput } from '../survey-definition.ts';

beforeAll(() => testApp(), 180_000);

async function seedUpload(communityId: string, uploaderId: string) {
  const { kernel } = await testApp();
  const id = newId();
  await kernel.db
    .insertInto('uploads')
    .values({
      id,
      community_id: communityId,
      uploader_id: uploaderId,
      content_type: 'image/png',
      bytes: 68,
      width: 1,
      height: 1,
      sha256: 'a'.repeat(64),
    })
    .execute();
  return id;
}

const withImageChoice = (imageId: string): SurveyDefinitionInput => ({
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'logo',
          type: 'image_choice',
          title: 'Which logo?',
          required: true,
          options: [{ id: 'a', label: 'A', imageId }],
        },
        { id: 'photo', type: 'file', title: 'Your bike', required: false },
      ],
    },
  ],
});

describe('survey images and photo answers through the upload-serving rule', () => {
  it('shows an image choice to whoever sees the survey, and a photo answer to staff and observers only', async () => {
    const f = await researchCommunity();
    const logo = await seedUpload(f.community.id, f.admin.memberId);
    const photo = await seedUpload(f.community.id, f.member.memberId);
    const survey = await seedSurvey(f.community.id, { definition: withImageChoice(logo) });
    await seedCompletedResponse(survey, f.member.memberId, { logo: 'a', photo }, 60_000);
    const sees = async (who: { user: Parameters<typeof ctxFor>[0] }, uploadId: string) => {
      try {
        await getUpload({ ctx: await ctxFor(who.user), uploadId });
        return true;
      } catch {
        return false;
      }
    };
    expect(await sees(f.other, logo)).toBe(true);
    expect(await sees(f.outsider, logo)).toBe(false);
    expect(await sees(f.member, photo)).toBe(true);
    expect(await sees(f.moderator, photo)).toBe(true);
    expect(await sees(f.observer, photo)).toBe(true);
    expect(await sees(f.other, photo)).toBe(false);
    await expectAppError(getUpload({ ctx: await ctxFor(f.other.user), uploadId: photo }), 'not_found');
  });

  it('keeps a draft survey’s images from members and a stray upload from everyone but its uploader', async () => {
    const f = await researchCommunity();
    const logo = await seedUpload(f.community.id, f.admin.memberId);
    await seedSurvey(f.community.id, { definition: withImageChoice(logo), published: false });
    const stray = await seedUpload(f.community.id, f.member.memberId);
    await expectAppError(getUpload({ ctx: await ctxFor(f.member.user), uploadId: logo }), 'not_found');
    await getUpload({ ctx: await ctxFor(f.moderator.user), uploadId: logo });
    await expectAppError(getUpload({ ctx: await ctxFor(f.moderator.user), uploadId: stray }), 'not_found');
  });
});
