import { Form, Link, useActionData } from 'react-router';
import { LocalTime } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { attemptWithPaths, numberField } from '../components/points/path-errors.ts';
import { LedgerTable } from '../components/points/points-bits.tsx';
import { RanksEditor, ranksFromForm } from '../components/points/ranks-editor.tsx';
import { RulesEditor } from '../components/points/rules-editor.tsx';
import { appContext } from '../context.ts';
import { guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { titled } from '../lib/meta.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/points-admin.ts';
import { useCommunity } from './community.tsx';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'managePoints', request);
  const cursor = new URL(request.url).searchParams.get('cursor') ?? undefined;
  const [pending, rules, ranks, badges, flags] = await guard(web.locale, () =>
    Promise.all([
      web.api.listPendingAwards(params.slug, cursor ? { cursor } : {}),
      web.api.listPointRules(params.slug),
      web.api.listRanks(params.slug),
      web.api.listBadges(params.slug),
      web.api.listPointsFlags(params.slug),
    ]),
  );
  return { pending, rules, ranks, badges, flags };
}

export const meta = titled('points.admin.title');

/** The staff's intents: release or deny an award, save rules or ranks, create a badge, close a flag. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const api = web.api;
  const form = await request.formData();
  const intent = text(form, 'intent');
  const slug = params.slug;
  return attemptWithPaths(web.locale, intent, async () => {
    switch (intent) {
      case 'release':
        await api.releasePendingAward(slug, text(form, 'awardId'));
        return { intent, done: true };
      case 'deny':
        await api.denyPendingAward(slug, text(form, 'awardId'), { reason: text(form, 'reason') });
        return { intent, done: true };
      case 'rules': {
        const cap = (a: string) =>
          text(form, `cap.${a}`).trim() === '' ? null : numberField(form, `cap.${a}`);
        await api.updatePointRules(slug, {
          // One row per action the editor showed (`points.<action>` fields).
          rules: [...form.keys()]
            .filter((k) => k.startsWith('points.'))
            .map((k) => k.slice('points.'.length))
            .map((a) => ({
              action: a,
              points: numberField(form, `points.${a}`),
              dailyCap: cap(a),
              enabled: form.get(`enabled.${a}`) === 'on',
            })),
          settings: {
            reviewHours: numberField(form, 'reviewHours'),
            pairDailyCap: numberField(form, 'pairDailyCap'),
            burstPoints: numberField(form, 'burstPoints'),
          },
        });
        return { intent, done: true };
      }
      case 'ranks': {
        const read = (name: string) => (text(form, name).trim() === '' ? 0 : numberField(form, name));
        await api.updateRanks(slug, { ranks: ranksFromForm(form, read) });
        return { intent, done: true };
      }
      case 'badge':
        await api.createBadge(slug, { name: text(form, 'name'), description: text(form, 'description') });
        return { intent, done: true };
      case 'resolveFlag':
        await api.resolvePointsFlag(slug, text(form, 'flagId'));
        return { intent, done: true };
      default:
        return { intent, done: false };
    }
  });
}

/** Staff's points desk: pending awards, bursts, rules, ranks, badges and the ledger export. */
export default function PointsAdminPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const failed = result && 'pathErrors' in result ? result : null;
  const done = result && 'done' in result && result.done ? result.intent : null;
  const errorsOf = (intent: string) => (failed?.intent === intent ? failed.pathErrors : {});
  const { pending, rules, ranks, badges, flags } = loaderData;
  const configure = community.abilities.configurePoints;
  return (
    <section>
      <h1>{t('points.admin.title')}</h1>
      <FormMessage error={failed?.formError} success={done ? t('points.admin.done') : null} />
      <p>
        <a href={`/api/v1/communities/${community.slug}/points/ledger.csv`} download>
          {t('points.admin.export')}
        </a>{' '}
        · <Link to={`/c/${community.slug}/points`}>{t('points.title')}</Link>
      </p>
      <p className="meta">{t('points.admin.adjustWhere')}</p>
      <h2>{t('points.admin.pending')}</h2>
      {pending.items.length === 0 ? (
        <p className="empty">{t('points.admin.noPending')}</p>
      ) : (
        <LedgerTable
          items={pending.items}
          showMember
          actions={(entry) => (
            <>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="release" />
                <input type="hidden" name="awardId" value={entry.id} />
                <button type="submit" className="button button--small">
                  {t('points.admin.release')}
                </button>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="deny" />
                <input type="hidden" name="awardId" value={entry.id} />
                <label>
                  <span className="visually-hidden">{t('points.admin.denyReason')}</span>
                  <input name="reason" required maxLength={500} placeholder={t('points.admin.denyReason')} />
                </label>{' '}
                <button type="submit" className="button button--small button--danger">
                  {t('points.admin.deny')}
                </button>
              </Form>
            </>
          )}
        />
      )}
      {pending.nextCursor ? (
        <p>
          <Link to={`?cursor=${encodeURIComponent(pending.nextCursor)}`} rel="next">
            {t('members.next')}
          </Link>
        </p>
      ) : null}
      <h2>{t('points.admin.flags')}</h2>
      {flags.items.length === 0 ? (
        <p className="empty">{t('points.admin.noFlags')}</p>
      ) : (
        <ul>
          {flags.items.map((f) => (
            <li key={f.id}>
              <Link to={`/c/${community.slug}/members/${f.memberId}`}>{f.pseudonym}</Link> —{' '}
              {t('points.admin.flagLine', { points: f.pointsInHour, threshold: f.threshold })} ·{' '}
              <LocalTime iso={f.createdAt} withTime />{' '}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="resolveFlag" />
                <input type="hidden" name="flagId" value={f.id} />
                <button type="submit" className="button button--small button--secondary">
                  {t('points.admin.resolve')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {configure ? <RulesEditor rules={rules} errors={errorsOf('rules')} /> : null}
      {configure ? <RanksEditor ranks={ranks} errors={errorsOf('ranks')} /> : null}
      <h2>{t('points.admin.badges')}</h2>
      {badges.items.length === 0 ? (
        <p className="empty">{t('points.admin.noBadges')}</p>
      ) : (
        <ul>
          {badges.items.map((b) => (
            <li key={b.id}>
              <strong>{b.rule ? t(`points.badge.${b.rule}`) : b.name}</strong>
              {b.description ? ` — ${b.description}` : ''} ·{' '}
              {t('points.admin.holdersCount', { count: b.holdersCount })}
            </li>
          ))}
        </ul>
      )}
      {configure ? (
        <Form method="post" aria-labelledby="badge-title">
          <input type="hidden" name="intent" value="badge" />
          <h3 id="badge-title">{t('points.admin.newBadge')}</h3>
          <Field
            label={t('points.admin.badgeName')}
            name="name"
            required
            maxLength={60}
            error={errorsOf('badge')['/name']}
          />
          <Field
            label={t('points.admin.badgeDescription')}
            name="description"
            maxLength={300}
            error={errorsOf('badge')['/description']}
          />
          <SubmitButton>{t('points.admin.createBadge')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
