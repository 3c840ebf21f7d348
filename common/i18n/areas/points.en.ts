/** English messages of the points ledger and rewards area. */
export const pointsEn = {
  'points.error.insufficient': 'Not enough points available for this.',
  'points.error.notPending': 'This award is no longer pending.',
  'points.error.badgeHeld': 'This member already holds this badge.',
  'points.validation.reason': 'Give a reason (up to 500 characters).',
  'points.validation.nonZero': 'Enter a whole number other than zero, between −1,000,000 and 1,000,000.',
  'points.validation.date': 'Enter a date as YYYY-MM-DD.',
  'points.validation.duplicateAction': 'This action is listed twice.',
  'points.validation.duplicateRank': 'Two ranks have this name.',
  'points.validation.firstRankZero': 'The first rank is everyone’s: it cannot ask for anything.',
  'points.validation.rankOrder':
    'Each rank must ask for at least as much as the one before, and more of something.',
  'points.validation.badgeTaken': 'A badge already has this name.',
  'points.rank.default.newcomer': 'Newcomer',
  'points.rank.default.regular': 'Regular',
  'points.rank.default.contributor': 'Contributor',
  'points.rank.default.expert': 'Expert',
  'points.rank.default.superfan': 'Superfan',
} as const;
