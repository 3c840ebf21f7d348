/** English messages of the live-sessions area (focus groups). */
export const liveEn = {
  'live.error.notStaff': 'Choose a staff member of the community for this role.',
  'live.error.bothRoles': 'Someone cannot be both moderator and observer.',
  'live.error.closed': 'This session has ended or was cancelled.',
  'live.error.alreadyLive': 'A session that has started cannot be cancelled; end it instead.',
  'live.error.onlyQuestions': 'Only questions have a question type or answer blind.',
  'live.error.twoOptions': 'A choice question needs at least two options.',
  'live.error.noOptions': 'Only choice questions have options.',
  'live.error.itemSent': 'This item was already sent or skipped: it can move but no longer change.',
  'live.error.itemSentRemoved': 'Items already sent or skipped cannot be removed from the guide.',
  'live.error.notMember': 'Choose an active member of the community.',
  'live.error.isStaff': 'This member works on the session and cannot be a participant.',
  'live.error.tooManyInvited': 'At most {{limit}} invitations for this session (twice its capacity).',
  'live.mail.invitation.subject': 'You are invited to a live session: {{title}}',
  'live.mail.invitation.body':
    'You are invited to take part in "{{title}}", a live discussion on {{when}}.\n\nAccept or decline here: {{url}}\nAdd it to your calendar: {{ics}}',
  'live.mail.reminder.subject': 'Reminder: {{title}} starts soon',
  'live.mail.reminder.body':
    'The live session "{{title}}" starts on {{when}}. The waiting room opens a few minutes before.\n\nJoin here: {{url}}',
} as const;
