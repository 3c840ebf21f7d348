import { useEffect, useRef, useState } from 'react';
import type { LiveMedia } from '../../../common/live/protocol.ts';
import { useT } from '../../lib/i18n.ts';

/**
 * A stimulus's media in the room: an image or logo that enlarges (a button: click, Enter or Space) into a
 * modal dialog closed by Escape, its close button or a click outside; a video or a sound with the
 * browser's own controls.
 */
export function StimulusMedia({ media }: { media: LiveMedia }) {
  const t = useT();
  const [zoomed, setZoomed] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (zoomed && !node.open) node.showModal();
    if (!zoomed && node.open) node.close();
  }, [zoomed]);
  if (media.kind === 'video') {
    return (
      <video className="live-media live-media--video" controls preload="metadata" src={media.url}>
        <track kind="captions" />
        <a href={media.url}>{media.alt || t('live.media.download')}</a>
      </video>
    );
  }
  if (media.kind === 'audio') {
    return (
      <audio className="live-media live-media--audio" controls preload="metadata" src={media.url}>
        <a href={media.url}>{media.alt || t('live.media.download')}</a>
      </audio>
    );
  }
  return (
    <>
      <button
        ref={opener}
        type="button"
        className={`live-media live-media--${media.kind} live-media__zoom`}
        aria-label={t('live.media.enlarge', { alt: media.alt })}
        onClick={() => setZoomed(true)}
      >
        <img
          src={media.url}
          alt={media.alt}
          width={media.width ?? undefined}
          height={media.height ?? undefined}
          loading="lazy"
        />
      </button>
      <dialog
        ref={dialog}
        className="live-media__dialog"
        aria-label={media.alt || t('live.media.image')}
        onClose={() => {
          setZoomed(false);
          opener.current?.focus();
        }}
        onClick={(event) => {
          if (event.target === event.currentTarget) setZoomed(false);
        }}
      >
        {zoomed ? <img src={media.url} alt={media.alt} /> : null}
        <button type="button" className="button button--secondary" onClick={() => setZoomed(false)}>
          {t('live.media.close')}
        </button>
      </dialog>
    </>
  );
}
