import { Form, Link, redirect, useActionData } from 'react-router';
import { Field, FormMessage } from '../components/form.tsx';
import { QuotaFillList } from '../components/recruitment/quota-fill.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text, withExtra } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { EXAMPLE_QUOTAS, EXAMPLE_RULES, EXAMPLE_SCREENER, jsonField } from '../lib/recruitment-form.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/recruit-campaigns.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'manageRecruitment', request);
  const list = await guard(web.locale, () => web.api.listCampaigns(params.slug));
  return { ...list, publicUrl: web.publicUrl };
}

export const meta = titled('recruitment.campaigns.title');

/** Creates a campaign from the form (the screener, rules, quotas and mapping written as JSON). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
  const result = await attempt(web.locale, () =>
    web.api.createCampaign(params.slug, {
      name: text(form, 'name'),
      target: Number(text(form, 'target')) || 0,
      invitationDays: Number(text(form, 'invitationDays')) || 14,
      screener: jsonField(text(form, 'screener'), null),
      rules: jsonField(text(form, 'rules'), []),
      quotas: jsonField(text(form, 'quotas'), []),
      attributeMap: jsonField(text(form, 'attributeMap'), []),
    }),
  );
  if ('id' in result) return redirect(`/c/${params.slug}/recruitment`);
  return withExtra(result, { values });
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** Staff's recruitment page: the campaigns with their link, QR code and quota fill, and a new campaign. */
export default function RecruitCampaigns({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>() as
    | { fieldErrors?: Record<string, string>; formError?: string | null; values?: Record<string, string> }
    | undefined;
  const e = (name: string) => result?.fieldErrors?.[name];
  const v = result?.values ?? {};
  const base = `/c/${params.slug}/recruitment`;
  return (
    <section>
      <h1>{t('recruitment.campaigns.title')}</h1>
      <p>
        <Link to={`${base}/applications`}>{t('recruitment.applications.title')}</Link>
      </p>
      {loaderData.items.length === 0 ? <p className="empty">{t('recruitment.campaigns.empty')}</p> : null}
      {loaderData.items.map((c) => {
        const link = `${loaderData.publicUrl}/recruit/${c.token}`;
        return (
          <article key={c.id} className="card">
            <h2>{c.name}</h2>
            <p>
              {t('recruitment.campaigns.link')}{' '}
              <a className="recruit-link" href={link}>
                {link}
              </a>
            </p>
            <p>{t('recruitment.campaigns.target', { count: c.target })}</p>
            <QuotaFillList cells={c.quotaFill} />
            <p className="actions">
              <Link to={`${base}/${c.id}/qr`}>{t('recruitment.campaigns.qr')}</Link> ·{' '}
              <Link to={`${base}/${c.id}/import`}>{t('recruitment.campaigns.import')}</Link> ·{' '}
              <Link to={`${base}/applications?campaign=${c.id}`}>{t('recruitment.applications.title')}</Link>
            </p>
          </article>
        );
      })}
      <h2>{t('recruitment.campaigns.new')}</h2>
      <Form method="post" noValidate>
        <FormMessage error={result?.formError} />
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
        <Field
          label={t('recruitment.campaigns.screener')}
          name="screener"
          multiline
          required
          help={t('recruitment.campaigns.screenerHelp')}
          defaultValue={v.screener ?? pretty(EXAMPLE_SCREENER)}
          error={e('screener')}
        />
        <Field
          label={t('recruitment.campaigns.rules')}
          name="rules"
          multiline
          help={t('recruitment.campaigns.rulesHelp')}
          defaultValue={v.rules ?? pretty(EXAMPLE_RULES)}
          error={e('rules')}
        />
        <Field
          label={t('recruitment.campaigns.quotas')}
          name="quotas"
          multiline
          help={t('recruitment.campaigns.quotasHelp')}
          defaultValue={v.quotas ?? pretty(EXAMPLE_QUOTAS)}
          error={e('quotas')}
        />
        <Field
          label={t('recruitment.campaigns.attributeMap')}
          name="attributeMap"
          multiline
          help={t('recruitment.campaigns.attributeMapHelp')}
          defaultValue={v.attributeMap ?? '[]'}
          error={e('attributeMap')}
        />
        <button type="submit" className="button">
          {t('recruitment.campaigns.create')}
        </button>
      </Form>
    </section>
  );
}
