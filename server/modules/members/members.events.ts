/** Events of the members area. */
export const MemberEvents = {
  joined: 'member.joined',
  requested: 'member.join_requested',
  roleChanged: 'member.role_changed',
  statusChanged: 'member.status_changed',
  identityViewed: 'member.identity_viewed',
} as const;
