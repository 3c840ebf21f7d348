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
] as const;
