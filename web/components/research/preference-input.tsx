import { PREFERENCE_WHY_MAX } from '../../../common/research/question-types.ts';
import type { SurveyMediaDto } from '../../../server/modules/research/research.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import type { StimulusInputProps } from './hotspot-input.tsx';
import { StimulusView } from './stimulus-view.tsx';

/**
 * A preference between two variants: each shown with its stimulus (image, video or sound) and a radio
 * button under it, then an optional "why". Fields: `<name>` (the variant's id) and `<name>.why`.
 */
export function PreferenceInput({
  name,
  question: q,
  media,
  value,
  describedBy,
}: StimulusInputProps & { media: Map<string, SurveyMediaDto> }) {
  const t = useT();
  const saved = (typeof value === 'object' && value !== null ? value : {}) as {
    choice?: string;
    why?: string;
  };
  return (
    <>
      <ul className="variants">
        {(q.options ?? []).map((o) => (
          <li key={o.id} className="variant">
            <StimulusView media={o.mediaId ? media.get(o.mediaId) : undefined} />
            <label>
              <input
                type="radio"
                name={name}
                value={o.id}
                defaultChecked={saved.choice === o.id}
                aria-describedby={describedBy}
              />{' '}
              {t('research.preference.variant', { label: o.label })}
            </label>
          </li>
        ))}
      </ul>
      <label className="field__label" htmlFor={`${name}.why`}>
        {t('research.preference.why')}
      </label>
      <textarea
        id={`${name}.why`}
        name={`${name}.why`}
        rows={3}
        maxLength={PREFERENCE_WHY_MAX}
        defaultValue={saved.why ?? ''}
      />
    </>
  );
}
