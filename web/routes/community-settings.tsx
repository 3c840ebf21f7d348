import { redirect, useActionData, useSearchParams } from 'react-router';
import { CommunityForm, communityInput } from '../components/community-form.tsx';
import { FormMessage } from '../components/form.tsx';
import {
  saveSupportSettings,
  SUPPORT_SETTINGS_INTENT,
  SupportSettingsForm,
} from '../components/moderation/support-settings-form.tsx';
import { appContext } from '../context.ts';
import { attempt, guard, text } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import { requireAbility } from '../lib/staff.ts';
import type { Route } from './+types/community-settings.ts';
import { useCommunity } from './community.tsx';
import { titled } from '../lib/meta.ts';

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const web = context.get(appContext);
  const community = await requireAbility(web, params.slug, 'update', request);
  const supportSettings = community.abilities.manageSupportSettings
    ? await guard(web.locale, () => web.api.getSupportSettings(params.slug))
    : null;
  return { supportSettings };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  if (text(form, 'intent') === SUPPORT_SETTINGS_INTENT) return saveSupportSettings(web, params.slug, form);
  const input = communityInput(form);
  return attempt(web.locale, async () => {
    const saved = await web.api.updateCommunity(params.slug, input);
    // The community's address changed: continue at the new one.
    if (saved.slug !== params.slug) return redirect(`/c/${saved.slug}/settings?saved=1`);
    return { saved, input };
  });
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const community = useCommunity();
  const result = useActionData<typeof action>();
  const errors = result && 'fieldErrors' in result ? result : null;
  const [params] = useSearchParams();
  const saved = result && 'saved' in result ? result.saved : null;
  const movedAndSaved = !result && params.get('saved') === '1';
  return (
    <section className="narrow">
      <h1>{t('community.settings.title')}</h1>
      <FormMessage
        error={errors?.formError}
        success={saved || movedAndSaved ? t('community.settings.saved') : null}
      />
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
      {loaderData.supportSettings ? <SupportSettingsForm settings={loaderData.supportSettings} /> : null}
    </section>
  );
}

export const meta = titled('community.settings.title');
