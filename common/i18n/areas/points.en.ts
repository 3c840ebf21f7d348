/** English messages of the points ledger and rewards area. */
export const pointsEn = {
  'points.error.insufficient': 'Not enough points available for this.',
} as const;
