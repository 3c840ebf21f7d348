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
