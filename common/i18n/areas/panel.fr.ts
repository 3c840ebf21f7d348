import type { panelEn } from './panel.en.ts';

/** Messages français de la qualité du panel : fiabilité, notes, période d’essai, santé et réglages. */
export const panelFr: Record<keyof typeof panelEn, string> = {
  'panel.error.notOnProbation': 'Ce membre n’est pas en période d’essai.',
  'research.validation.trapType':
    'Seules les questions à choix unique, échelle, NPS et nombre peuvent servir de piège.',
  'research.validation.repeatShape':
    'Une question répétée a le même type et les mêmes choix que la question précédente qu’elle répète.',
} as const;
