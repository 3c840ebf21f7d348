import { useState } from 'react';
import { useT } from '../../lib/i18n.ts';

/**
 * The CSV export link. Without JavaScript it downloads directly; with it, the file is fetched as a stream
 * and a progress bar counts the rows received against `X-Total-Count`, then the file is saved.
 */
export function CsvDownload({ href, filename }: { href: string; filename: string }) {
  const t = useT();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failed, setFailed] = useState(false);
  async function download(event: React.MouseEvent<HTMLAnchorElement>) {
    if (!('ReadableStream' in window)) return;
    event.preventDefault();
    setFailed(false);
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const total = Number(response.headers.get('x-total-count') ?? '0');
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let newlines = 0;
      setProgress({ done: 0, total });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) newlines++;
        setProgress({ done: Math.max(0, newlines - 1), total });
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      setFailed(true);
    }
  }
  return (
    <p className="csv-download">
      <a
        href={href}
        download={filename}
        className="button button--secondary"
        onClick={(e) => void download(e)}
      >
        {t('research.results.export')}
      </a>{' '}
      {progress ? (
        <span role="status">
          <progress max={progress.total || 1} value={progress.done} />{' '}
          {t('research.results.exportProgress', { done: progress.done, total: progress.total })}
        </span>
      ) : null}
      {failed ? <span role="alert">{t('research.results.exportFailed')}</span> : null}
    </p>
  );
}
