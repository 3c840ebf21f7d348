import { Container } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangFr } from '@nlpjs/lang-fr';
import { SentimentAnalyzer } from '@nlpjs/sentiment';

/** The polarity of a text. */
export type SentimentLabel = 'positive' | 'neutral' | 'negative';

/** A text's sentiment: a score (below 0 negative, above 0 positive) and its label. */
export interface Sentiment {
  score: number;
  label: SentimentLabel;
}

/** Scores the sentiment of short texts in French and English; another model can implement it later. */
export interface SentimentScorer {
  score(text: string, locale: 'fr' | 'en'): Promise<Sentiment>;
}

/** The label of a score: within ±0.05 of zero is neutral. */
export function labelOf(score: number): SentimentLabel {
  if (score > 0.05) return 'positive';
  if (score < -0.05) return 'negative';
  return 'neutral';
}

/** The nlp.js scorer (AFINN-style lexicons with stemming, offline). */
class NlpjsScorer implements SentimentScorer {
  private readonly analyzer: SentimentAnalyzer;
  constructor() {
    const container = new Container();
    container.use(LangEn);
    container.use(LangFr);
    this.analyzer = new SentimentAnalyzer({ container });
  }
  async score(text: string, locale: 'fr' | 'en'): Promise<Sentiment> {
    const result = (await this.analyzer.process({ locale, text: text.slice(0, 5000) })) as {
      sentiment?: { score?: number };
    };
    const score = Math.round((result.sentiment?.score ?? 0) * 1000) / 1000;
    return { score, label: labelOf(score) };
  }
}

let shared: SentimentScorer | null = null;
/** The process's sentiment scorer (built once, on first use). */
export function sentimentScorer(): SentimentScorer {
  shared ??= new NlpjsScorer();
  return shared;
}
