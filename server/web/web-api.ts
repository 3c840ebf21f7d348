import { CLIENT_IP_HEADER } from '../platform/auth/auth.ts';
import type { Ctx } from '../platform/context.ts';
import { listMail } from '../modules/admin/commands/list-mail.ts';
import { acceptSolution } from '../modules/support/commands/accept-solution.ts';
import { createBoard } from '../modules/support/commands/create-board.ts';
import { createReply } from '../modules/support/commands/create-reply.ts';
import { createTopic } from '../modules/support/commands/create-topic.ts';
import { getTopic } from '../modules/support/commands/get-topic.ts';
import { giveKudos } from '../modules/support/commands/give-kudos.ts';
import { listBoards } from '../modules/support/commands/list-boards.ts';
import { listSitemapTopics } from '../modules/support/commands/list-sitemap-topics.ts';
import { listTopics } from '../modules/support/commands/list-topics.ts';
import { createCommunity } from '../modules/communities/commands/create-community.ts';
import { getCommunity } from '../modules/communities/commands/get-community.ts';
import { listCommunities } from '../modules/communities/commands/list-communities.ts';
import { updateCommunity } from '../modules/communities/commands/update-community.ts';
import { getMe, updateMe } from '../modules/identity/commands/me.ts';
import { completeSetup } from '../modules/identity/commands/setup.ts';
import { checkPseudonym } from '../modules/members/commands/check-pseudonym.ts';
import { createInvitation } from '../modules/members/commands/create-invitation.ts';
import { getAccessLog } from '../modules/members/commands/get-access-log.ts';
import { getMember } from '../modules/members/commands/get-member.ts';
import { getMemberIdentity } from '../modules/members/commands/get-member-identity.ts';
import { joinCommunity } from '../modules/members/commands/join-community.ts';
import { listMembers } from '../modules/members/commands/list-members.ts';
import { updateMember } from '../modules/members/commands/update-member.ts';

/** A better-auth call's outcome as the web needs it: status, cookies to forward, JSON body. */
export interface AuthResult {
  ok: boolean;
  status: number;
  setCookies: string[];
  body: Record<string, unknown> | null;
}

async function authResult(response: Response): Promise<AuthResult> {
  let body: Record<string, unknown> | null = null;
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { ok: response.ok, status: response.status, setCookies: response.headers.getSetCookie(), body };
}

/**
 * The operations the web app may call, bound to the request's context. They are the same commands the
 * REST routes call, so the browser and the API apply one set of rules.
 */
export function createWebApi(ctx: Ctx, headers: Headers) {
  const { auth, config } = ctx.kernel;
  // Auth calls go through better-auth's own HTTP handler, so its rate limits and Origin check apply to
  // the web forms exactly as to /api/auth (the request keeps the browser's cookie, origin and address).
  const call = async (path: string, body: Record<string, unknown>) => {
    const forwarded = new Headers({ 'content-type': 'application/json' });
    for (const name of ['cookie', 'origin', 'user-agent', 'accept-language', CLIENT_IP_HEADER]) {
      const value = headers.get(name);
      if (value) forwarded.set(name, value);
    }
    if (!forwarded.has('origin')) forwarded.set('origin', new URL(config.publicUrl).origin);
    const request = new Request(`${config.publicUrl}/api/auth${path}`, {
      method: 'POST',
      headers: forwarded,
      body: JSON.stringify(body),
    });
    return authResult(await auth.handler(request));
  };
  return {
    listCommunities: (q: { limit?: number; cursor?: string; mine?: boolean } = {}) =>
      listCommunities({ ctx, ...q }),
    getCommunity: (community: string, invitationCode?: string) =>
      getCommunity({ ctx, community, invitationCode }),
    createCommunity: (input: unknown) => createCommunity({ ctx, input }),
    updateCommunity: (community: string, input: unknown) => updateCommunity({ ctx, community, input }),
    joinCommunity: (community: string, input: unknown) => joinCommunity({ ctx, community, input }),
    checkPseudonym: (community: string, pseudonym: string, invitationCode?: string) =>
      checkPseudonym({ ctx, community, pseudonym, invitationCode }),
    listMembers: (community: string, query: Parameters<typeof listMembers>[0]['query'] = {}) =>
      listMembers({ ctx, community, query }),
    getMember: (community: string, memberId: string) => getMember({ ctx, community, memberId }),
    updateMember: (community: string, memberId: string, input: unknown) =>
      updateMember({ ctx, community, memberId, input }),
    getMemberIdentity: (community: string, memberId: string, purpose?: string) =>
      getMemberIdentity({ ctx, community, memberId, purpose }),
    getAccessLog: (community: string, q: { limit?: number; cursor?: string } = {}) =>
      getAccessLog({ ctx, community, ...q }),
    createInvitation: (community: string, input: unknown) => createInvitation({ ctx, community, input }),
    getMe: () => getMe({ ctx }),
    updateMe: (input: unknown) => updateMe({ ctx, input }),
    listMail: (q: { to?: string; limit?: number; cursor?: string } = {}) => listMail({ ctx, ...q }),
    completeSetup: (input: unknown) => completeSetup({ ctx, input }),
    listBoards: (community: string) => listBoards({ ctx, community }),
    createBoard: (community: string, input: unknown) => createBoard({ ctx, community, input }),
    listTopics: (community: string, board: string, query: Parameters<typeof listTopics>[0]['query'] = {}) =>
      listTopics({ ctx, community, board, query }),
    createTopic: (community: string, board: string, input: unknown) =>
      createTopic({ ctx, community, board, input }),
    getTopic: (community: string, topicId: string) => getTopic({ ctx, community, topicId }),
    listSitemapTopics: (community: string) => listSitemapTopics({ ctx, community }),
    createReply: (community: string, topicId: string, input: unknown) =>
      createReply({ ctx, community, topicId, input }),
    acceptSolution: (community: string, replyId: string, accepted: boolean) =>
      acceptSolution({ ctx, community, replyId, input: { accepted } }),
    giveKudos: (community: string, targetType: 'topic' | 'reply', targetId: string) =>
      giveKudos({ ctx, community, input: { targetType, targetId } }),
    auth: {
      signUp: (body: { name: string; email: string; password: string }, next = '/') =>
        call('/sign-up/email', { ...body, callbackURL: `/verified?next=${encodeURIComponent(next)}` }),
      signIn: (body: { email: string; password: string }) =>
        call('/sign-in/email', { ...body, callbackURL: '/verified' }),
      signOut: () => call('/sign-out', {}),
      requestPasswordReset: (email: string) =>
        call('/request-password-reset', { email, redirectTo: '/reset-password' }),
      resetPassword: (token: string, newPassword: string) => call('/reset-password', { token, newPassword }),
      magicLink: (email: string) => call('/sign-in/magic-link', { email, callbackURL: '/' }),
    },
  };
}

/** The web API type (for loaders and actions). */
export type WebApi = ReturnType<typeof createWebApi>;
