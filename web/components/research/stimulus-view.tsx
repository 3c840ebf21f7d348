import { useState } from 'react';
import type { SurveyMediaDto } from '../../../server/modules/research/research.schemas.ts';
import { useT } from '../../lib/i18n.ts';

/**
 * A stimulus file as respondents and staff see it: an image (or logo) that can be enlarged (a button with
 * JavaScript, a link to the full file without), a video or a sound with the browser's controls; the
 * caption under it, the file's alt text (or the caption) for screen readers.
 */
export function StimulusView({ media, caption }: { media: SurveyMediaDto | undefined; caption?: string }) {
  const t = useT();
  const [zoomed, setZoomed] = useState(false);
  if (!media) return null;
  const label = caption || media.alt;
  let body;
  if (media.kind === 'video')
    body = (
      <video controls preload="metadata" src={media.url} aria-label={label} className="stimulus__player">
        <a href={media.url}>{label}</a>
      </video>
    );
  else if (media.kind === 'audio')
    body = (
      <audio controls preload="metadata" src={media.url} aria-label={label} className="stimulus__player">
        <a href={media.url}>{label}</a>
      </audio>
    );
  else
    body = (
      <>
        <a href={media.url} target="_blank" rel="noopener" className="stimulus__link">
          <img
            src={media.url}
            alt={label}
            width={media.width ?? undefined}
            height={media.height ?? undefined}
            className={media.kind === 'logo' ? 'stimulus__image stimulus__image--logo' : 'stimulus__image'}
          />
        </a>
        <button
          type="button"
          className="button button--secondary stimulus__zoom"
          aria-pressed={zoomed}
          onClick={() => setZoomed((z) => !z)}
        >
          {zoomed ? t('research.stimulus.unzoom') : t('research.stimulus.zoom')}
        </button>
      </>
    );
  return (
    <figure className={`stimulus${zoomed ? ' stimulus--zoomed' : ''}`}>
      {body}
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}
