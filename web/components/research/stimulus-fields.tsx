import { IMAGE_CHOICE_SLOTS } from '../../../common/research/question-types.ts';
import { Field } from '../form.tsx';
import { useT } from '../../lib/i18n.ts';

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,video/*,audio/*';
const ACCEPT_IMAGE = 'image/png,image/jpeg,image/gif,image/webp';

/**
 * The stimulus fields of one builder question block: the stimulus file (image, logo, video or sound) with
 * its caption, "this image is a logo", the file already uploaded (kept in a hidden field, with "remove"),
 * the two variant files of a preference question, and a picture per choice of an image-choice question
 * (one more slot than choices typed, at least `IMAGE_CHOICE_SLOTS`). Each group is shown only while the
 * block's type uses it (`builder-when--*` classes, by CSS on the selected type: no JavaScript needed).
 * Uploaded by the page's action (`uploadBuilderMedia`).
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
  const typed = (v[`q${i}.options`] ?? '').split(/\r?\n/).filter((l) => l.trim() !== '').length;
  const slots = Math.min(50, Math.max(IMAGE_CHOICE_SLOTS, typed + 1));
  return (
    <>
      <div className="builder-when builder-when--stimulus">
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
      </div>
      <div className="builder-when builder-when--preference">
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
      </div>
      <div className="builder-when builder-when--image_choice">
        <p className="field__help">{t('research.new.qChoiceImagesHelp')}</p>
        {Array.from({ length: slots }, (_, n) => (
          <div key={n}>
            <Field
              label={t('research.new.qChoiceImage', { n: n + 1 })}
              name={`q${i}.choice${n}`}
              type="file"
              accept={ACCEPT_IMAGE}
              error={error(`q${i}.choice${n}`)}
            />
            {keptFile(`choice${n}Id`)}
          </div>
        ))}
      </div>
    </>
  );
}
