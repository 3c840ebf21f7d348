import { useActionData } from 'react-router';
import { CommunityForm, communityInput } from '../components/community-form.tsx';
import { FormMessage } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/community-settings.ts';
import { useCommunity } from './community.tsx';
import { titled } from '../lib/meta.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  await requireAbility(context.get(appContext), params.slug, 'update', request);
  return null;
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const input = communityInput(await request.formData());
  return attempt(web.locale, async () => ({
    saved: await web.api.updateCommunity(params.slug, input),
    input,
  }));
}

export default function Settings() {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const saved = result && 'saved' in result ? result.saved : null;
  return (
    <section className="narrow">
      <h1>{t('community.settings.title')}</h1>
      <FormMessage error={errors?.formError} success={saved ? t('community.settings.saved') : null} />
      {saved && saved.slug !== community.slug ? (
        <p>
          <a href={`/c/${saved.slug}/settings`}>/c/{saved.slug}</a>
        </p>
      ) : null}
      <CommunityForm
        values={saved ?? community}
        errors={errors?.fieldErrors}
        submitLabel={t('community.settings.submit')}
      />
    </section>
  );
}

export const meta = titled('community.settings.title');
