import { data, redirect, useActionData } from 'react-router';
import { translate } from '../../common/i18n/index.ts';
import { CommunityForm, communityInput } from '../components/community-form.tsx';
import { FormMessage } from '../components/form.tsx';
import { appContext } from '../context.ts';
import { attempt } from '../lib/errors.ts';
import { useT } from '../lib/i18n.ts';
import type { Route } from './+types/admin-new-community.ts';
import { titled } from '../lib/meta.ts';

export function loader({ context }: Route.LoaderArgs) {
  const web = context.get(appContext);
  if (!web.viewer) throw redirect('/signin?next=/admin/communities/new');
  if (!web.viewer.abilities.createCommunity)
    throw data({ code: 'forbidden', message: translate(web.locale, 'error.forbidden') }, { status: 403 });
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const web = context.get(appContext);
  const form = await request.formData();
  const input = communityInput(form);
  const result = await attempt(web.locale, async () => {
    const created = await web.api.createCommunity(input);
    return redirect(`/c/${created.slug}`);
  });
  return result instanceof Response ? result : { ...(result as object), input };
}

export default function NewCommunity() {
  const t = useT();
  const result = useActionData<typeof action>() as
    { fieldErrors?: Record<string, string>; formError?: string; input?: Record<string, unknown> } | undefined;
  return (
    <section className="narrow">
      <h1>{t('community.create.title')}</h1>
      <FormMessage error={result?.formError} />
      <CommunityForm
        values={result?.input}
        errors={result?.fieldErrors}
        submitLabel={t('community.create.submit')}
      />
    </section>
  );
}

export const meta = titled('community.create.title');
