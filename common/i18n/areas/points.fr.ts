import type { pointsEn } from './points.en.ts';

/** French messages of the points ledger and rewards area. */
export const pointsFr: Record<keyof typeof pointsEn, string> = {
  'points.error.insufficient': 'Pas assez de points disponibles pour cela.',
  'points.error.notPending': 'Cette attribution n’est plus en attente.',
  'points.error.badgeHeld': 'Ce membre a déjà ce badge.',
  'points.validation.reason': 'Indiquez un motif (500 caractères au plus).',
  'points.validation.nonZero': 'Saisissez un nombre entier non nul, entre −1 000 000 et 1 000 000.',
  'points.validation.date': 'Saisissez une date au format AAAA-MM-JJ.',
  'points.validation.duplicateAction': 'Cette action figure deux fois.',
  'points.validation.duplicateRank': 'Deux rangs portent ce nom.',
  'points.validation.firstRankZero': 'Le premier rang est celui de tous : il ne peut rien exiger.',
  'points.validation.rankOrder':
    'Chaque rang doit exiger au moins autant que le précédent, et davantage sur un critère.',
  'points.validation.badgeTaken': 'Un badge porte déjà ce nom.',
  'points.rank.default.newcomer': 'Nouveau venu',
  'points.rank.default.regular': 'Habitué',
  'points.rank.default.contributor': 'Contributeur',
  'points.rank.default.expert': 'Expert',
  'points.rank.default.superfan': 'Superfan',
};
