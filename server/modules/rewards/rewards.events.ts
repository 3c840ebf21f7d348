/** Events of the points area (`resource.past_tense`), emitted by staff and member commands. */
export const PointsEvents = {
  pointsAdjusted: 'points.adjusted',
  awardReleased: 'points_award.released',
  awardDenied: 'points_award.denied',
  rulesUpdated: 'point_rules.updated',
  ranksUpdated: 'ranks.updated',
  badgeCreated: 'badge.created',
  badgeAwarded: 'badge.awarded',
  badgeRevoked: 'badge.revoked',
  flagResolved: 'points_flag.resolved',
  preferencesUpdated: 'points_preferences.updated',
} as const;
