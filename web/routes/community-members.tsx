import { Form, Link, useActionData, useSearchParams } from 'react-router';
import { LocalTime, RoleBadge, NextPage, RankBadge } from '../components/bits.tsx';
import { Field, FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/community-members.ts';
import { useCommunity } from './community.tsx';
import { titled } from '../lib/meta.ts';

const ROLES = ['member', 'expert', 'moderator', 'observer', 'admin'] as const;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  await requireAbility(web, params.slug, 'manageMembers', request);
  const url = new URL(request.url);
  const status = url.searchParams.get('status');
  return guard(web.locale, () =>
    web.api.listMembers(params.slug, {
      limit: 50,
      cursor: url.searchParams.get('cursor') ?? undefined,
      q: url.searchParams.get('q') ?? undefined,
      status: status === 'pending' || status === 'active' || status === 'suspended' ? status : undefined,
    }),
  );
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const memberId = text(form, 'memberId');
  const intent = text(form, 'intent');
  if (intent === 'invite') {
    const email = text(form, 'email').trim();
    const days = text(form, 'expiresInDays').trim();
    return attempt(web.locale, async () => ({
      invitation: await web.api.createInvitation(params.slug, {
        ...(email ? { email } : {}),
        ...(days ? { expiresInDays: /^\d+$/.test(days) ? Number(days) : days } : {}),
      }),
    }));
  }
  return attempt(web.locale, async () => {
    const input =
      intent === 'approve'
        ? { status: 'active' }
        : intent === 'suspend'
          ? { status: 'suspended' }
          : { role: text(form, 'role') };
    const member = await web.api.updateMember(params.slug, memberId, input);
    return { saved: member };
  });
}

export default function Members({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = result && 'saved' in result ? result.saved : null;
  const invitation = result && 'invitation' in result ? result.invitation : null;
  const inviteErrors = result && 'fieldErrors' in result ? result.fieldErrors : {};
  const canChangeRoles = community.abilities.changeRoles;
  return (
    <section>
      <h1>{t('members.title')}</h1>
      <FormMessage
        error={result && 'formError' in result ? result.formError : null}
        success={
          saved ? t('members.roleSaved', { pseudonym: saved.pseudonym, role: t(`role.${saved.role}`) }) : null
        }
      />
      <Form method="get" className="filters">
        <label>
          {t('members.pseudonym')} <input name="q" defaultValue={params.get('q') ?? ''} maxLength={30} />
        </label>
        <label>
          {t('members.status')}{' '}
          <select name="status" defaultValue={params.get('status') ?? ''}>
            <option value="">—</option>
            {(['active', 'pending', 'suspended'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--secondary">
          OK
        </button>
      </Form>
      {loaderData.items.length === 0 ? (
        <p className="empty">{t('members.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('members.pseudonym')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.status')}</th>
                <th scope="col">{t('members.joined')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/c/${community.slug}/members/${m.id}`}>{m.pseudonym}</Link>{' '}
                    <RoleBadge role={m.role} /> <RankBadge rank={m.rank} />
                  </td>
                  <td>
                    {canChangeRoles ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="memberId" value={m.id} />
                        <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                          {t('members.changeRole')} ({m.pseudonym})
                        </label>
                        <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`role.${r}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button--small" name="intent" value="role">
                          {t('members.save')}
                        </button>
                      </Form>
                    ) : (
                      t(`role.${m.role}`)
                    )}
                  </td>
                  <td>
                    {t(`status.${m.status}`)}
                    {m.status === 'pending' ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="memberId" value={m.id} />
                        <button type="submit" className="button button--small" name="intent" value="approve">
                          {t('members.approve')}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                  <td>
                    <LocalTime iso={m.joinedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPage cursor={loaderData.nextCursor} />
      {community.abilities.invite ? (
        <section aria-labelledby="invite-heading" className="staff-box">
          <h2 id="invite-heading">{t('invite.title')}</h2>
          <p className="meta">{t('invite.intro')}</p>
          {invitation ? (
            <div className="notice notice--success" role="status">
              <p>
                {t('invite.created', {
                  date: new Date(invitation.expiresAt).toLocaleDateString(community.defaultLocale),
                })}
              </p>
              <p>
                <code className="invite-link">{invitation.url}</code>
              </p>
            </div>
          ) : null}
          <Form method="post" noValidate>
            <Field label={t('invite.email')} name="email" type="email" error={inviteErrors.email} />
            <Field
              label={t('invite.days')}
              name="expiresInDays"
              type="number"
              min={1}
              max={90}
              defaultValue="14"
              error={inviteErrors.expiresInDays}
            />
            <SubmitButton name="intent" value="invite">
              {t('invite.submit')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
    </section>
  );
}

export const meta = titled('members.title');
