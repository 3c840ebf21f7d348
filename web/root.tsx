import type { ReactNode } from 'react';
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import { DEFAULT_LOCALE, translate } from '../common/i18n/index.ts';
import type { Route } from './+types/root.ts';
import { NotificationsLink } from './components/notifications/notifications-link.tsx';
import { appContext } from './context.ts';
import { type RootData, useLocale, useT, useViewer } from './lib/i18n.ts';
import stylesHref from './styles.css?url';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ context }: Route.LoaderArgs): Promise<RootData> {
  const web = context.get(appContext);
  return {
    locale: web.locale,
    viewer: web.viewer
      ? {
          name: web.viewer.name,
          abilities: web.viewer.abilities,
          userId: web.viewer.userId,
          unreadNotifications: await web.api.countUnreadNotifications(),
        }
      : null,
    timeZone: null,
  };
}

function LanguageSwitch() {
  const locale = useLocale();
  const location = useLocation();
  const t = useT();
  const other = locale === 'fr' ? 'en' : 'fr';
  return (
    <Form method="post" action="/locale" className="lang-switch" reloadDocument>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button
        type="submit"
        className="link-button"
        lang={other}
        aria-label={`${t('nav.language')}: ${t('nav.switchTo')}`}
      >
        {t('nav.switchTo')}
      </button>
    </Form>
  );
}

function Header() {
  const t = useT();
  const viewer = useViewer();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.mainMenu')} className="site-nav">
          <ul>
            <li>
              <Link to="/">{t('nav.home')}</Link>
            </li>
            {viewer?.abilities.readMailOutbox ? (
              <li>
                <Link to="/admin/outbox">{t('nav.outbox')}</Link>
              </li>
            ) : null}
            {viewer ? (
              <li>
                <NotificationsLink userId={viewer.userId} unread={viewer.unreadNotifications} />
              </li>
            ) : null}
            {viewer ? (
              <li>
                <Form method="post" action="/signout" reloadDocument>
                  <button type="submit" className="link-button">
                    {t('nav.signOut')}
                  </button>
                </Form>
              </li>
            ) : (
              <>
                <li>
                  <Link to="/signin">{t('nav.signIn')}</Link>
                </li>
                <li>
                  <Link to="/signup">{t('nav.signUp')}</Link>
                </li>
              </>
            )}
            <li>
              <LanguageSwitch />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>('root');
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#content" className="skip-link">
          {translate(locale, 'nav.skip')}
        </a>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <>
      <Header />
      <main id="content" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<RootData>('root');
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof (error.data as { message?: unknown })?.message === 'string'
      ? (error.data as { message: string }).message
      : translate(locale, status === 404 ? 'error.not_found' : 'error.internal');
  return (
    <>
      {data ? <Header /> : null}
      <main id="content" className="page" tabIndex={-1}>
        <h1>{translate(locale, status === 404 ? 'error.notFoundTitle' : 'error.pageTitle')}</h1>
        <p role="alert">{message}</p>
        <p>
          <a href="/">{translate(locale, 'error.backHome')}</a>
        </p>
      </main>
    </>
  );
}
