import { CLIENT_IP_HEADER } from '../platform/auth/auth.ts';
import { recruitmentWebApi } from './web-api-recruitment.ts';
import { liveToolsWebApi } from './web-api-live-tools.ts';
import type { Ctx } from '../platform/context.ts';
import { listMail } from '../modules/admin/commands/list-mail.ts';
import { acceptSolution } from '../modules/support/commands/accept-solution.ts';
import { escalateTopic } from '../modules/support/cases/commands/escalate-topic.ts';
import { getCase } from '../modules/support/cases/commands/get-case.ts';
import { getSupportAgent } from '../modules/support/cases/commands/get-support-agent.ts';
import { listCases } from '../modules/support/cases/commands/list-cases.ts';
import { listMyTopics } from '../modules/support/cases/commands/list-my-topics.ts';
import { postOfficialAnswer } from '../modules/support/cases/commands/post-official-answer.ts';
import { setSupportAgent } from '../modules/support/cases/commands/set-support-agent.ts';
import { updateCase } from '../modules/support/cases/commands/update-case.ts';
import { createLiveSession } from '../modules/live/commands/create-live-session.ts';
import { exportLiveSessionTranscript } from '../modules/live/commands/export-live-session-transcript.ts';
import { getLiveSessionTranscript } from '../modules/live/commands/get-live-session-transcript.ts';
import { getLiveSession } from '../modules/live/commands/get-live-session.ts';
import { inviteToLiveSession } from '../modules/live/commands/invite-to-live-session.ts';
import { listLiveSessions } from '../modules/live/commands/list-live-sessions.ts';
import { respondToLiveSessionInvitation } from '../modules/live/commands/respond-to-live-session-invitation.ts';
import { updateLiveSessionGuide } from '../modules/live/commands/update-live-session-guide.ts';
import { updateLiveSession } from '../modules/live/commands/update-live-session.ts';
import { uploadLiveMedia } from '../modules/live/commands/upload-live-media.ts';
import { createBoard } from '../modules/support/commands/create-board.ts';
import { createReply } from '../modules/support/commands/create-reply.ts';
import { createTopic } from '../modules/support/commands/create-topic.ts';
import { getTopic } from '../modules/support/commands/get-topic.ts';
import { giveKudos } from '../modules/support/commands/give-kudos.ts';
import { listBoards } from '../modules/support/commands/list-boards.ts';
import { listSitemapTopics } from '../modules/support/commands/list-sitemap-topics.ts';
import { listTopics } from '../modules/support/commands/list-topics.ts';
import { getDeflectionStats } from '../modules/search/commands/get-deflection-stats.ts';
import { recordDeflectionView } from '../modules/search/commands/record-deflection-view.ts';
import { searchCommunity } from '../modules/search/commands/search-community.ts';
import { suggestSimilarTopics } from '../modules/search/commands/suggest-similar-topics.ts';
import { deletePost } from '../modules/support/commands/delete-post.ts';
import { listRevisions } from '../modules/support/commands/list-revisions.ts';
import { mergeTopic } from '../modules/support/commands/merge-topic.ts';
import { updateReply } from '../modules/support/commands/update-reply.ts';
import { updateTopic } from '../modules/support/commands/update-topic.ts';
import { listBoardContributors } from '../modules/support/commands/list-board-contributors.ts';
import { uploadImage } from '../modules/support/commands/upload-image.ts';
import { createCommunity } from '../modules/communities/commands/create-community.ts';
import { getCommunity, getCommunityPage } from '../modules/communities/commands/get-community.ts';
import { listCommunities } from '../modules/communities/commands/list-communities.ts';
import { updateCommunity } from '../modules/communities/commands/update-community.ts';
import { getMe, updateMe } from '../modules/identity/commands/me.ts';
import { completeSetup } from '../modules/identity/commands/setup.ts';
import {
  getEmailPreferences,
  updateEmailPreferences,
} from '../modules/notifications/commands/email-preferences.ts';
import { followBoard, getBoardFollow } from '../modules/notifications/commands/follow-board.ts';
import { followTopic, getTopicFollow } from '../modules/notifications/commands/follow-topic.ts';
import {
  countUnreadNotifications,
  listNotifications,
} from '../modules/notifications/commands/list-notifications.ts';
import { markNotificationsRead } from '../modules/notifications/commands/mark-notifications-read.ts';
import { checkUnsubscribe, unsubscribe } from '../modules/notifications/commands/unsubscribe.ts';
import { checkPseudonym } from '../modules/members/commands/check-pseudonym.ts';
import { createInvitation } from '../modules/members/commands/create-invitation.ts';
import { getAccessLog } from '../modules/members/commands/get-access-log.ts';
import { getMember } from '../modules/members/commands/get-member.ts';
import { getMemberIdentity } from '../modules/members/commands/get-member-identity.ts';
import { joinCommunity } from '../modules/members/commands/join-community.ts';
import { listMembers } from '../modules/members/commands/list-members.ts';
import { updateMember } from '../modules/members/commands/update-member.ts';
import { flagContent } from '../modules/moderation/commands/flag-content.ts';
import { getSupportSettings } from '../modules/moderation/commands/get-support-settings.ts';
import { listModerationQueue } from '../modules/moderation/commands/list-moderation-queue.ts';
import { moderateContent } from '../modules/moderation/commands/moderate-content.ts';
import { updateSupportSettings } from '../modules/moderation/commands/update-support-settings.ts';
import { adjustPoints } from '../modules/rewards/commands/adjust-points.ts';
import { awardBadge } from '../modules/rewards/commands/award-badge.ts';
import { createBadge } from '../modules/rewards/commands/create-badge.ts';
import { denyPendingAward } from '../modules/rewards/commands/deny-pending-award.ts';
import { getLeaderboard } from '../modules/rewards/commands/get-leaderboard.ts';
import { getPointsBalance } from '../modules/rewards/commands/get-points-balance.ts';
import { listBadges } from '../modules/rewards/commands/list-badges.ts';
import { listMemberBadges } from '../modules/rewards/commands/list-member-badges.ts';
import { listPendingAwards } from '../modules/rewards/commands/list-pending-awards.ts';
import { listPointRules } from '../modules/rewards/commands/list-point-rules.ts';
import { listPointsFlags } from '../modules/rewards/commands/list-points-flags.ts';
import { listPointsLedger } from '../modules/rewards/commands/list-points-ledger.ts';
import { listRanks } from '../modules/rewards/commands/list-ranks.ts';
import { releasePendingAward } from '../modules/rewards/commands/release-pending-award.ts';
import { resolvePointsFlag } from '../modules/rewards/commands/resolve-points-flag.ts';
import { revokeBadge } from '../modules/rewards/commands/revoke-badge.ts';
import { updatePointRules } from '../modules/rewards/commands/update-point-rules.ts';
import { updatePointsPreferences } from '../modules/rewards/commands/update-points-preferences.ts';
import { updateRanks } from '../modules/rewards/commands/update-ranks.ts';
import { cancelRedemption } from '../modules/rewards/catalogue/commands/cancel-redemption.ts';
import { createReward } from '../modules/rewards/catalogue/commands/create-reward.ts';
import { decideRedemption } from '../modules/rewards/catalogue/commands/decide-redemption.ts';
import { fulfillRedemption } from '../modules/rewards/catalogue/commands/fulfill-redemption.ts';
import { getReward } from '../modules/rewards/catalogue/commands/get-reward.ts';
import { importVoucherCodes } from '../modules/rewards/catalogue/commands/import-voucher-codes.ts';
import { listMyRedemptions } from '../modules/rewards/catalogue/commands/list-my-redemptions.ts';
import { listRedemptions } from '../modules/rewards/catalogue/commands/list-redemptions.ts';
import { listRewards } from '../modules/rewards/catalogue/commands/list-rewards.ts';
import { redeemReward } from '../modules/rewards/catalogue/commands/redeem-reward.ts';
import { updateReward } from '../modules/rewards/catalogue/commands/update-reward.ts';
import { createProfileAttribute } from '../modules/panel/commands/create-profile-attribute.ts';
import { createSegment } from '../modules/panel/commands/create-segment.ts';
import { getMemberProfile } from '../modules/panel/commands/get-member-profile.ts';
import { getSegmentSize, previewSegmentSize } from '../modules/panel/commands/get-segment-size.ts';
import { listProfileAttributes } from '../modules/panel/commands/list-profile-attributes.ts';
import { listSegments } from '../modules/panel/commands/list-segments.ts';
import { decideProbation } from '../modules/panel/commands/decide-probation.ts';
import { getPanelHealth } from '../modules/panel/commands/get-panel-health.ts';
import { getPanelSettings } from '../modules/panel/commands/get-panel-settings.ts';
import { getReliability } from '../modules/panel/commands/get-reliability.ts';
import { listFlaggedMembers } from '../modules/panel/commands/list-flagged-members.ts';
import { listProbation } from '../modules/panel/commands/list-probation.ts';
import { rateMember } from '../modules/panel/commands/rate-member.ts';
import { updatePanelSettings } from '../modules/panel/commands/update-panel-settings.ts';
import { updateMemberProfile } from '../modules/panel/commands/update-member-profile.ts';
import { createSurvey } from '../modules/research/commands/create-survey.ts';
import { exportSurveyResponses } from '../modules/research/commands/export-survey-responses.ts';
import { getSurvey } from '../modules/research/commands/get-survey.ts';
import { getSurveyResults } from '../modules/research/commands/get-survey-results.ts';
import { listSurveys } from '../modules/research/commands/list-surveys.ts';
import { saveSurveyPage } from '../modules/research/commands/save-survey-page.ts';
import { submitSurveyResponse } from '../modules/research/commands/submit-survey-response.ts';
import { updateSurvey } from '../modules/research/commands/update-survey.ts';
import { uploadSurveyMedia } from '../modules/research/commands/upload-survey-media.ts';

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
    ...recruitmentWebApi(ctx),
    ...liveToolsWebApi(ctx),
    listCommunities: (q: { limit?: number; cursor?: string; mine?: boolean } = {}) =>
      listCommunities({ ctx, ...q }),
    getCommunity: (community: string, invitationCode?: string) =>
      getCommunity({ ctx, community, invitationCode }),
    getCommunityPage: (community: string, options: { invitationCode?: string; memberCount: boolean }) =>
      getCommunityPage({ ctx, community, ...options }),
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
    getTopic: (community: string, topicId: string, page?: number) =>
      getTopic({ ctx, community, topicId, page }),
    listSitemapTopics: (community: string) => listSitemapTopics({ ctx, community }),
    uploadImage: (community: string, file: { data: Buffer; filename: string } | null) =>
      uploadImage({ ctx, community, file }),
    listBoardContributors: (community: string, board: string) =>
      listBoardContributors({ ctx, community, board }),
    createReply: (community: string, topicId: string, input: unknown) =>
      createReply({ ctx, community, topicId, input }),
    acceptSolution: (community: string, replyId: string, accepted: boolean) =>
      acceptSolution({ ctx, community, replyId, input: { accepted } }),
    giveKudos: (community: string, targetType: 'topic' | 'reply', targetId: string) =>
      giveKudos({ ctx, community, input: { targetType, targetId } }),
    searchCommunity: (community: string, query: Record<string, unknown>) =>
      searchCommunity({ ctx, community, query }),
    suggestSimilarTopics: (community: string, query: { title: string; board?: string }) =>
      suggestSimilarTopics({ ctx, community, query }),
    recordDeflectionView: (community: string, input: unknown) =>
      recordDeflectionView({ ctx, community, input }),
    getDeflectionStats: (community: string) => getDeflectionStats({ ctx, community }),
    updateTopic: (community: string, topicId: string, input: unknown) =>
      updateTopic({ ctx, community, topicId, input }),
    updateReply: (community: string, replyId: string, input: unknown) =>
      updateReply({ ctx, community, replyId, input }),
    deletePost: (community: string, type: 'topic' | 'reply', id: string) =>
      deletePost({ ctx, community, target: { type, id } }),
    mergeTopic: (community: string, topicId: string, targetTopicId: string) =>
      mergeTopic({ ctx, community, topicId, input: { targetTopicId } }),
    listRevisions: (community: string, type: 'topic' | 'reply', id: string) =>
      listRevisions({ ctx, community, target: { type, id } }),
    flagContent: (community: string, input: unknown) => flagContent({ ctx, community, input }),
    listModerationQueue: (community: string, query: unknown) =>
      listModerationQueue({ ctx, community, query }),
    moderateContent: (community: string, input: unknown) => moderateContent({ ctx, community, input }),
    getSupportSettings: (community: string) => getSupportSettings({ ctx, community }),
    updateSupportSettings: (community: string, input: unknown) =>
      updateSupportSettings({ ctx, community, input }),
    escalateTopic: (community: string, topicId: string) => escalateTopic({ ctx, community, topicId }),
    listCases: (community: string, query: Record<string, unknown> = {}) =>
      listCases({ ctx, community, query }),
    getCase: (community: string, caseId: string) => getCase({ ctx, community, caseId }),
    updateCase: (community: string, caseId: string, input: unknown) =>
      updateCase({ ctx, community, caseId, input }),
    postOfficialAnswer: (community: string, caseId: string, input: unknown) =>
      postOfficialAnswer({ ctx, community, caseId, input }),
    getSupportAgent: (community: string, memberId: string) => getSupportAgent({ ctx, community, memberId }),
    setSupportAgent: (community: string, memberId: string, agent: boolean) =>
      setSupportAgent({ ctx, community, memberId, input: { agent } }),
    listMyTopics: (community: string, query: Record<string, unknown> = {}) =>
      listMyTopics({ ctx, community, query }),
    listLiveSessions: (community: string) => listLiveSessions({ ctx, community }),
    createLiveSession: (community: string, input: unknown) => createLiveSession({ ctx, community, input }),
    getLiveSession: (community: string, sessionId: string) => getLiveSession({ ctx, community, sessionId }),
    updateLiveSession: (community: string, sessionId: string, input: unknown) =>
      updateLiveSession({ ctx, community, sessionId, input }),
    uploadLiveSessionMedia: (
      community: string,
      sessionId: string,
      media: { file: { data: Buffer; filename: string } | null; alt?: string; logo?: boolean },
    ) => uploadLiveMedia({ ctx, community, sessionId, ...media }),
    updateLiveSessionGuide: (community: string, sessionId: string, input: unknown) =>
      updateLiveSessionGuide({ ctx, community, sessionId, input }),
    inviteToLiveSession: (community: string, sessionId: string, input: unknown) =>
      inviteToLiveSession({ ctx, community, sessionId, input }),
    respondToLiveSessionInvitation: (community: string, sessionId: string, input: unknown) =>
      respondToLiveSessionInvitation({ ctx, community, sessionId, input }),
    getLiveSessionTranscript: (community: string, sessionId: string) =>
      getLiveSessionTranscript({ ctx, community, sessionId }),
    exportLiveSessionTranscript: (community: string, sessionId: string, format: string) =>
      exportLiveSessionTranscript({ ctx, community, sessionId, query: { format } }),
    followTopic: (community: string, topicId: string, following: boolean) =>
      followTopic({ ctx, community, topicId, input: { following } }),
    getTopicFollow: (community: string, topicId: string) => getTopicFollow({ ctx, community, topicId }),
    followBoard: (community: string, board: string, following: boolean) =>
      followBoard({ ctx, community, board, input: { following } }),
    getBoardFollow: (community: string, board: string) => getBoardFollow({ ctx, community, board }),
    listNotifications: (query: Record<string, unknown> = {}) => listNotifications({ ctx, query }),
    countUnreadNotifications: () => countUnreadNotifications({ ctx }),
    markNotificationsRead: (input: unknown) => markNotificationsRead({ ctx, input }),
    getEmailPreferences: () => getEmailPreferences({ ctx }),
    updateEmailPreferences: (input: unknown) => updateEmailPreferences({ ctx, input }),
    checkUnsubscribe: (token: string) => checkUnsubscribe({ ctx, input: { token } }),
    unsubscribe: (token: string) => unsubscribe({ ctx, input: { token } }),
    listPointRules: (community: string) => listPointRules({ ctx, community }),
    updatePointRules: (community: string, input: unknown) => updatePointRules({ ctx, community, input }),
    getPointsBalance: (community: string, query: Record<string, unknown> = {}) =>
      getPointsBalance({ ctx, community, query }),
    listPointsLedger: (community: string, query: Record<string, unknown> = {}) =>
      listPointsLedger({ ctx, community, query }),
    adjustPoints: (community: string, input: unknown) => adjustPoints({ ctx, community, input }),
    listPendingAwards: (community: string, query: Record<string, unknown> = {}) =>
      listPendingAwards({ ctx, community, query }),
    releasePendingAward: (community: string, awardId: string) =>
      releasePendingAward({ ctx, community, awardId }),
    denyPendingAward: (community: string, awardId: string, input: unknown) =>
      denyPendingAward({ ctx, community, awardId, input }),
    updatePointsPreferences: (community: string, input: unknown) =>
      updatePointsPreferences({ ctx, community, input }),
    listPointsFlags: (community: string, query: Record<string, unknown> = {}) =>
      listPointsFlags({ ctx, community, query }),
    resolvePointsFlag: (community: string, flagId: string) => resolvePointsFlag({ ctx, community, flagId }),
    listRanks: (community: string) => listRanks({ ctx, community }),
    updateRanks: (community: string, input: unknown) => updateRanks({ ctx, community, input }),
    listBadges: (community: string) => listBadges({ ctx, community }),
    createBadge: (community: string, input: unknown) => createBadge({ ctx, community, input }),
    awardBadge: (community: string, badgeId: string, input: unknown) =>
      awardBadge({ ctx, community, badgeId, input }),
    revokeBadge: (community: string, memberBadgeId: string, input: unknown) =>
      revokeBadge({ ctx, community, memberBadgeId, input }),
    listMemberBadges: (community: string, memberId: string) => listMemberBadges({ ctx, community, memberId }),
    getLeaderboard: (community: string, query: Record<string, unknown> = {}) =>
      getLeaderboard({ ctx, community, query }),
    listRewards: (community: string, query: Record<string, unknown> = {}) =>
      listRewards({ ctx, community, query }),
    getReward: (community: string, rewardId: string) => getReward({ ctx, community, rewardId }),
    createReward: (community: string, input: unknown) => createReward({ ctx, community, input }),
    updateReward: (community: string, rewardId: string, input: unknown) =>
      updateReward({ ctx, community, rewardId, input }),
    importVoucherCodes: (community: string, rewardId: string, input: unknown) =>
      importVoucherCodes({ ctx, community, rewardId, input }),
    redeemReward: (community: string, rewardId: string, input: unknown) =>
      redeemReward({ ctx, community, rewardId, input }),
    listRedemptions: (community: string, query: Record<string, unknown> = {}) =>
      listRedemptions({ ctx, community, query }),
    listMyRedemptions: (community: string, query: Record<string, unknown> = {}) =>
      listMyRedemptions({ ctx, community, query }),
    decideRedemption: (community: string, redemptionId: string, input: unknown) =>
      decideRedemption({ ctx, community, redemptionId, input }),
    fulfillRedemption: (community: string, redemptionId: string, input: unknown) =>
      fulfillRedemption({ ctx, community, redemptionId, input }),
    cancelRedemption: (community: string, redemptionId: string) =>
      cancelRedemption({ ctx, community, redemptionId, input: {} }),
    listProfileAttributes: (community: string) => listProfileAttributes({ ctx, community }),
    createProfileAttribute: (community: string, input: unknown) =>
      createProfileAttribute({ ctx, community, input }),
    getMemberProfile: (community: string, memberId: string) => getMemberProfile({ ctx, community, memberId }),
    updateMemberProfile: (community: string, memberId: string, input: unknown) =>
      updateMemberProfile({ ctx, community, memberId, input }),
    listSegments: (community: string) => listSegments({ ctx, community }),
    createSegment: (community: string, input: unknown) => createSegment({ ctx, community, input }),
    getSegmentSize: (community: string, segmentId: string) => getSegmentSize({ ctx, community, segmentId }),
    previewSegmentSize: (community: string, input: unknown) => previewSegmentSize({ ctx, community, input }),
    getReliability: (community: string, memberId: string) => getReliability({ ctx, community, memberId }),
    rateMember: (community: string, memberId: string, input: unknown) =>
      rateMember({ ctx, community, memberId, input }),
    listFlaggedMembers: (community: string) => listFlaggedMembers({ ctx, community }),
    listProbation: (community: string) => listProbation({ ctx, community }),
    decideProbation: (community: string, memberId: string, input: unknown) =>
      decideProbation({ ctx, community, memberId, input }),
    getPanelSettings: (community: string) => getPanelSettings({ ctx, community }),
    updatePanelSettings: (community: string, input: unknown) =>
      updatePanelSettings({ ctx, community, input }),
    getPanelHealth: (community: string) => getPanelHealth({ ctx, community }),
    listSurveys: (community: string, query: Record<string, unknown> = {}) =>
      listSurveys({ ctx, community, query }),
    createSurvey: (community: string, input: unknown) => createSurvey({ ctx, community, input }),
    getSurvey: (community: string, surveyId: string) => getSurvey({ ctx, community, surveyId }),
    updateSurvey: (community: string, surveyId: string, input: unknown) =>
      updateSurvey({ ctx, community, surveyId, input }),
    saveSurveyPage: (community: string, surveyId: string, input: unknown) =>
      saveSurveyPage({ ctx, community, surveyId, input }),
    submitSurveyResponse: (community: string, surveyId: string, input: unknown) =>
      submitSurveyResponse({ ctx, community, surveyId, input }),
    getSurveyResults: (community: string, surveyId: string, query: Record<string, unknown> = {}) =>
      getSurveyResults({ ctx, community, surveyId, query }),
    exportSurveyResponses: (community: string, surveyId: string) =>
      exportSurveyResponses({ ctx, community, surveyId }),
    uploadSurveyMedia: (
      community: string,
      upload: { file: { data: Buffer; filename: string }; alt?: string; logo?: boolean; expect?: 'image' },
    ) => uploadSurveyMedia({ ctx, community, ...upload }),
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
