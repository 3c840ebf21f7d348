import type { LiveEntry, LiveRoomParticipant, LiveTally } from '../../../common/live/protocol.ts';
import { text } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import { ParticipantProfile } from './participant-profile.tsx';

/** A guide item in the moderator's queue. */
interface QueueItem {
  id: string;
  kind: string;
  questionType: string | null;
  body: string;
  options: string[];
  blind: boolean;
  state: string;
  sentAt: string | null;
}
/** The guide as the room's staff side uses it. */
export type QueueGuide = { id: string; title: string; plannedMinutes: number; items: QueueItem[] }[];
type Guide = QueueGuide;

const minutesSince = (iso: string | null, now: number) =>
  iso ? Math.max(0, Math.round((now - Date.parse(iso)) / 60_000)) : 0;

/**
 * The moderator's and observers' side of the room: who waits in the lobby (admit, dismiss), who is in the
 * room (mute, remove, write privately), the guide queue (edit, send, skip, reveal, show the tally) with
 * pacing against the plan, and who has not answered the current question.
 */
export function RoomStaff({
  guide,
  itemStates,
  entries,
  participants,
  tallies,
  moderator,
  startedAt,
  durationMinutes,
  now,
  act,
  request,
}: {
  guide: Guide;
  itemStates: Record<string, { state: string; at: string }>;
  entries: LiveEntry[];
  participants: LiveRoomParticipant[];
  tallies: Record<string, LiveTally>;
  moderator: boolean;
  startedAt: string | null;
  durationMinutes: number;
  now: number;
  act: (event: string, payload: Record<string, unknown>) => void;
  /** A request whose reply the caller reads (the participant's profile). */
  request: Parameters<typeof ParticipantProfile>[0]['request'];
}) {
  const t = useT();
  const waiting = participants.filter((p) => p.attendance === 'waiting');
  const inRoom = participants.filter((p) => p.attendance === 'admitted');
  const stateOf = (item: QueueItem) => itemStates[item.id] ?? { state: item.state, at: item.sentAt ?? '' };
  const current = [...entries].reverse().find((e) => e.kind === 'item' && e.item?.kind === 'question');
  const answered = new Set(
    entries.filter((e) => e.kind === 'answer' && e.itemId === current?.itemId).map((e) => e.author?.memberId),
  );
  const silent = current ? inRoom.filter((p) => !answered.has(p.memberId)) : [];
  return (
    <div className="live-staff">
      <section aria-labelledby="lobby-title">
        <h2 id="lobby-title">{t('live.lobby.waiting', { count: waiting.length })}</h2>
        {waiting.length === 0 ? <p className="empty">{t('live.lobby.nobody')}</p> : null}
        <ul>
          {waiting.map((p) => (
            <li key={p.memberId}>
              {p.pseudonym}{' '}
              {moderator ? (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => act('live.admit', { memberIds: [p.memberId] })}
                  >
                    {t('live.lobby.admit', { pseudonym: p.pseudonym })}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => act('live.dismiss', { memberId: p.memberId })}
                  >
                    {t('live.lobby.dismiss')}
                  </button>{' '}
                  <ParticipantProfile memberId={p.memberId} pseudonym={p.pseudonym} request={request} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {moderator && waiting.length > 1 ? (
          <button type="button" className="button" onClick={() => act('live.admit', { all: true })}>
            {t('live.lobby.admitAll')}
          </button>
        ) : null}
      </section>
      <section aria-labelledby="in-room-title">
        <h2 id="in-room-title">{t('live.room.inRoom', { count: inRoom.length })}</h2>
        <ul>
          {inRoom.map((p) => (
            <li key={p.memberId}>
              {p.pseudonym} {p.muted ? <span className="badge">{t('live.room.muted')}</span> : null}{' '}
              {moderator ? (
                <>
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => act('live.mute', { memberId: p.memberId, muted: !p.muted })}
                  >
                    {p.muted ? t('live.room.unmute') : t('live.room.mute')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => act('live.remove', { memberId: p.memberId })}
                  >
                    {t('live.room.remove')}
                  </button>{' '}
                  <ParticipantProfile memberId={p.memberId} pseudonym={p.pseudonym} request={request} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {current ? (
          <p>
            {silent.length === 0
              ? t('live.pacing.allAnswered')
              : t('live.pacing.notAnswered', { names: silent.map((p) => p.pseudonym).join(', ') })}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t('live.guide.queue')}</h2>
        <p>{t('live.pacing.overall', { spent: minutesSince(startedAt, now), planned: durationMinutes })}</p>
        {guide.map((section) => {
          const sent = section.items
            .map((i) => stateOf(i).at)
            .filter(Boolean)
            .sort();
          return (
            <section key={section.id} aria-label={section.title}>
              <h3>
                {section.title}{' '}
                <span className="meta">
                  {t('live.pacing.section', {
                    spent: minutesSince(sent[0] ?? null, now),
                    planned: section.plannedMinutes,
                  })}
                </span>
              </h3>
              <ol className="live-queue">
                {section.items.map((item) => {
                  const { state } = stateOf(item);
                  const tally = tallies[item.id];
                  return (
                    <li key={item.id} className={`live-queue__item live-queue__item--${state}`}>
                      <span className="badge">{t(`live.itemState.${state}`)}</span>{' '}
                      <span className="badge">{t(`live.kind.${item.kind}`)}</span>
                      {item.blind ? <span className="badge">{t('live.guide.blind')}</span> : null}
                      {moderator && state === 'queued' && item.kind !== 'note' ? (
                        <form
                          className="stack"
                          onSubmit={(event) => {
                            event.preventDefault();
                            const submitter = event.nativeEvent.submitter as HTMLButtonElement | null;
                            const body = text(new FormData(event.currentTarget), 'body');
                            act(submitter?.value === 'skip' ? 'live.item.skip' : 'live.item.send', {
                              itemId: item.id,
                              ...(submitter?.value === 'skip' ? {} : { body }),
                            });
                          }}
                        >
                          <label htmlFor={`item-${item.id}`} className="visually-hidden">
                            {t('live.guide.editBeforeSending')}
                          </label>
                          <textarea
                            id={`item-${item.id}`}
                            name="body"
                            rows={2}
                            defaultValue={item.body}
                            maxLength={4000}
                          />
                          <p className="inline-actions">
                            <button type="submit" value="send" className="button button--small">
                              {t('live.guide.send')}
                            </button>
                            <button
                              type="submit"
                              value="skip"
                              className="button button--small button--secondary"
                            >
                              {t('live.guide.skip')}
                            </button>
                          </p>
                        </form>
                      ) : (
                        <p>{item.body}</p>
                      )}
                      {moderator && state === 'sent' && item.blind ? (
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          onClick={() => act('live.reveal', { itemId: item.id })}
                        >
                          {t('live.guide.reveal')}
                        </button>
                      ) : null}
                      {tally ? (
                        <p className="live-tally">
                          {Object.entries(tally.counts)
                            .map(([k, v]) => `${k}: ${v}`)
                            .join(' · ')}{' '}
                          {moderator ? (
                            <button
                              type="button"
                              className="button button--small button--secondary"
                              onClick={() => act('live.tally.show', { itemId: item.id, show: true })}
                            >
                              {t('live.guide.showTally')}
                            </button>
                          ) : null}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </section>
    </div>
  );
}
