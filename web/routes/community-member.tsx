import { Form, useActionData } from 'react-router';
import { Avatar, LocalTime, RoleBadge, RankBadge } from '../components/bits.tsx';
import { FormMessage, SubmitButton } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/community-member.ts';
import { useCommunity } from './community.tsx';
import { SupportAgentForm } from '../components/cases/support-agent-form.tsx';
import { MemberBadges, MemberPointsDesk } from '../components/points/member-points.tsx';
import { numberField } from '../components/points/path-errors.ts';

export async function loader({ context, params }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const [member, community] = await guard(web.locale, () =>
    Promise.all([web.api.getMember(params.slug, params.memberId), web.api.getCommunity(params.slug)]),
  );
  // Community admins also see (and change) the member's support-agent ability.
  const agent = community.abilities.manageAgents
    ? await guard(web.locale, () => web.api.getSupportAgent(params.slug, params.memberId))
    : null;
  // Badges for every reader of the profile; staff also see the member's points and award badges.
  const [badges, points] = await guard(web.locale, () =>
    Promise.all([
      web.api.listMemberBadges(params.slug, params.memberId),
      community.abilities.managePoints && member.status === 'active'
        ? Promise.all([
            web.api.getPointsBalance(params.slug, { memberId: params.memberId }),
            web.api.listBadges(params.slug),
          ])
        : null,
    ]),
  );
  return {
    ...member,
    agent,
    badges: badges.items,
    points: points ? { balance: points[0], badges: points[1].items } : null,
  };
}

export const meta: Route.MetaFunction = ({ loaderData: data }) =>
  data ? [{ title: `${data.pseudonym} · Cercle` }] : [];

/** Reveals the member's identity to staff holding the right; the read is written to the access log. */
export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const intent = text(form, 'intent');
  if (intent === 'adjust') {
    return attempt(web.locale, async () => {
      await web.api.adjustPoints(params.slug, {
        memberId: params.memberId,
        points: numberField(form, 'points'),
        reason: text(form, 'reason'),
      });
      return { pointsDone: true };
    });
  }
  if (intent === 'awardBadge') {
    return attempt(web.locale, async () => {
      await web.api.awardBadge(params.slug, text(form, 'badgeId'), { memberId: params.memberId });
      return { pointsDone: true };
    });
  }
  if (intent === 'revokeBadge') {
    return attempt(web.locale, async () => {
      await web.api.revokeBadge(params.slug, text(form, 'memberBadgeId'), { reason: text(form, 'reason') });
      return { pointsDone: true };
    });
  }
  if (intent === 'supportAgent') {
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
            <RoleBadge role={member.role} /> <RankBadge rank={member.rank} />{' '}
            {t('community.since', { date: '' })}
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
      <MemberBadges items={member.badges} manage={!!member.points} />
      {member.points ? (
        <MemberPointsDesk
          balance={member.points.balance}
          badges={member.points.badges}
          errors={result && 'fieldErrors' in result ? result.fieldErrors : {}}
          formError={refused}
          done={!!(result && 'pointsDone' in result)}
        />
      ) : null}
      {member.agent ? <SupportAgentForm agent={member.agent} /> : null}
    </section>
  );
}
