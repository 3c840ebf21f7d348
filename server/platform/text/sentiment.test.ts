import { describe, expect, it } from 'vitest';
import { labelOf, sentimentScorer } from './sentiment.ts';

describe('sentimentScorer', () => {
  it('tells praise from complaints in French and English', async () => {
    const scorer = sentimentScorer();
    expect((await scorer.score('I love this bike, it is great', 'en')).label).toBe('positive');
    expect((await scorer.score('This is bad, I hate it', 'en')).label).toBe('negative');
    expect((await scorer.score("J'adore ce vélo, il est génial", 'fr')).label).toBe('positive');
    expect((await scorer.score("C'est nul, très déçu", 'fr')).label).toBe('negative');
    expect((await scorer.score('The box is blue', 'en')).label).toBe('neutral');
  });

  it('labels scores around zero as neutral', () => {
    expect([labelOf(0.5), labelOf(0), labelOf(-0.2)]).toEqual(['positive', 'neutral', 'negative']);
  });
});
