/** Events of the notifications area (`resource.past_tense`). */
export const NotificationEvents = {
  followChanged: 'follow.changed',
  notificationsRead: 'notifications.read',
  emailPreferencesUpdated: 'email_preferences.updated',
} as const;
