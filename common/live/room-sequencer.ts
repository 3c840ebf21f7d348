import type { LiveEntry } from './protocol.ts';

/**
 * Applies numbered room entries exactly once and in order, whatever order they arrive in (broadcasts from
 * several processes, replays after a reconnect, a second tab). Entries beyond a gap wait until the gap is
 * filled; `onGap` asks the server for what is missing (`live.resume`). An entry that was hidden from the
 * viewer (a blind answer) may later arrive in full: it is applied again as an update, never as a new entry.
 */
export class RoomSequencer {
  #last: number;
  readonly #pending = new Map<number, LiveEntry>();
  readonly #shown = new Map<number, boolean>();
  readonly #apply: (entry: LiveEntry, update: boolean) => void;
  readonly #onGap: (afterSeq: number) => void;

  constructor(options: {
    lastSeq?: number;
    apply: (entry: LiveEntry, update: boolean) => void;
    onGap: (afterSeq: number) => void;
  }) {
    this.#last = options.lastSeq ?? 0;
    this.#apply = options.apply;
    this.#onGap = options.onGap;
  }

  /** The last sequence number applied: what to resume after. */
  get lastSeq(): number {
    return this.#last;
  }

  /** Takes entries in any order; applies every one that is next in line. */
  receive(entries: readonly LiveEntry[]): void {
    for (const entry of entries) {
      if (entry.seq <= this.#last) {
        // Already applied: only a hidden entry becoming visible is news.
        if (this.#shown.get(entry.seq) === false && !entry.hidden) {
          this.#shown.set(entry.seq, true);
          this.#apply(entry, true);
        }
        continue;
      }
      const waiting = this.#pending.get(entry.seq);
      if (!waiting || (waiting.hidden && !entry.hidden)) this.#pending.set(entry.seq, entry);
    }
    for (;;) {
      const next = this.#pending.get(this.#last + 1);
      if (!next) break;
      this.#pending.delete(next.seq);
      this.#last = next.seq;
      this.#shown.set(next.seq, !next.hidden);
      this.#apply(next, false);
    }
    if (this.#pending.size > 0) this.#onGap(this.#last);
  }
}
