import type { pointsEn } from './points.en.ts';

/** French messages of the points ledger and rewards area. */
export const pointsFr: Record<keyof typeof pointsEn, string> = {
  'points.error.insufficient': 'Pas assez de points disponibles pour cela.',
};
