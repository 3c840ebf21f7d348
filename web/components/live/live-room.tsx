import { useEffect, useRef, useState } from 'react';
import { LIVE_REQUESTS, type LiveEntry } from '../../../common/live/protocol.ts';
import { text } from '../../lib/errors.ts';
import { useT } from '../../lib/i18n.ts';
import { BackroomPanel } from './backroom-panel.tsx';
import { AnswerForm, RoomFeed, senderOf, textOf } from './room-feed.tsx';
import { type QueueGuide, RoomStaff } from './room-staff.tsx';
import { useLiveRoom } from './use-live-room.ts';

/** What the room page knows about its session from the server render. */
export interface RoomSession {
  id: string;
  title: string;
  startsAt: string;
  lobbyOpensAt: string;
  startedAt: string | null;
  durationMinutes: number;
  guide: QueueGuide | null;
}

/**
 * Saves a probe to the community's library through the API (the room runs on JavaScript anyway); the
 * refusal's message, in the viewer's language, or null once saved.
 */
async function saveToLibrary(slug: string, body: string, t: ReturnType<typeof useT>): Promise<string | null> {
  try {
    const response = await fetch(`/api/v1/communities/${encodeURIComponent(slug)}/live-probes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ body }),
    });
    if (response.ok) return null;
    const problem = (await response.json().catch(() => ({}))) as {
      detail?: string;
      errors?: { message: string }[];
    };
    return problem.errors?.[0]?.message ?? problem.detail ?? t('error.internal');
  } catch {
    return t('live.lobby.connectionLost');
  }
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The live room: the lobby (countdown, rules, connection check) until the moderator admits the participant,
 * then the conversation with the composer and the current question's answer form; staff also get the lobby,
 * the guide queue with pacing and the confidential backroom at the bottom right.
 */
export function LiveRoom({
  session,
  librarySlug = null,
}: {
  session: RoomSession;
  /** The community whose probe library the viewer may add to (null: they may not). */
  librarySlug?: string | null;
}) {
  const t = useT();
  const now = useNow();
  const { state, request } = useLiveRoom(
    session.id,
    (entry) => `${senderOf(entry, t)} : ${textOf(entry, t)}`,
  );
  const [error, setError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<LiveEntry | null>(null);
  const [privateTo, setPrivateTo] = useState('');
  const lastTyping = useRef(0);
  const joined = state.joined;
  const act = async (event: string, payload: Record<string, unknown> = {}) => {
    const reply = await request(event, payload);
    setError(reply.ok ? null : (reply.message ?? t('error.internal')));
    return reply.ok ? null : (reply.message ?? t('error.internal'));
  };
  const clientId = () => `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

  if (state.refused !== null)
    return (
      <p className="notice notice--error" role="alert">
        {state.refused || t('error.internal')}
      </p>
    );
  if (state.excluded)
    return (
      <p className="notice" role="status">
        {t(`live.room.excluded.${state.excluded}`)}
      </p>
    );
  if (state.ended && joined?.role === 'participant') {
    return (
      <section className="live-thanks" role="status">
        <h2>{t('live.room.thanks')}</h2>
        <p>{t('live.room.thanksBody')}</p>
      </section>
    );
  }
  if (!joined && state.lobbyClosed === null)
    return <p role="status">{state.connected ? t('live.room.joining') : t('live.room.connecting')}</p>;

  const staff = !!joined && joined.role !== 'participant';
  const moderator = joined?.role === 'moderator';
  if (!joined || (!staff && joined.attendance !== 'admitted')) {
    const seconds = Math.max(0, Math.round((Date.parse(session.startsAt) - now) / 1000));
    return (
      <section className="live-lobby" aria-labelledby="lobby-heading">
        <h2 id="lobby-heading">{t('live.lobby.title')}</h2>
        <p role="timer" aria-live="off">
          {seconds > 0
            ? t('live.lobby.startsIn', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })
            : t('live.lobby.startingSoon')}
        </p>
        {joined ? (
          <p role="status">{t('live.lobby.wait')}</p>
        ) : (
          <div className="notice" role="alert">
            <p>{state.lobbyClosed}</p>
            <p>
              {t('live.lobby.notOpen', {
                time: new Date(session.lobbyOpensAt).toLocaleTimeString(undefined, {
                  hour: '2-digit',
                  minute: '2-digit',
                }),
              })}
            </p>
          </div>
        )}
        <h3>{t('live.lobby.rulesTitle')}</h3>
        <ul>
          <li>{t('live.lobby.rule1')}</li>
          <li>{t('live.lobby.rule2')}</li>
          <li>{t('live.lobby.rule3')}</li>
        </ul>
        <p className={state.connected ? 'notice notice--success' : 'notice notice--error'}>
          {state.connected ? t('live.lobby.connectionOk') : t('live.lobby.connectionLost')}
        </p>
      </section>
    );
  }

  const currentItem = [...state.entries]
    .reverse()
    .find((e) => e.kind === 'item' && e.item?.kind === 'question');
  const answeredCurrent =
    !!currentItem &&
    state.entries.some(
      (e) =>
        e.kind === 'answer' &&
        !e.hidden &&
        e.itemId === currentItem.itemId &&
        e.author?.memberId === joined.memberId,
    );
  const admitted = state.participants.filter((p) => p.attendance === 'admitted');
  return (
    <div className={`live-room${staff ? ' live-room--staff' : ''}`}>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {state.announcement}
      </p>
      {!state.connected ? (
        <p className="notice notice--error" role="status">
          {t('live.lobby.connectionLost')}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="live-room__main">
        <RoomFeed
          entries={state.entries}
          tallies={staff ? {} : state.tallies}
          viewerMemberId={joined.memberId}
          canReact={!staff && !state.muted && !state.ended}
          canDelete={moderator && !state.ended}
          onReact={(seq, reaction) => void act(LIVE_REQUESTS.react, { seq, reaction })}
          onReply={setReplyTo}
          onDelete={(seq) => void act(LIVE_REQUESTS.deleteEntry, { seq })}
        />
        {state.typing.length > 0 ? (
          <p className="meta">
            {t('live.room.typing', {
              names: state.typing.map((w) => w || t('live.room.moderator')).join(', '),
            })}
          </p>
        ) : null}
        {!staff && currentItem && !answeredCurrent && !state.muted && !state.ended ? (
          <AnswerForm
            item={currentItem}
            onAnswer={(choice, body) =>
              act(LIVE_REQUESTS.send, {
                clientId: clientId(),
                itemId: currentItem.itemId,
                ...(choice ? { choice } : {}),
                ...(body.trim() ? { body } : {}),
              })
            }
          />
        ) : null}
        {(moderator || !staff) && !state.ended ? (
          <form
            className="live-composer stack"
            onSubmit={async (event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const data = new FormData(form);
              const failure = await act(LIVE_REQUESTS.send, {
                clientId: clientId(),
                body: text(data, 'body'),
                ...(replyTo ? { replyToSeq: replyTo.seq } : {}),
                ...(moderator && privateTo ? { toMemberId: privateTo } : {}),
                ...(!staff && data.get('private') === 'on' ? { private: true } : {}),
              });
              if (!failure) {
                form.reset();
                setReplyTo(null);
              }
            }}
          >
            {replyTo ? (
              <p className="meta">
                {t('live.room.replyingTo', { sender: senderOf(replyTo, t) })}{' '}
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => setReplyTo(null)}
                >
                  {t('live.room.cancelReply')}
                </button>
              </p>
            ) : null}
            <label htmlFor="live-message">{t('live.room.yourMessage')}</label>
            <textarea
              id="live-message"
              name="body"
              rows={2}
              maxLength={moderator ? 4000 : 2000}
              required
              disabled={state.muted}
              onInput={() => {
                if (Date.now() - lastTyping.current > 2000) {
                  lastTyping.current = Date.now();
                  void request(LIVE_REQUESTS.typing);
                }
              }}
            />
            {state.muted ? <p className="field__help">{t('live.room.youAreMuted')}</p> : null}
            {moderator ? (
              <p>
                <label htmlFor="live-to">{t('live.room.to')}</label>{' '}
                <select id="live-to" value={privateTo} onChange={(e) => setPrivateTo(e.target.value)}>
                  <option value="">{t('live.room.toEveryone')}</option>
                  {admitted.map((p) => (
                    <option key={p.memberId} value={p.memberId}>
                      {t('live.room.privatelyTo', { pseudonym: p.pseudonym })}
                    </option>
                  ))}
                </select>
              </p>
            ) : (
              <p>
                <label>
                  <input type="checkbox" name="private" /> {t('live.room.toModeratorOnly')}
                </label>
              </p>
            )}
            <button type="submit" className="button" disabled={state.muted}>
              {t('live.room.send')}
            </button>
          </form>
        ) : null}
        {moderator && !state.ended ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void act(LIVE_REQUESTS.end)}
          >
            {t('live.room.end')}
          </button>
        ) : null}
        {state.ended ? <p role="status">{t('live.room.ended')}</p> : null}
      </div>
      {staff && session.guide ? (
        <RoomStaff
          guide={session.guide}
          itemStates={state.itemStates}
          entries={state.entries}
          participants={state.participants}
          tallies={state.tallies}
          moderator={moderator}
          startedAt={session.startedAt ?? state.entries[0]?.at ?? null}
          durationMinutes={session.durationMinutes}
          now={now}
          act={(event, payload) => void act(event, payload)}
          request={request}
        />
      ) : null}
      {staff ? (
        <BackroomPanel
          entries={state.backroom}
          moderator={moderator}
          onSend={(body, suggest) =>
            act(suggest ? LIVE_REQUESTS.suggest : LIVE_REQUESTS.backroomSend, { body })
          }
          onSaveProbe={librarySlug ? (body) => saveToLibrary(librarySlug, body, t) : undefined}
          onDecide={(suggestionId, decision, body) =>
            act(LIVE_REQUESTS.decide, {
              suggestionId,
              decision,
              ...(decision === 'approve' && body.trim() ? { body } : {}),
            })
          }
        />
      ) : null}
    </div>
  );
}
