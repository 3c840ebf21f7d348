import type { Ctx } from '../platform/context.ts';
import { copyLiveCodes } from '../modules/live/commands/copy-live-codes.ts';
import { createLiveCode } from '../modules/live/commands/create-live-code.ts';
import { deleteLiveCode } from '../modules/live/commands/delete-live-code.ts';
import { createLiveProbe } from '../modules/live/commands/create-live-probe.ts';
import { deleteLiveProbe } from '../modules/live/commands/delete-live-probe.ts';
import { importLiveSessionGuide } from '../modules/live/commands/import-live-session-guide.ts';
import { listLiveCodes } from '../modules/live/commands/list-live-codes.ts';
import { listLiveProbes } from '../modules/live/commands/list-live-probes.ts';
import { tagLiveExcerpt } from '../modules/live/commands/tag-live-excerpt.ts';
import { untagLiveExcerpt } from '../modules/live/commands/untag-live-excerpt.ts';
import { updateLiveCode } from '../modules/live/commands/update-live-code.ts';
import { updateLiveProbe } from '../modules/live/commands/update-live-probe.ts';

/** The live sessions' guide tools and coding for the web app, bound to the request's context. */
export function liveToolsWebApi(ctx: Ctx) {
  return {
    listLiveProbes: (community: string, query: Record<string, unknown> = {}) =>
      listLiveProbes({ ctx, community, query }),
    createLiveProbe: (community: string, input: unknown) => createLiveProbe({ ctx, community, input }),
    updateLiveProbe: (community: string, probeId: string, input: unknown) =>
      updateLiveProbe({ ctx, community, probeId, input }),
    deleteLiveProbe: (community: string, probeId: string) => deleteLiveProbe({ ctx, community, probeId }),
    importLiveSessionGuide: (community: string, sessionId: string, input: unknown) =>
      importLiveSessionGuide({ ctx, community, sessionId, input }),
    listLiveCodes: (community: string, sessionId: string) => listLiveCodes({ ctx, community, sessionId }),
    createLiveCode: (community: string, sessionId: string, input: unknown) =>
      createLiveCode({ ctx, community, sessionId, input }),
    updateLiveCode: (community: string, sessionId: string, codeId: string, input: unknown) =>
      updateLiveCode({ ctx, community, sessionId, codeId, input }),
    deleteLiveCode: (community: string, sessionId: string, codeId: string, untag: boolean) =>
      deleteLiveCode({ ctx, community, sessionId, codeId, query: { untag } }),
    copyLiveCodes: (community: string, sessionId: string, fromSessionId: string) =>
      copyLiveCodes({ ctx, community, sessionId, input: { fromSessionId } }),
    tagLiveExcerpt: (community: string, sessionId: string, input: unknown) =>
      tagLiveExcerpt({ ctx, community, sessionId, input }),
    untagLiveExcerpt: (community: string, sessionId: string, excerptId: string) =>
      untagLiveExcerpt({ ctx, community, sessionId, excerptId }),
  };
}
