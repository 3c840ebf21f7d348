/** The question types of a survey, shared by the server's definition schema and the web's builder. */
export const QUESTION_TYPES = [
  'single',
  'multiple',
  'scale',
  'nps',
  'matrix',
  'text',
  'ranking',
  'number',
  'date',
  'image_choice',
  'file',
  'hotspot',
  'preference',
] as const;

/** The most markers a "click where you like / dislike" (hotspot) question takes, and its default. */
export const HOTSPOT_LIMITS = { max: 20, default: 5, comment: 280 } as const;

/** A preference's "why" holds at most this many characters. */
export const PREFERENCE_WHY_MAX = 1000;

/**
 * The question types the survey builder offers a stimulus file for (shown above the question: rate it,
 * comment on it, pick among choices about it, click on it); a preference has its two variants instead and
 * an image choice a picture per choice.
 */
export const STIMULUS_TYPES: readonly (typeof QUESTION_TYPES)[number][] = [
  'single',
  'multiple',
  'scale',
  'nps',
  'text',
  'hotspot',
];

/** How many choice pictures the builder form offers for an image-choice question at least. */
export const IMAGE_CHOICE_SLOTS = 4;
