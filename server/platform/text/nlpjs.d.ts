// The nlp.js packages ship no types: the few parts Cercle's sentiment scorer uses.
declare module '@nlpjs/core' {
  /** nlp.js's plugin container. */
  export class Container {
    use(plugin: unknown): void;
  }
}
declare module '@nlpjs/lang-en' {
  /** English stemmer, tokenizer and sentiment lexicon. */
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-fr' {
  /** French stemmer, tokenizer and sentiment lexicon. */
  export const LangFr: unknown;
}
declare module '@nlpjs/sentiment' {
  /** Sentiment from the language's lexicon. */
  export class SentimentAnalyzer {
    constructor(settings: { container: unknown });
    process(input: { locale: string; text: string }): Promise<unknown>;
  }
}
