/**
 * The reliability score's rules (issue 5, point 7): a member starts at 100 and loses points for each
 * sign of inattention, within a cap per factor; moderator ratings move the score up or down. Pure
 * functions: the inputs are counted by `reliability.repository.ts`.
 */

/** The counts the score is computed from. */
export interface ReliabilityInputs {
  /** Trap and repeated questions answered, and how many of them were failed. */
  checks: number;
  failedChecks: number;
  /** Completed surveys whose time could be judged (enough respondents), and how many were far too fast. */
  timedResponses: number;
  speedingResponses: number;
  /** Matrix questions judged, and how many were straight-lined. */
  grids: number;
  straightLined: number;
  /** Invitations accepted to sessions that have ended, and how many of them were never joined. */
  acceptedSessions: number;
  noShows: number;
  /** Moderator ratings (1–5): how many and their average. */
  ratings: number;
  averageRating: number | null;
}

/** The inputs of a member with no history: nothing counted, no rating. */
export const NO_INPUTS: Readonly<ReliabilityInputs> = {
  checks: 0,
  failedChecks: 0,
  timedResponses: 0,
  speedingResponses: 0,
  grids: 0,
  straightLined: 0,
  acceptedSessions: 0,
  noShows: 0,
  ratings: 0,
  averageRating: null,
};

/** The factors' names, in the order staff see them. */
export const RELIABILITY_FACTORS = [
  'inconsistent',
  'speeding',
  'straightLining',
  'noShows',
  'ratings',
] as const;
/** One factor's name. */
export type ReliabilityFactorName = (typeof RELIABILITY_FACTORS)[number];

/** One factor as staff see it: how many times it was observed, out of how many, and its effect. */
export interface ReliabilityFactor {
  name: ReliabilityFactorName;
  count: number;
  outOf: number;
  /** Points added to (positive) or taken from (negative) the score. */
  points: number;
}

/** Points lost per occurrence and the most a factor can take, by factor. */
export const PENALTIES = {
  inconsistent: { each: 15, cap: 45 },
  speeding: { each: 10, cap: 30 },
  straightLining: { each: 10, cap: 30 },
  noShows: { each: 15, cap: 45 },
} as const;
/** Points per rating point above (or below) the middle rating of 3. */
export const RATING_WEIGHT = 10;

const penalty = (name: keyof typeof PENALTIES, count: number) =>
  -Math.min(PENALTIES[name].cap, PENALTIES[name].each * count);

/** The factors of a member's reliability, from the counted inputs. */
export function reliabilityFactors(inputs: ReliabilityInputs): ReliabilityFactor[] {
  const ratingPoints =
    inputs.averageRating === null ? 0 : Math.round((inputs.averageRating - 3) * RATING_WEIGHT);
  return [
    {
      name: 'inconsistent',
      count: inputs.failedChecks,
      outOf: inputs.checks,
      points: penalty('inconsistent', inputs.failedChecks),
    },
    {
      name: 'speeding',
      count: inputs.speedingResponses,
      outOf: inputs.timedResponses,
      points: penalty('speeding', inputs.speedingResponses),
    },
    {
      name: 'straightLining',
      count: inputs.straightLined,
      outOf: inputs.grids,
      points: penalty('straightLining', inputs.straightLined),
    },
    {
      name: 'noShows',
      count: inputs.noShows,
      outOf: inputs.acceptedSessions,
      points: penalty('noShows', inputs.noShows),
    },
    { name: 'ratings', count: inputs.ratings, outOf: inputs.ratings, points: ratingPoints },
  ];
}

/** The score 0–100: 100 plus every factor's points, bounded. */
export function reliabilityScore(factors: readonly ReliabilityFactor[]): number {
  const total = factors.reduce((sum, f) => sum + f.points, 100);
  return Math.max(0, Math.min(100, total));
}

/**
 * An email address in a comparable form: lower case, without a `+tag`, and without the dots Gmail
 * ignores. Null for something that is not an address.
 */
export function normalisedEmail(email: string | null): string | null {
  const lower = (email ?? '').trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return null;
  let local = lower.slice(0, at).split('+')[0];
  const domain = lower.slice(at + 1).replace(/^googlemail\.com$/, 'gmail.com');
  if (domain === 'gmail.com') local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}

/**
 * A phone number in a comparable form: its last nine digits (the national number of a French number, the
 * same whether written 06…, +33 6… or 0033 6…). Null when it holds fewer than nine digits.
 */
export function normalisedPhone(phone: string | null): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : null;
}

/** Two profiles are near-identical when they share at least this many values… */
export const PROFILE_MIN_SAME = 3;
/** …and the same values make at least this share of the attributes either of them filled. */
export const PROFILE_SAME_SHARE = 0.8;
