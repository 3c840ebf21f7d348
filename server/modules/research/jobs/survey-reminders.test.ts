import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, outboxEventsOf, plainUser, testApp } from '../../../../test/helpers.ts';
import { researchCommunity, seedSegment, seedSurvey } from '../../../../test/research-fixtures.ts';
import { saveSurveyPage } from '../commands/save-survey-page.ts';
import { submitSurveyResponse } from '../commands/submit-survey-response.ts';
import { ctxFor } from '../../../../test/helpers.ts';
import { sendSurveyReminders } from './survey-reminders.ts';

beforeAll(() => testApp(), 180_000);

async function mailsOfSurvey(title: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('mail_messages')
    .select(['to_address', 'subject', 'text_body', 'locale'])
    .where('kind', '=', 'survey.reminder')
    .where('subject', 'like', `%${title}%`)
    .orderBy('to_address')
    .execute();
}

describe('sendSurveyReminders', () => {
  it('reminds targeted non-respondents once, in their language, when the survey closes within 48 hours', async () => {
    const f = await researchCommunity();
    const { kernel } = await testApp();
    const title = `Closing ${Date.now()}`;
    const now = new Date();
    const soon = await seedSurvey(f.community.id, { closes_at: new Date(now.getTime() + 24 * 3_600_000) });
    await kernel.db.updateTable('surveys').set({ title }).where('id', '=', soon.id).execute();
    const later = await seedSurvey(f.community.id, { closes_at: new Date(now.getTime() + 96 * 3_600_000) });
    // The member completed it; the other one started; the observer is never asked.
    const args = { ctx: await ctxFor(f.member.user), community: f.community.slug, surveyId: soon.id };
    await saveSurveyPage({ ...args, input: { pageId: 'p1', answers: { owns: 'yes' } } });
    await submitSurveyResponse({ ...args, input: { pageId: 'p2', answers: { nps: 8 } } });
    await saveSurveyPage({
      ctx: await ctxFor(f.other.user),
      community: f.community.slug,
      surveyId: soon.id,
      input: { pageId: 'p1', answers: { owns: 'yes' } },
    });
    await kernel.db
      .updateTable('auth_user')
      .set({ locale: 'en' })
      .where('id', '=', f.other.user.userId)
      .execute();

    await sendSurveyReminders(kernel, now);
    const mails = await mailsOfSurvey(title);
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [f.admin.user.email, f.moderator.user.email, f.other.user.email].sort(),
    );
    const english = mails.find((m) => m.to_address === f.other.user.email)!;
    expect(english.subject).toBe(`A survey closes soon: ${title}`);
    expect(english.text_body).toContain(`/c/${f.community.slug}/surveys/${soon.id}`);
    const events = (await outboxEventsOf(f.community.id)).filter((e) => e.type === 'survey.reminded');
    expect(events.map((e) => e.payload)).toEqual([
      { communityId: f.community.id, surveyId: soon.id, reminded: 3 },
    ]);

    // A second sweep sends nothing more; the survey closing later is not due yet.
    await sendSurveyReminders(kernel, now);
    expect(await mailsOfSurvey(title)).toHaveLength(3);
    const laterRow = await kernel.db
      .selectFrom('surveys')
      .select('reminded_at')
      .where('id', '=', later.id)
      .executeTakeFirstOrThrow();
    expect(laterRow.reminded_at).toBeNull();
  });

  it('reminds only the members of the survey’s segment', async () => {
    const f = await researchCommunity();
    const { kernel } = await testApp();
    const expertUser = await plainUser();
    await addMember(f.community.id, expertUser.userId, 'expert');
    const segment = await seedSegment(f.community.id, {
      match: 'all',
      conditions: [{ type: 'role', in: ['expert'] }],
    });
    const title = `Experts ${Date.now()}`;
    const survey = await seedSurvey(f.community.id, {
      segment_id: segment.id,
      closes_at: new Date(Date.now() + 3_600_000),
    });
    await kernel.db.updateTable('surveys').set({ title }).where('id', '=', survey.id).execute();
    await sendSurveyReminders(kernel);
    expect((await mailsOfSurvey(title)).map((m) => m.to_address)).toEqual([expertUser.email]);
  });
});
