import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('signin', 'routes/signin.tsx'),
  route('signup', 'routes/signup.tsx'),
  route('verified', 'routes/verified.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password', 'routes/reset-password.tsx'),
  route('magic-link', 'routes/magic-link.tsx'),
  route('signout', 'routes/signout.tsx'),
  route('setup', 'routes/setup.tsx'),
  route('locale', 'routes/locale.tsx'),
  route('admin/outbox', 'routes/admin-outbox.tsx'),
  route('admin/communities/new', 'routes/admin-new-community.tsx'),
  route('c/:slug/pseudonym-check', 'routes/pseudonym-check.tsx'),
  route('c/:slug', 'routes/community.tsx', [
    index('routes/community-home.tsx'),
    route('join', 'routes/community-join.tsx'),
    route('members', 'routes/community-members.tsx'),
    route('settings', 'routes/community-settings.tsx'),
    route('access-log', 'routes/community-access-log.tsx'),
    route('members/:memberId', 'routes/community-member.tsx'),
    route('b/:board', 'routes/board.tsx'),
    route('t/:topicId', 'routes/topic.tsx'),
  ]),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
