import { type KeyboardEvent, type MouseEvent, useEffect, useState } from 'react';
import { HOTSPOT_LIMITS } from '../../../common/research/question-types.ts';
import type { SurveyMediaDto } from '../../../server/modules/research/research.schemas.ts';
import type { QuestionInput } from '../../../server/modules/research/survey-definition.ts';
import { hotspotFields, markIntent, unmarkIntent } from '../../lib/hotspot-form.ts';
import { useT } from '../../lib/i18n.ts';

/** What a stimulus question's input takes besides its files: field name, question, saved answer, help ids. */
export interface StimulusInputProps {
  name: string;
  question: QuestionInput;
  value: unknown;
  describedBy?: string;
}

interface Marker {
  x: number;
  y: number;
  kind: 'like' | 'dislike';
  comment?: string;
}

const clamp = (n: number) => Math.min(1, Math.max(0, Math.round(n * 1000) / 1000));
const percent = (n: number) => Math.round(n * 100);

/** The markers of a saved answer (anything else starts empty). */
function savedMarkers(value: unknown): Marker[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).filter(
    (m): m is Marker =>
      typeof m === 'object' &&
      m !== null &&
      typeof (m as Marker).x === 'number' &&
      typeof (m as Marker).y === 'number',
  );
}

/**
 * "Click where you like / dislike" on an image: up to `max` markers, each a like or a dislike with an
 * optional comment. By pointer (a click or tap places a marker where it lands) and by keyboard (the image
 * is focusable: arrow keys move a crosshair, Shift for bigger steps, Enter or Space places a marker). Each
 * marker is listed in words with its comment field and a remove button; placements are announced. The
 * answer travels as JSON in a hidden field (coordinates 0–1 of the image's width and height).
 */
