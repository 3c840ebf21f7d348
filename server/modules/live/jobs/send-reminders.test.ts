import { beforeAll, describe, expect, it } from 'vitest';
import { mailsTo } from '../../../../test/case-fixtures.ts';
import { liveCommunity, participantRow } from '../../../../test/live-fixtures.ts';
import { testApp } from '../../../../test/helpers.ts';
import { sendLiveReminders } from './send-reminders.ts';

beforeAll(() => testApp(), 180_000);

describe('sendLiveReminders', () => {
  it('reminds invited and accepted participants a day and an hour before, once each, never those who declined', async () => {
    const { kernel } = await testApp();
    const f = await liveCommunity();
    const startsAt = new Date(Date.now() + 20 * 3_600_000);
    await kernel.db
      .updateTable('live_sessions')
      .set({ starts_at: startsAt })
      .where('id', '=', f.session.id)
      .execute();
    await kernel.db
      .updateTable('live_participants')
      .set({ invitation: 'declined', responded_at: new Date() })
      .where('member_id', '=', f.bob.memberId)
      .execute();
    // Two days before: nothing. Twenty hours before: the day-before reminder, once.
    await sendLiveReminders(kernel, new Date(startsAt.getTime() - 48 * 3_600_000));
    expect(await mailsTo(f.alice.user.email)).toEqual([]);
    await sendLiveReminders(kernel);
    await sendLiveReminders(kernel);
    expect((await mailsTo(f.alice.user.email)).map((m) => m.kind)).toEqual(['live.reminder']);
    expect((await participantRow(f.session.id, f.alice.memberId)).reminded_24h_at).not.toBeNull();
    // Half an hour before: the hour-before reminder, once; Bob declined and gets nothing.
    const late = new Date(startsAt.getTime() - 30 * 60_000);
    await sendLiveReminders(kernel, late);
    await sendLiveReminders(kernel, late);
    const mails = await mailsTo(f.alice.user.email);
    expect(mails.map((m) => m.kind)).toEqual(['live.reminder', 'live.reminder']);
    expect(mails[1].text_body).toContain(`/live/${f.session.id}`);
    expect(await mailsTo(f.bob.user.email)).toEqual([]);
  });
});
