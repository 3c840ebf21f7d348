import type { SurveyMediaDto } from '../../../server/modules/research/research.schemas.ts';
import type { QuestionInput } from '../../../server/modules/research/survey-definition.ts';
import { useT } from '../../lib/i18n.ts';
import { answerField } from '../../lib/survey-form.ts';
import { HotspotInput } from './hotspot-input.tsx';
import { PreferenceInput } from './preference-input.tsx';
import { StimulusView } from './stimulus-view.tsx';

/**
 * One question of a survey page with its stimulus (when it has one), its input, its saved answer and its
 * error, labelled for screen readers. `media` are the survey's stimulus files.
 */
export function QuestionField({
  question: q,
  value,
  error,
  community,
  media = [],
}: {
  question: QuestionInput;
  value: unknown;
  error?: string;
  community: string;
  media?: SurveyMediaDto[];
}) {
  const t = useT();
  const name = answerField(q.id);
  const errorId = error ? `${name}-error` : undefined;
  const helpId = q.help ? `${name}-help` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;
  const legend = (
    <legend>
      {q.title}
      {q.required ? (
        <span className="field__required"> ({t('research.survey.required')})</span>
      ) : (
        <span className="field__optional"> ({t('form.optional')})</span>
      )}
    </legend>
  );
  const options = q.options ?? [];
  const mediaById = new Map(media.map((m) => [m.id, m]));
  const stimulus = q.stimulus ? mediaById.get(q.stimulus.mediaId) : undefined;
  let input;
  switch (q.type) {
    case 'hotspot':
      input = (
        <>
          <p className="field__help">{t('research.hotspot.help', { limit: q.max ?? 5 })}</p>
          <HotspotInput name={name} question={q} media={stimulus} value={value} describedBy={describedBy} />
          {q.stimulus?.caption ? <p className="meta">{q.stimulus.caption}</p> : null}
        </>
      );
      break;
    case 'preference':
      input = (
        <PreferenceInput name={name} question={q} media={mediaById} value={value} describedBy={describedBy} />
      );
      break;
    case 'single':
    case 'image_choice':
    case 'multiple':
      input = (
        <ul className="choices">
          {options.map((o) => {
            const checked = Array.isArray(value) ? value.includes(o.id) : value === o.id;
            return (
              <li key={o.id}>
                <label>
                  <input
                    type={q.type === 'multiple' ? 'checkbox' : 'radio'}
                    name={name}
                    value={o.id}
                    defaultChecked={checked}
                    aria-describedby={describedBy}
                  />{' '}
                  {o.mediaId && mediaById.get(o.mediaId) ? (
                    <img src={mediaById.get(o.mediaId)!.url} alt="" className="choice__image" />
                  ) : o.imageId ? (
                    <img src={`/uploads/${o.imageId}`} alt="" className="choice__image" />
                  ) : null}
                  {o.label}
                </label>
              </li>
            );
          })}
        </ul>
      );
      break;
    case 'scale':
    case 'nps': {
      const [min, max] = q.type === 'nps' ? [0, 10] : [q.min ?? 1, q.max ?? 5];
      const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      input = (
        <div className="scale">
          {q.minLabel || q.type === 'nps' ? (
            <span className="scale__label">{q.minLabel ?? t('research.survey.npsLow')}</span>
          ) : null}
          {points.map((p) => (
            <label key={p} className="scale__point">
              <input
                type="radio"
                name={name}
                value={p}
                defaultChecked={value === p}
                aria-describedby={describedBy}
              />
              <span>{p}</span>
            </label>
          ))}
          {q.maxLabel || q.type === 'nps' ? (
            <span className="scale__label">{q.maxLabel ?? t('research.survey.npsHigh')}</span>
          ) : null}
        </div>
      );
      break;
    }
    case 'matrix':
      input = (
        <div className="table-wrap">
          <table className="matrix">
            <thead>
              <tr>
                <td />
                {options.map((o) => (
                  <th key={o.id} scope="col">
                    {o.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(q.rows ?? []).map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {options.map((o) => (
                    <td key={o.id}>
                      <input
                        type="radio"
                        name={`${name}.${row.id}`}
                        value={o.id}
                        aria-label={`${row.label}: ${o.label}`}
                        defaultChecked={(value as Record<string, string> | undefined)?.[row.id] === o.id}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
      break;
    case 'ranking':
      input = (
        <ul className="choices">
          {options.map((o) => {
            const rank = Array.isArray(value) ? value.indexOf(o.id) + 1 : 0;
            return (
              <li key={o.id}>
                <label>
                  <input
                    type="number"
                    name={`${name}.${o.id}`}
                    min={1}
                    max={options.length}
                    defaultValue={rank > 0 ? rank : undefined}
                    className="rank"
                    aria-describedby={describedBy}
                  />{' '}
                  {o.label}
                </label>
              </li>
            );
          })}
        </ul>
      );
      break;
    case 'text':
      input = (
        <textarea
          name={name}
          rows={4}
          maxLength={q.maxLength ?? 2000}
          defaultValue={typeof value === 'string' ? value : ''}
          aria-label={q.title}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      );
      break;
    case 'number':
    case 'date':
      input = (
        <input
          type={q.type === 'date' ? 'date' : 'text'}
          inputMode={q.type === 'number' ? 'decimal' : undefined}
          name={name}
          defaultValue={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          aria-label={q.title}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      );
      break;
    case 'file':
      input = (
        <>
          {typeof value === 'string' ? (
            <p>
              <input type="hidden" name={`${name}.existing`} value={value} />
              {t('research.survey.fileKept')}
            </p>
          ) : null}
          <input
            type="file"
            name={name}
            accept="image/png,image/jpeg,image/gif,image/webp"
            aria-label={q.title}
            aria-describedby={describedBy}
          />
          <span className="field__help">{t('research.survey.fileHelp', { community })}</span>
        </>
      );
      break;
  }
  return (
    <fieldset className={`field question${error ? ' field--error' : ''}`}>
      {legend}
      {q.help ? (
        <p className="field__help" id={helpId}>
          {q.help}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {q.stimulus && q.type !== 'hotspot' ? (
        <StimulusView media={stimulus} caption={q.stimulus.caption} />
      ) : null}
      {input}
    </fieldset>
  );
}
