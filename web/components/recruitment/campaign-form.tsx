import { Form } from 'react-router';
import type { ProfileAttributeDto } from '../../../server/modules/panel/panel.schemas.ts';
import { useT } from '../../lib/i18n.ts';
import type { CampaignRows } from '../../lib/recruitment-form.ts';
import { Field, FormMessage, SubmitButton } from '../form.tsx';
import { ConditionFields, QuestionBlocks } from '../research/question-blocks.tsx';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

type Props = {
  values: Record<string, string>;
  count: number;
  rows: CampaignRows;
  errors: { fieldErrors: Record<string, string>; formError: string | null } | null;
  attributes: ProfileAttributeDto[];
  /** Editing an existing campaign: shows whether its link is open, and the save button. */
  editing: boolean;
};

/**
 * A campaign's form (staff): its settings, its screener built with the survey builder's question blocks,
 * then its qualify/disqualify rules, quotas and answers copied to profile attributes as rows of pickers
 * (question, operator, value; question, choice, share or count; question, attribute). Works without
 * JavaScript: "Add a question" and "More rows" post the form back as it was typed.
 */
export function CampaignForm({ values: v, count, rows, errors, attributes, editing }: Props) {
  const t = useT();
  const e = (name: string) => errors?.fieldErrors[name];
  const submitted = Object.keys(v).length > 0;
  const checked = (name: string, fallback = false) => (submitted ? v[name] === 'on' : fallback);
  const questionPicker = (name: string) => (
    <Field
      label={t('recruitment.campaigns.question')}
      name={name}
      defaultValue={v[name] ?? ''}
      error={e(name)}
    >
      <option value="">{t('recruitment.campaigns.pickQuestion')}</option>
      {range(count).map((i) => (
        <option key={i} value={String(i + 1)}>
          {v[`q${i}.title`]
            ? t('recruitment.campaigns.questionOption', { n: i + 1, title: v[`q${i}.title`] })
            : t('recruitment.campaigns.questionNumber', { n: i + 1 })}
        </option>
      ))}
    </Field>
  );
  return (
    <Form method="post" noValidate className="campaign-form">
      <FormMessage error={errors?.formError} />
      <input type="hidden" name="count" value={count} />
      <input type="hidden" name="ruleRows" value={rows.rules} />
      <input type="hidden" name="quotaRows" value={rows.quotas} />
      <input type="hidden" name="mapRows" value={rows.maps} />
      <Field
        label={t('recruitment.campaigns.name')}
        name="name"
        required
        maxLength={120}
        defaultValue={v.name}
        error={e('name')}
      />
      <Field
        label={t('recruitment.campaigns.targetField')}
        name="target"
        type="number"
        min={1}
        required
        defaultValue={v.target ?? '300'}
        error={e('target')}
      />
      <Field
        label={t('recruitment.campaigns.invitationDays')}
        name="invitationDays"
        type="number"
        min={1}
        max={90}
        defaultValue={v.invitationDays ?? '14'}
        error={e('invitationDays')}
      />
      {editing ? (
        <div className="field">
          <label>
            <input type="checkbox" name="open" defaultChecked={checked('open', true)} />{' '}
            {t('recruitment.campaigns.open')}
          </label>
        </div>
      ) : null}
      <h2>{t('recruitment.campaigns.screener')}</h2>
      <p className="field__help">{t('recruitment.campaigns.screenerHelp')}</p>
      <QuestionBlocks count={count} values={v} errors={errors?.fieldErrors} checked={checked} />
      <h2>{t('recruitment.campaigns.rules')}</h2>
      <p className="field__help">{t('recruitment.campaigns.rulesHelp')}</p>
      {range(rows.rules).map((j) => (
        <fieldset key={j} className="builder-question">
          <legend>{t('recruitment.campaigns.rule', { n: j + 1 })}</legend>
          {questionPicker(`r${j}.question`)}
          <ConditionFields prefix={`r${j}.`} values={v} error={e(`r${j}.value`)} />
          <Field
            label={t('recruitment.campaigns.ruleThen')}
            name={`r${j}.then`}
            defaultValue={v[`r${j}.then`] ?? 'disqualify'}
          >
            <option value="disqualify">{t('recruitment.campaigns.then.disqualify')}</option>
            <option value="qualify">{t('recruitment.campaigns.then.qualify')}</option>
          </Field>
        </fieldset>
      ))}
      <h2>{t('recruitment.campaigns.quotas')}</h2>
      <p className="field__help">{t('recruitment.campaigns.quotasHelp')}</p>
      {range(rows.quotas).map((j) => (
        <fieldset key={j} className="builder-question">
          <legend>{t('recruitment.campaigns.quota', { n: j + 1 })}</legend>
          {questionPicker(`k${j}.question`)}
          <Field
            label={t('recruitment.campaigns.quotaChoice')}
            name={`k${j}.option`}
            defaultValue={v[`k${j}.option`]}
            help={t('recruitment.campaigns.quotaChoiceHelp')}
            error={e(`k${j}.option`)}
          />
          <Field
            label={t('recruitment.campaigns.quotaKind')}
            name={`k${j}.kind`}
            defaultValue={v[`k${j}.kind`] ?? 'share'}
          >
            <option value="share">{t('recruitment.campaigns.kind.share')}</option>
            <option value="max">{t('recruitment.campaigns.kind.max')}</option>
          </Field>
          <Field
            label={t('recruitment.campaigns.quotaAmount')}
            name={`k${j}.amount`}
            type="number"
            min={0}
            defaultValue={v[`k${j}.amount`]}
            error={e(`k${j}.amount`)}
          />
        </fieldset>
      ))}
      <h2>{t('recruitment.campaigns.attributeMap')}</h2>
      <p className="field__help">{t('recruitment.campaigns.attributeMapHelp')}</p>
      {attributes.length === 0 ? <p className="empty">{t('recruitment.campaigns.noAttribute')}</p> : null}
      {range(attributes.length === 0 ? 0 : rows.maps).map((j) => (
        <fieldset key={j} className="builder-question">
          <legend>{t('recruitment.campaigns.mapping', { n: j + 1 })}</legend>
          {questionPicker(`m${j}.question`)}
          <Field
            label={t('recruitment.campaigns.mapAttribute')}
            name={`m${j}.attributeId`}
            defaultValue={v[`m${j}.attributeId`] ?? ''}
            error={e(`m${j}.attributeId`)}
          >
            <option value="">{t('recruitment.campaigns.pickAttribute')}</option>
            {attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {t('recruitment.campaigns.attributeOption', {
                  label: a.label,
                  kind: t(`research.attrKind.${a.kind}`),
                })}
              </option>
            ))}
          </Field>
        </fieldset>
      ))}
      <p className="actions">
        <button type="submit" name="intent" value="rows" className="button button--secondary">
          {t('recruitment.campaigns.addRows')}
        </button>
      </p>
      <SubmitButton name="intent" value="save">
        {editing ? t('recruitment.campaigns.save') : t('recruitment.campaigns.create')}
      </SubmitButton>
    </Form>
  );
}
