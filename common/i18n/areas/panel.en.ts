/** English messages of the panel's quality: reliability, ratings, probation, panel health and settings. */
export const panelEn = {
  'panel.error.notOnProbation': 'This member is not on probation.',
  'research.validation.trapType': 'Only single-choice, scale, NPS and number questions can be traps.',
  'research.validation.repeatShape':
    'A repeated question has the same type and choices as the earlier question it repeats.',
} as const;
