import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { pendingMigrations } from './platform/db/migrate.ts';
import { newId } from './platform/db/ids.ts';
import { registerAuthBridge } from './platform/http/auth-bridge.ts';
import { registerOpenApiRoutes } from './platform/http/openapi.ts';
import { handleError } from './platform/http/problem.ts';
import { registerPublicCache } from './platform/http/public-cache-hooks.ts';
import { registerRequestContext } from './platform/http/request-context.ts';
import { ajv, ajvCoercing } from './platform/http/validation.ts';
import type { Kernel } from './platform/kernel.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { communitiesRoutes } from './modules/communities/communities.routes.ts';
import { registerCommunities } from './modules/communities/communities.module.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import { registerNotifications } from './modules/notifications/notifications.module.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { moderationRoutes } from './modules/moderation/moderation.routes.ts';
import { supportRoutes } from './modules/support/support.routes.ts';
import { registerSearch } from './modules/search/search.module.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { supportMediaRoutes, uploadFileRoutes } from './modules/support/support-media.routes.ts';
import { casesRoutes } from './modules/support/cases/cases.routes.ts';
import { registerCases } from './modules/support/cases/cases.module.ts';
import { registerRewards } from './modules/rewards/rewards.module.ts';
import { pointsRoutes } from './modules/rewards/rewards.routes.ts';
import { standingRoutes } from './modules/rewards/standing.routes.ts';
import { catalogueRoutes } from './modules/rewards/catalogue/catalogue.routes.ts';
import { registerCatalogue } from './modules/rewards/catalogue/catalogue.module.ts';
import { liveRoutes } from './modules/live/live.routes.ts';
import { registerLive } from './modules/live/live.module.ts';
import { panelRoutes } from './modules/panel/panel.routes.ts';
import { panelQualityRoutes } from './modules/panel/panel-quality.routes.ts';
import { researchRoutes } from './modules/research/research.routes.ts';
import { applicantRoutes } from './modules/recruitment/applicant.routes.ts';
import { recruitmentRoutes } from './modules/recruitment/recruitment.routes.ts';
import { registerRecruitment } from './modules/recruitment/recruitment.module.ts';
import { registerPanel } from './modules/panel/panel.module.ts';
import { registerResearch } from './modules/research/research.module.ts';
import { registerWeb } from './web/handler.ts';

/** Options of `buildApp`: whether to serve the React Router web app (needs `npm run build`). */
export interface AppOptions {
  web?: boolean;
}

/**
 * Builds the Fastify app on a kernel without listening (tests call `app.inject`). Mounts health checks,
 * better-auth, the `/api/v1` routes, the OpenAPI document and, with `web`, the server-rendered web app.
 */
export async function buildApp(kernel: Kernel, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = kernel;
  const app = Fastify({
    loggerInstance: kernel.log as unknown as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: () => newId(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? ajv.compile(schema) : ajvCoercing.compile(schema),
  );
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    handleError(Object.assign(new Error('not found'), { statusCode: 404 }), request, reply),
  );

  modulesInit(kernel);
  await app.register(cookie);
  // Security headers. A Content-Security-Policy needs a per-request nonce for React Router's inline
  // hydration scripts; it is not set yet (see docs/SECURITY.md).
  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    // The browsers' default: forms keep sending their Origin (the CSRF check relies on it).
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  registerRequestContext(app, kernel);
  registerPublicCache(app, kernel);
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.actor?.userId ?? request.ip,
    allowList: (request) =>
      request.url.startsWith('/assets/') || request.url === '/healthz' || request.url === '/readyz',
    ...(config.redisUrl
      ? { redis: new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }) }
      : {}),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Cercle API', version: 'v1', description: 'The public REST API of Cercle.' },
      servers: [{ url: config.publicUrl }],
      tags: [
        { name: 'communities', description: 'Communities and their settings' },
        { name: 'members', description: 'Membership, pseudonyms, roles and the identity access log' },
        { name: 'identity', description: 'The signed-in account' },
        { name: 'admin', description: 'Platform administration' },
        { name: 'support', description: 'Peer support: boards, topics, replies, solutions, kudos' },
        { name: 'moderation', description: 'Flags, the moderation queue, moderator actions, settings' },
        { name: 'cases', description: 'Support cases: escalation, the case queue, official answers' },
        { name: 'search', description: 'Search, similar questions and deflection' },
        { name: 'notifications', description: 'Follows, notifications, email preferences, unsubscribe' },
        { name: 'points', description: 'Points rules, balances, ledger, ranks, badges, leaderboards' },
        { name: 'rewards', description: 'The rewards catalogue, voucher codes and redemptions' },
        { name: 'live', description: 'Live sessions: focus groups, guide, invitations, transcripts' },
        { name: 'panel', description: 'Insight panel: profile attributes, member profiles, segments' },
        { name: 'research', description: 'Surveys and polls: definitions, responses, results, CSV export' },
        {
          name: 'recruitment',
          description: 'Panel recruitment: campaigns, screeners, applications, waitlist, consents',
        },
      ],
    },
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      const pending = await pendingMigrations(kernel.db);
      if (pending.length > 0) return reply.status(503).send({ status: 'migrations pending', pending });
      return { status: 'ready', database: kernel.database.kind };
    } catch (error) {
      kernel.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ status: 'database unreachable' });
    }
  });

  registerAuthBridge(app, kernel);
  await app.register(
    async (api) => {
      // The API speaks JSON only: any other body is answered with 415.
      api.removeContentTypeParser('text/plain');
      await api.register(communitiesRoutes, { kernel });
      await api.register(membersRoutes, { kernel });
      await api.register(identityRoutes, { kernel });
      await api.register(adminRoutes, { kernel });
      await api.register(supportRoutes, { kernel });
      await api.register(searchRoutes, { kernel });
      await api.register(supportMediaRoutes, { kernel });
      await api.register(casesRoutes, { kernel });
      await api.register(notificationsRoutes, { kernel });
      await api.register(moderationRoutes, { kernel });
      await api.register(pointsRoutes, { kernel });
      await api.register(standingRoutes, { kernel });
      await api.register(catalogueRoutes, { kernel });
      await api.register(liveRoutes, { kernel });
      await api.register(panelRoutes, { kernel });
      await api.register(panelQualityRoutes, { kernel });
      await api.register(researchRoutes, { kernel });
      await api.register(recruitmentRoutes, { kernel });
      await api.register(applicantRoutes, { kernel });
    },
    { prefix: '/api/v1' },
  );
  registerOpenApiRoutes(app);
  await app.register(uploadFileRoutes, { kernel });
  if (options.web) await registerWeb(app, kernel);
  return app;
}

const initialised = new WeakSet<Kernel>();
/** Registers the areas' subscribers and channels on a kernel, once. */
function modulesInit(kernel: Kernel): void {
  if (initialised.has(kernel)) return;
  initialised.add(kernel);
  registerCommunities(kernel);
  registerSearch(kernel);
  registerCases(kernel);
  registerNotifications(kernel);
  registerRewards(kernel);
  registerCatalogue(kernel);
  registerLive(kernel);
  registerResearch(kernel);
  registerRecruitment(kernel);
  registerPanel(kernel);
}
