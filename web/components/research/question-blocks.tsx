import { Field } from '../form.tsx';
import { useT } from '../../lib/i18n.ts';
import { BUILDER_TYPES, SKIP_ROWS } from '../../lib/survey-builder.ts';
import { StimulusFields } from './stimulus-fields.tsx';

/**
 * The survey builder's questions (staff): `count` question blocks grouped into pages by their page number,
 * with stimulus files (`StimulusFields`), display logic ("show if"), a trap's expected answer and the
 * question a block repeats; "Add a question"; then the skip rules. A block shown for an existing question
 * carries its question's and choices' ids in hidden fields. Shared by the survey pages and the campaign
 * (screener) pages; works without JavaScript.
 */
export function QuestionBlocks({
  count,
  values: v,
  errors,
  checked,
  mediaNames = {},
}: {
  count: number;
  values: Record<string, string>;
  errors: Record<string, string> | undefined;
  checked: (name: string, fallback?: boolean) => boolean;
  /** Names of stimulus files already in the survey, by id (edit page). */
  mediaNames?: Record<string, string>;
}) {
  const t = useT();
  const e = (name: string) => errors?.[name];
  return (
    <>
      <h2>{t('research.new.questions')}</h2>
      {e('definition') ? <p className="field__error">{e('definition')}</p> : null}
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="builder-question">
          <legend>{t('research.new.question', { n: i + 1 })}</legend>
          {v[`q${i}.id`] ? <input type="hidden" name={`q${i}.id`} value={v[`q${i}.id`]} /> : null}
          {v[`q${i}.optionIds`] ? (
            <input type="hidden" name={`q${i}.optionIds`} value={v[`q${i}.optionIds`]} />
          ) : null}
          <Field
            label={t('research.new.qTitle')}
            name={`q${i}.title`}
            maxLength={500}
            defaultValue={v[`q${i}.title`]}
            error={e(`q${i}.title`)}
          />
          <Field
            label={t('research.new.qType')}
            name={`q${i}.type`}
            defaultValue={v[`q${i}.type`] ?? 'single'}
            error={e(`q${i}.type`)}
          >
            {BUILDER_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`research.type.${type}`)}
              </option>
            ))}
          </Field>
          <Field
            label={t('research.new.qPage')}
            name={`q${i}.page`}
            type="number"
            min={1}
            max={50}
            defaultValue={v[`q${i}.page`] ?? '1'}
          />
          <Field
            label={t('research.new.qOptions')}
            name={`q${i}.options`}
            multiline
            help={t('research.new.qOptionsHelp')}
            defaultValue={v[`q${i}.options`]}
            error={e(`q${i}.options`)}
          />
          <Field
            label={t('research.new.qRows')}
            name={`q${i}.rows`}
            multiline
            help={t('research.new.qRowsHelp')}
            defaultValue={v[`q${i}.rows`]}
            error={e(`q${i}.rows`)}
          />
          <StimulusFields i={i} values={v} error={e} names={mediaNames} />
          <Field
            label={t('research.new.qMin')}
            name={`q${i}.min`}
            type="number"
            defaultValue={v[`q${i}.min`]}
            error={e(`q${i}.min`)}
          />
          <Field
            label={t('research.new.qMax')}
            name={`q${i}.max`}
            type="number"
            defaultValue={v[`q${i}.max`]}
            error={e(`q${i}.max`)}
          />
          <div className="field">
            <label>
              <input
                type="checkbox"
                name={`q${i}.required`}
                defaultChecked={checked(`q${i}.required`, true)}
              />{' '}
              {t('research.new.qRequired')}
            </label>{' '}
            <label>
              <input type="checkbox" name={`q${i}.randomize`} defaultChecked={checked(`q${i}.randomize`)} />{' '}
              {t('research.new.qRandomize')}
            </label>
          </div>
          <Field
            label={t('research.new.showIf')}
            name={`q${i}.showIfQuestion`}
            type="number"
            min={1}
            defaultValue={v[`q${i}.showIfQuestion`]}
            help={t('research.new.showIfHelp')}
            error={e(`q${i}.showIfQuestion`)}
          />
          <ConditionFields prefix={`q${i}.showIf`} values={v} />
          <Field
            label={t('research.new.qTrap')}
            name={`q${i}.trap`}
            defaultValue={v[`q${i}.trap`]}
            help={t('research.new.qTrapHelp')}
            error={e(`q${i}.trap`)}
          />
          <Field
            label={t('research.new.qRepeatOf')}
            name={`q${i}.repeatOf`}
            type="number"
            min={1}
            defaultValue={v[`q${i}.repeatOf`]}
            help={t('research.new.qRepeatOfHelp')}
            error={e(`q${i}.repeatOf`)}
          />
        </fieldset>
      ))}
      <button type="submit" name="intent" value="add" className="button button--secondary">
        {t('research.new.addQuestion')}
      </button>
      <h2>{t('research.new.skipRules')}</h2>
      <p className="field__help">{t('research.new.skipHelp')}</p>
      {e('skip') ? <p className="field__error">{e('skip')}</p> : null}
      {Array.from({ length: SKIP_ROWS }, (_, j) => (
        <fieldset key={j} className="builder-question">
          <legend>{t('research.new.skipRule', { n: j + 1 })}</legend>
          <Field
            label={t('research.new.skipPage')}
            name={`s${j}.page`}
            type="number"
            min={1}
            defaultValue={v[`s${j}.page`]}
          />
          <Field
            label={t('research.new.skipQuestion')}
            name={`s${j}.question`}
            type="number"
            min={1}
            defaultValue={v[`s${j}.question`]}
          />
          <ConditionFields prefix={`s${j}.`} values={v} />
          <Field
            label={t('research.new.skipGoTo')}
            name={`s${j}.goTo`}
            defaultValue={v[`s${j}.goTo`]}
            help={t('research.new.skipGoToHelp')}
          />
        </fieldset>
      ))}
    </>
  );
}

/**
 * The operator and value of a condition (display logic, skip rule, or a campaign's screening rule):
 * `<prefix>op`/`<prefix>value` for a prefix ending in a dot, else `<prefix>Op`/`<prefix>Value`.
 */
export function ConditionFields({
  prefix,
  values,
  error,
}: {
  prefix: string;
  values: Record<string, string>;
  error?: string;
}) {
  const t = useT();
  const op = prefix.endsWith('.') ? `${prefix}op` : `${prefix}Op`;
  const value = prefix.endsWith('.') ? `${prefix}value` : `${prefix}Value`;
  return (
    <>
      <Field label={t('research.new.condOp')} name={op} defaultValue={values[op] ?? 'equals'}>
        {['equals', 'not_equals', 'includes', 'gte', 'lte', 'answered'].map((o) => (
          <option key={o} value={o}>
            {t(`research.op.${o}`)}
          </option>
        ))}
      </Field>
      <Field
        label={t('research.new.condValue')}
        name={value}
        defaultValue={values[value]}
        help={t('research.new.condValueHelp')}
        error={error}
      />
    </>
  );
}
