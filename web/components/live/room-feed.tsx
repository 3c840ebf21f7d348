import { useEffect, useRef, useState } from 'react';
import type { LiveEntry, LiveTally } from '../../../common/live/protocol.ts';
import { text } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import { LocalTime } from '../bits.tsx';
import { StimulusMedia } from './stimulus-media.tsx';

const REACTIONS = ['agree', 'disagree', 'like'] as const;

/** Who an entry is from, as the room shows it. */
export function senderOf(entry: LiveEntry, t: (key: string) => string): string {
  if (entry.author?.role === 'moderator') return t('live.room.moderator');
  if (entry.author?.role === 'participant') return entry.author.pseudonym ?? '';
  return t('live.room.system');
}

/** The text of an entry for people and screen readers. */
export function textOf(
  entry: LiveEntry,
  t: (key: string, p?: Record<string, string | number>) => string,
): string {
  switch (entry.kind) {
    case 'reveal':
      return t('live.room.revealed');
    case 'end':
      return t('live.room.ended');
    case 'answer':
      if (entry.hidden) return t('live.room.hiddenAnswer');
      return [entry.choice?.join(', '), entry.body].filter(Boolean).join(' — ');
    default:
      return entry.body ?? '';
  }
}

/**
 * The conversation: each entry with its sender on the left and its text on the right, moderator entries
 * set apart, guide items as question cards, private entries marked, deleted ones replaced by a notice. It is
 * an ARIA log; new entries are also announced by the page's live region.
 */
export function RoomFeed({
  entries,
  tallies = {},
  viewerMemberId,
  canReact,
  canDelete,
  onReact,
  onReply,
  onDelete,
}: {
  entries: LiveEntry[];
  /** The tallies the viewer may see, by question id (shown under the question's card). */
  tallies?: Record<string, LiveTally>;
  viewerMemberId: string | null;
  canReact: boolean;
  canDelete: boolean;
  onReact: (seq: number, reaction: string) => void;
  onReply: (entry: LiveEntry) => void;
  onDelete: (seq: number) => void;
}) {
  const t = useT();
  const deleted = new Set(entries.filter((e) => e.kind === 'deletion').map((e) => e.targetSeq));
  const shown = entries.filter((e) => e.kind !== 'deletion' && e.kind !== 'hidden');
  const list = useRef<HTMLOListElement>(null);
  // The conversation follows new messages while the reader is at its end (or wrote the newest one); a
  // reader who scrolled up to read earlier messages is left where they are.
  const atEnd = useRef(true);
  const newest = shown[shown.length - 1];
  const newestMine = !!viewerMemberId && newest?.author?.memberId === viewerMemberId;
  useEffect(() => {
    const el = list.current;
    if (el && (atEnd.current || newestMine)) el.scrollTop = el.scrollHeight;
  }, [newest?.seq, newestMine]);
  if (shown.length === 0) return <p className="empty">{t('live.room.empty')}</p>;
  return (
    <div role="log" aria-label={t('live.room.conversation')}>
      <ol
        className="live-feed"
        tabIndex={0}
        ref={list}
        onScroll={(event) => {
          const el = event.currentTarget;
          atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
        }}
      >
        {shown.map((entry) => {
          const removed = entry.deleted || deleted.has(entry.seq);
          const mine = !!viewerMemberId && entry.author?.memberId === viewerMemberId;
          const classes = [
            'live-entry',
            `live-entry--${entry.kind}`,
            entry.author?.role === 'moderator' ? 'live-entry--moderator' : '',
            mine ? 'live-entry--mine' : '',
          ].join(' ');
          return (
            <li key={entry.seq} className={classes} id={`entry-${entry.seq}`}>
              <p className="live-entry__sender">
                <strong>{senderOf(entry, t)}</strong>
                <br />
                <span className="meta">
                  <LocalTime iso={entry.at} withTime />
                </span>
              </p>
              <div className="live-entry__text">
                {entry.kind === 'item' && entry.item ? (
                  <p className="badge">
                    {t(`live.kind.${entry.item.kind}`)}
                    {entry.item.blind ? ` · ${t('live.guide.blind')}` : ''}
                  </p>
                ) : null}
                {entry.kind === 'private' ? (
                  <p className="badge">
                    {t('live.room.private', { pseudonym: entry.privateWith?.pseudonym ?? '' })}
                  </p>
                ) : null}
                {entry.replyToSeq ? (
                  <p className="meta">
                    <a href={`#entry-${entry.replyToSeq}`}>{t('live.room.inReplyTo')}</a>
                  </p>
                ) : null}
                <p>{removed ? <em>{t('live.room.removed')}</em> : textOf(entry, t)}</p>
                {entry.kind === 'item' && entry.item?.media ? (
                  <StimulusMedia media={entry.item.media} />
                ) : null}
                {entry.kind === 'item' && entry.itemId && tallies[entry.itemId] ? (
                  <p className="live-tally" aria-label={t('live.room.tally')}>
                    {t('live.room.tallyLine', {
                      counts: Object.entries(tallies[entry.itemId].counts)
                        .map(([value, n]) => `${value} (${n})`)
                        .join(' · '),
                      answers: tallies[entry.itemId].answers,
                    })}
                  </p>
                ) : null}
                {!removed && (entry.kind === 'message' || entry.kind === 'answer') && !entry.hidden ? (
                  <p className="live-entry__actions">
                    {REACTIONS.map((r) => (
                      <button
                        key={r}
                        type="button"
                        className="button button--small button--secondary"
                        disabled={!canReact || mine}
                        onClick={() => onReact(entry.seq, r)}
                      >
                        {t(`live.reaction.${r}`)} ({entry.reactions[r] ?? 0})
                      </button>
                    ))}
                    {canReact ? (
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        onClick={() => onReply(entry)}
                      >
                        {t('live.room.reply')}
                      </button>
                    ) : null}
                    {canDelete ? (
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        onClick={() => onDelete(entry.seq)}
                      >
                        {t('live.room.delete')}
                      </button>
                    ) : null}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The answer form of the current question: free text, one or several options, or a 1–5 rating. */
export function AnswerForm({
  item,
  onAnswer,
}: {
  item: LiveEntry;
  onAnswer: (choice: string[] | null, body: string) => Promise<string | null>;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const type = item.item?.questionType ?? 'open';
  const options = type === 'rating' ? ['1', '2', '3', '4', '5'] : (item.item?.options ?? []);
  return (
    <form
      className="live-answer stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const choice = type === 'open' ? null : form.getAll('choice').map(String);
        const failure = await onAnswer(choice, text(form, 'body'));
        setError(failure);
        if (!failure) event.currentTarget?.reset();
      }}
    >
      <fieldset>
        <legend>{t('live.room.answerTo', { question: item.body ?? '' })}</legend>
        {type !== 'open' ? (
          <ul className="checklist">
            {options.map((o) => (
              <li key={o}>
                <label>
                  <input type={type === 'multiple' ? 'checkbox' : 'radio'} name="choice" value={o} /> {o}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <label htmlFor={`answer-${item.seq}`}>
          {type === 'open' ? t('live.room.yourAnswer') : t('live.room.comment')}
        </label>
        <textarea
          id={`answer-${item.seq}`}
          name="body"
          rows={2}
          maxLength={2000}
          required={type === 'open'}
        />
      </fieldset>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button">
        {t('live.room.sendAnswer')}
      </button>
    </form>
  );
}
