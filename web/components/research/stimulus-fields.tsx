import { Field } from '../form.tsx';
import { useT } from '../../lib/i18n.ts';

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,video/*,audio/*';

/**
 * The stimulus fields of one builder question block: the stimulus file (image, logo, video or sound) with
 * its caption, "this image is a logo", the file already uploaded (kept in a hidden field, with "remove"),
 * and the two variant files of a preference question. Uploaded by the page's action (`uploadBuilderMedia`).
 */
export function StimulusFields({
  i,
  values: v,
  error,
  names,
}: {
  i: number;
  values: Record<string, string>;
  error: (name: string) => string | undefined;
  /** Names of the community's stimulus files by id (for files uploaded before this form). */
  names: Record<string, string>;
}) {
  const t = useT();
  const kept = (id: string) => v[`q${i}.${id}`];
  const nameOf = (id: string) => v[`q${i}.${id}Name`] ?? names[kept(id)] ?? kept(id);
  const keptFile = (id: string) =>
    kept(id) ? (
      <>
        <input type="hidden" name={`q${i}.${id}`} value={kept(id)} />
        <input type="hidden" name={`q${i}.${id}Name`} value={nameOf(id)} />
        <p className="field__help">{t('research.new.qStimulusKept', { name: nameOf(id) })}</p>
      </>
    ) : null;
  return (
    <>
      <Field
        label={t('research.new.qStimulus')}
        name={`q${i}.stimulus`}
        type="file"
        accept={ACCEPT}
        help={t('research.new.qStimulusHelp')}
        error={error(`q${i}.stimulus`)}
      />
      {keptFile('stimulusId')}
      <div className="field">
        <label>
          <input
            type="checkbox"
            name={`q${i}.stimulusLogo`}
            defaultChecked={v[`q${i}.stimulusLogo`] === 'on'}
          />{' '}
          {t('research.new.qStimulusLogo')}
        </label>{' '}
        {kept('stimulusId') ? (
          <label>
            <input type="checkbox" name={`q${i}.stimulusRemove`} /> {t('research.new.qStimulusRemove')}
          </label>
        ) : null}
      </div>
      <Field
        label={t('research.new.qCaption')}
        name={`q${i}.caption`}
        maxLength={300}
        defaultValue={v[`q${i}.caption`]}
      />
      {(['A', 'B'] as const).map((label) => (
        <div key={label}>
          <Field
            label={t('research.new.qVariant', { label })}
            name={`q${i}.variant${label}`}
            type="file"
            accept={ACCEPT}
            help={t('research.new.qVariantHelp')}
            error={error(`q${i}.variant${label}`)}
          />
          {keptFile(`variant${label}Id`)}
        </div>
      ))}
    </>
  );
}
