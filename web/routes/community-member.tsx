import { Form, useActionData } from 'react-router';
import { Avatar, LocalTime, RoleBadge } from '../components/bits.tsx';
import { FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/community-member.ts';
import { useCommunity } from './community.tsx';
import { SupportAgentForm } from '../components/cases/support-agent-form.tsx';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const [member, community] = await guard(web.locale, () =>
    Promise.all([web.api.getMember(params.slug, params.memberId), web.api.getCommunity(params.slug)]),
  );
  // Community admins also see (and change) the member's support-agent ability.
  const agent = community.abilities.manageAgents
    ? await guard(web.locale, () => web.api.getSupportAgent(params.slug, params.memberId))
    : null;
  return { ...member, agent };
}

export const meta: Route.MetaFunction = ({ loaderData: data }) =>
  data ? [{ title: `${data.pseudonym} · Cercle` }] : [];

/** Reveals the member's identity to staff holding the right; the read is written to the access log. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  if (text(form, 'intent') === 'supportAgent') {
    return attempt(web.locale, async () => ({
      agent: await web.api.setSupportAgent(params.slug, params.memberId, text(form, 'agent') === 'true'),
    }));
  }
  return attempt(web.locale, async () => ({
    identity: await web.api.getMemberIdentity(params.slug, params.memberId, 'profile'),
  }));
}

export default function MemberProfile({ loaderData: member }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const identity = result && 'identity' in result ? result.identity : null;
  const refused = result && 'formError' in result ? result.formError : null;
  return (
    <section>
      <div className="profile-head">
        <Avatar name={member.pseudonym} />
        <div>
          <h1>{t('profile.title', { pseudonym: member.pseudonym })}</h1>
          <p className="meta">
            <RoleBadge role={member.role} /> {t('community.since', { date: '' })}
            <LocalTime iso={member.joinedAt} />
          </p>
        </div>
      </div>
      {member.bio ? <p>{member.bio}</p> : null}
      {community.abilities.viewIdentity ? (
        <div className="staff-box">
          <FormMessage error={refused} />
          {identity ? (
            <dl className="identity">
              <dt>{t('members.realName')}</dt>
              <dd>{identity.name}</dd>
              <dt>{t('members.email')}</dt>
              <dd>{identity.email}</dd>
              <dt>{t('members.phone')}</dt>
              <dd>{identity.phone ?? '—'}</dd>
            </dl>
          ) : (
            <Form method="post">
              <p className="meta">{t('members.identityLogged')}</p>
              <SubmitButton>{t('members.identity')}</SubmitButton>
            </Form>
          )}
        </div>
      ) : null}
      {member.agent ? <SupportAgentForm agent={member.agent} /> : null}
    </section>
  );
}