export function HotspotInput({
  name,
  question: q,
  media,
  value,
  describedBy,
}: StimulusInputProps & { media: SurveyMediaDto | undefined }) {
  const t = useT();
  const limit = q.max ?? HOTSPOT_LIMITS.default;
  const [markers, setMarkers] = useState<Marker[]>(() => savedMarkers(value));
  const [cursor, setCursor] = useState({ x: 0.5, y: 0.5 });
  const [kind, setKind] = useState<Marker['kind']>('like');
  const [status, setStatus] = useState('');
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!media) return null;
  const kindLabel = (k: Marker['kind']) =>
    t(k === 'like' ? 'research.hotspot.like' : 'research.hotspot.dislike');
  if (!ready)
    return <HotspotFallback name={name} question={q} media={media} markers={markers} kindLabel={kindLabel} />;

  const place = (x: number, y: number) => {
    if (markers.length >= limit) {
      setStatus(t('research.hotspot.full'));
      return;
    }
    setMarkers([...markers, { x: clamp(x), y: clamp(y), kind }]);
    setStatus(t('research.hotspot.placed', { n: markers.length + 1 }));
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    const x = (event.clientX - rect.left) / rect.width;
    const y = (event.clientY - rect.top) / rect.height;
    setCursor({ x: clamp(x), y: clamp(y) });
    place(x, y);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setCursor({ x: clamp(cursor.x + move[0]), y: clamp(cursor.y + move[1]) });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      place(cursor.x, cursor.y);
    }
  };
  const update = (i: number, comment: string) =>
    setMarkers(markers.map((m, j) => (j === i ? { ...m, comment: comment || undefined } : m)));
  const remove = (i: number) => setMarkers(markers.filter((_, j) => j !== i));

  return (
    <div className="hotspot">
      <div className="hotspot__kinds" role="radiogroup" aria-label={t('research.hotspot.kind')}>
        <span>{t('research.hotspot.kind')}:</span>{' '}
        {(['like', 'dislike'] as const).map((k) => (
          <label key={k} className={`hotspot__kind hotspot__kind--${k}`}>
            <input type="radio" checked={kind === k} onChange={() => setKind(k)} /> {kindLabel(k)}
          </label>
        ))}
      </div>
      <div
        className="hotspot__area"
        tabIndex={0}
        role="application"
        aria-label={t('research.hotspot.area', { alt: media.alt })}
        aria-describedby={describedBy}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <img
          src={media.url}
          alt=""
          draggable={false}
          width={media.width ?? undefined}
          height={media.height ?? undefined}
        />
        <span
          className="hotspot__cross"
          aria-hidden="true"
          style={{ left: `${cursor.x * 100}%`, top: `${cursor.y * 100}%` }}
        />
        <MarkerDots markers={markers} />
      </div>
      <p className="meta" aria-live="polite">
        {t('research.hotspot.count', { count: markers.length, limit })} {status}
      </p>
      {markers.length > 0 ? (
        <ol className="hotspot__list">
          {markers.map((m, i) => (
            <li key={i}>
              <span>{markerText(t, m, i, kindLabel)}</span>
              <input
                type="text"
                maxLength={HOTSPOT_LIMITS.comment}
                aria-label={t('research.hotspot.comment', { n: i + 1 })}
                placeholder={t('research.hotspot.comment', { n: i + 1 })}
                value={m.comment ?? ''}
                onChange={(event) => update(i, event.target.value)}
              />
              <button type="button" className="button button--secondary" onClick={() => remove(i)}>
                {t('research.hotspot.remove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <input type="hidden" name={name} value={markers.length > 0 ? JSON.stringify(markers) : ''} />
    </div>
  );
}

/** The markers drawn on the image, numbered (hidden from screen readers: the list below says them). */
function MarkerDots({ markers }: { markers: Marker[] }) {
  return markers.map((m, i) => (
    <span
      key={i}
      className={`hotspot__marker hotspot__marker--${m.kind}`}
      aria-hidden="true"
      style={{ left: `${m.x * 100}%`, top: `${m.y * 100}%` }}
    >
      {i + 1}
    </span>
  ));
}

/** A marker in words: its number, its kind and where it is, in percent of the image. */
const markerText = (
  t: ReturnType<typeof useT>,
  m: Marker,
  i: number,
  kindLabel: (k: Marker['kind']) => string,
) => t('research.hotspot.marker', { n: i + 1, kind: kindLabel(m.kind), x: percent(m.x), y: percent(m.y) });

/** The widest the fallback draws the image (CSS pixels), so that it fits a phone and its clicks map back. */
const FALLBACK_WIDTH = 320;

/**
 * The hotspot question before (or without) JavaScript, in plain form controls: the next marker's kind
 * (radio buttons), the image as an image button (a click posts its position: one marker per click), the
 * position typed in percent with a "place" button (for the keyboard), and the markers listed with their
 * comment fields and remove buttons. Each post shows the page again (`hotspotAnswer` reads the fields).
 */
function HotspotFallback({
  name,
  question: q,
  media,
  markers,
  kindLabel,
}: {
  name: string;
  question: QuestionInput;
  media: SurveyMediaDto;
  markers: Marker[];
  kindLabel: (k: Marker['kind']) => string;
}) {
  const t = useT();
  const fields = hotspotFields(name);
  const limit = q.max ?? HOTSPOT_LIMITS.default;
  const width = Math.min(media.width ?? FALLBACK_WIDTH, FALLBACK_WIDTH);
  const height = media.width && media.height ? Math.round((media.height * width) / media.width) : null;
  const full = markers.length >= limit;
  return (
    <div className="hotspot hotspot--fallback">
      <fieldset className="hotspot__kinds">
        <legend>{t('research.hotspot.kind')}</legend>
        {(['like', 'dislike'] as const).map((k) => (
          <label key={k} className={`hotspot__kind hotspot__kind--${k}`}>
            <input type="radio" name={fields.kind} value={k} defaultChecked={k === 'like'} /> {kindLabel(k)}
          </label>
        ))}
      </fieldset>
      {height ? (
        <div className="hotspot__area" style={{ width }}>
          <input
            type="image"
            name={fields.at}
            src={media.url}
            alt={t('research.hotspot.imageButton', { alt: media.alt })}
            width={width}
            height={height}
            tabIndex={-1}
            disabled={full}
          />
          <MarkerDots markers={markers} />
          <input type="hidden" name={fields.width} value={width} />
          <input type="hidden" name={fields.height} value={height} />
        </div>
      ) : null}
      <p className="meta">{t('research.hotspot.count', { count: markers.length, limit })}</p>
      {markers.length > 0 ? (
        <ol className="hotspot__list">
          {markers.map((m, i) => (
            <li key={i}>
              <span>{markerText(t, m, i, kindLabel)}</span>
              <input
                type="text"
                name={fields.comment(i)}
                maxLength={HOTSPOT_LIMITS.comment}
                aria-label={t('research.hotspot.comment', { n: i + 1 })}
                placeholder={t('research.hotspot.comment', { n: i + 1 })}
                defaultValue={m.comment ?? ''}
              />
              <button
                type="submit"
                name="intent"
                value={unmarkIntent(q.id, i)}
                className="button button--secondary"
              >
                {t('research.hotspot.remove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {full ? (
        <p className="field__help">{t('research.hotspot.full')}</p>
      ) : (
        <fieldset className="hotspot__typed">
          <legend>{t('research.hotspot.typed')}</legend>
          <label>
            {t('research.hotspot.typedX')}{' '}
            <input type="number" name={fields.x} min={0} max={100} step={1} inputMode="numeric" />
          </label>{' '}
          <label>
            {t('research.hotspot.typedY')}{' '}
            <input type="number" name={fields.y} min={0} max={100} step={1} inputMode="numeric" />
          </label>{' '}
          <button type="submit" name="intent" value={markIntent(q.id)} className="button button--secondary">
            {t('research.hotspot.place')}
          </button>
        </fieldset>
      )}
      <input type="hidden" name={name} value={markers.length > 0 ? JSON.stringify(markers) : ''} />
    </div>
  );
}
