import type { QuestionResultDto, SurveyMediaDto } from '../../../server/modules/research/research.schemas.ts';
import { useT } from '../../lib/i18n.ts';

type Markers = NonNullable<QuestionResultDto['markers']>;

/**
 * The heat maps of a hotspot question, drawn as SVG on the server over its image: one for likes (green),
 * one for dislikes (red). Each marker is a soft radial spot; where many overlap the colour deepens (the
 * spots' opacity shrinks as markers grow in number, so a crowd still shows where it gathers). Then the
 * markers' comments.
 */
export function HotspotHeatmap({
  id,
  media,
  markers,
}: {
  id: string;
  media: SurveyMediaDto | undefined;
  markers: Markers;
}) {
  const t = useT();
  if (!media) return null;
  const width = media.width ?? 100;
  const height = media.height ?? 100;
  const radius = Math.max(width, height) * 0.07;
  const comments = markers.filter((m) => m.comment);
  return (
    <>
      <div className="heatmaps">
        {(['like', 'dislike'] as const).map((kind) => {
          const spots = markers.filter((m) => m.kind === kind);
          const opacity = Math.max(0.12, Math.min(0.6, 2.4 / Math.max(1, spots.length)));
          const gradient = `heat-${id}-${kind}`;
          const kindLabel = t(kind === 'like' ? 'research.hotspot.like' : 'research.hotspot.dislike');
          return (
            <figure key={kind} className={`heatmap heatmap--${kind}`}>
              <div className="heatmap__frame">
                <img src={media.url} alt={media.alt} width={width} height={height} />
                <svg
                  viewBox={`0 0 ${width} ${height}`}
                  preserveAspectRatio="none"
                  role="img"
                  aria-label={`${t('research.results.heatmap', { kind: kindLabel })}: ${t('research.results.markers', { count: spots.length })}`}
                >
                  <defs>
                    <radialGradient id={gradient}>
                      <stop offset="0" className="heatmap__core" stopOpacity={opacity} />
                      <stop offset="1" className="heatmap__core" stopOpacity="0" />
                    </radialGradient>
                  </defs>
                  {spots.map((m, i) => (
                    <circle
                      key={i}
                      cx={m.x * width}
                      cy={m.y * height}
                      r={radius}
                      fill={`url(#${gradient})`}
                    />
                  ))}
                </svg>
              </div>
              <figcaption>
                {t('research.results.heatmap', { kind: kindLabel })} ·{' '}
                {t('research.results.markers', { count: spots.length })}
              </figcaption>
            </figure>
          );
        })}
      </div>
      {comments.length > 0 ? (
        <>
          <h3>{t('research.results.markerComments')}</h3>
          <ul className="open-answers">
            {comments.map((m, i) => (
              <li key={i}>
                <span className={`badge badge--${m.kind === 'like' ? 'positive' : 'negative'}`}>
                  {t(m.kind === 'like' ? 'research.hotspot.like' : 'research.hotspot.dislike')}
                </span>{' '}
                {m.comment}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
