import { data, Form, Link, useActionData } from 'react-router';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import {
  loadRewardChoices,
  RewardForm,
  rewardImageInput,
  rewardInput,
} from '../components/rewards/reward-form.tsx';
import { appContext } from '../context.ts';
import { actionErrors, asAppError, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { VoucherImportResultDto } from '../../server/modules/rewards/catalogue/catalogue.schemas.ts';
import type { Route } from './+types/rewards-edit.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  return guard(web.locale, async () => {
    const [reward, choices] = await Promise.all([
      web.api.getReward(params.slug, params.rewardId),
      loadRewardChoices(web.api, params.slug),
    ]);
    return { ...reward, choices };
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.title} · Cercle` : 'Cercle' },
  { name: 'robots', content: 'noindex' },
];

/** The CSV of an import: the uploaded file if any, else the pasted text. */
async function csvOf(form: FormData): Promise<string> {
  const file = form.get('file');
  if (file && typeof file !== 'string' && file.size > 0) return file.text();
  return text(form, 'codes');
}

/** Two intents: save the reward, or import voucher codes (with the refused rows listed). */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  try {
    if (intent === 'import') {
      const report = await web.api.importVoucherCodes(params.slug, params.rewardId, {
        csv: await csvOf(form),
        skipInvalid: form.get('skipInvalid') === 'on',
      });
      return { done: 'imported' as const, report };
    }
    await web.api.updateReward(params.slug, params.rewardId, {
      ...rewardInput(form, false),
      ...(await rewardImageInput(web.api, params.slug, form)),
    });
    return { done: 'saved' as const };
  } catch (error) {
    const appError = asAppError(error);
    if (!appError) throw error;
    // A refused import lists every bad row (`/csv/<line>`), not only the first.
    const rows = appError.fields
      .filter((f) => /^\/csv\/\d+$/.test(f.path))
      .map((f) => ({
        line: Number(f.path.split('/')[2]),
        message: actionErrors(web.locale, { ...appError, fields: [f] }).fieldErrors.csv ?? '',
      }));
    return data({ intent, rows, ...actionErrors(web.locale, appError) }, { status: appError.status });
  }
}

type Outcome =
  | { done: 'saved' }
  | { done: 'imported'; report: VoucherImportResultDto }
  | {
      intent: string;
      rows: { line: number; message: string }[];
      fieldErrors: Record<string, string>;
      formError: string | null;
    };

function ImportCodes({ outcome }: { outcome: Outcome | undefined }) {
  const t = useT();
  const refusal = outcome && 'intent' in outcome && outcome.intent === 'import' ? outcome : null;
  const report = outcome && 'report' in outcome ? outcome.report : null;
  const rows = refusal
    ? refusal.rows
    : (report?.errors.map((e) => ({ line: e.line, message: `${e.code} — ${e.message}` })) ?? []);
  return (
    <section aria-labelledby="rewards-import" className="staff-box">
      <h2 id="rewards-import">{t('rewards.admin.import')}</h2>
      {refusal ? <FormMessage error={refusal.formError} /> : null}
      {report ? (
        <FormMessage
          success={t('rewards.admin.imported', {
            imported: report.imported,
            rejected: report.rejected,
            stock: report.stock,
          })}
        />
      ) : null}
      {rows.length > 0 ? (
        <>
          <h3>{t('rewards.admin.importErrors')}</h3>
          <ul className="import-errors">
            {rows.map((row) => (
              <li key={row.line}>
                {t('rewards.admin.line', { line: row.line })} {row.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate>
        <Field
          label={t('rewards.admin.importFile')}
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
        />
        <Field
          label={t('rewards.admin.importText')}
          name="codes"
          multiline
          maxLength={2_000_000}
          error={refusal && refusal.rows.length === 0 ? refusal.fieldErrors.csv : undefined}
        />
        <div className="field field--checkbox">
          <label>
            <input type="checkbox" name="skipInvalid" /> {t('rewards.admin.importSkip')}
          </label>
        </div>
        <SubmitButton name="intent" value="import">
          {t('rewards.admin.importSubmit')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** Staff edit one reward and, for a voucher, import its codes. */
export default function RewardEditPage({ loaderData }: Route.ComponentProps) {
  const { choices, ...reward } = loaderData;
  const t = useT();
  const community = useCommunity();
  const outcome = useActionData<typeof action>();
  const refusal = outcome && 'intent' in outcome && outcome.intent !== 'import' ? outcome : null;
  return (
    <section>
      <p className="meta">
        <Link to={`/c/${community.slug}/rewards/admin`}>{t('rewards.navAdmin')}</Link>
      </p>
      <h1>{t('rewards.admin.edit', { title: reward.title })}</h1>
      <p className="meta">{t(`rewards.kind.${reward.kind}`)}</p>
      <FormMessage
        error={refusal?.formError}
        success={outcome && 'done' in outcome && outcome.done === 'saved' ? t('rewards.admin.saved') : null}
      />
      <RewardForm
        key={reward.updatedAt}
        reward={reward}
        intent="save"
        errors={refusal?.fieldErrors}
        choices={choices}
      />
      {reward.kind === 'voucher' ? <ImportCodes outcome={outcome} /> : null}
    </section>
  );
}
