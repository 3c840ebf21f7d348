/**
 * The actions that earn points and their defaults, from ANCHORS.md: Khoros's weights (accepted solution
 * 15, kudos received 4, reply 2, new thread 1) where it has one, inSided-like amounts elsewhere. A
 * community changes them in `point_rules`; an action without a row uses its default here.
 */
export const POINT_ACTIONS = [
  'reply.posted',
  'topic.posted',
  'solution.accepted',
  'kudos.received',
  'question.answered_fast',
  'idea.shipped',
  'review.published',
  'survey.completed',
  'session.attended',
  'profile.completed',
] as const;

/** One action that earns points. */
export type PointAction = (typeof POINT_ACTIONS)[number];

/** A rule as applied: points per occurrence, a daily cap in points per member (null: none), on or off. */
export interface PointRule {
  action: PointAction;
  points: number;
  dailyCap: number | null;
  enabled: boolean;
  /** True for the actions whose source (a survey, a session) may declare its own amount. */
  declaredAmount: boolean;
}

/** The defaults of every action, in display order. */
export const DEFAULT_RULES: Readonly<Record<PointAction, Omit<PointRule, 'action'>>> = {
  'reply.posted': { points: 2, dailyCap: 40, enabled: true, declaredAmount: false },
  'topic.posted': { points: 1, dailyCap: 10, enabled: true, declaredAmount: false },
  'solution.accepted': { points: 15, dailyCap: 150, enabled: true, declaredAmount: false },
  'kudos.received': { points: 4, dailyCap: 100, enabled: true, declaredAmount: false },
  'question.answered_fast': { points: 3, dailyCap: 30, enabled: true, declaredAmount: false },
  'idea.shipped': { points: 10, dailyCap: null, enabled: true, declaredAmount: false },
  'review.published': { points: 5, dailyCap: 25, enabled: true, declaredAmount: false },
  'survey.completed': { points: 10, dailyCap: null, enabled: true, declaredAmount: true },
  'session.attended': { points: 20, dailyCap: null, enabled: true, declaredAmount: true },
  'profile.completed': { points: 5, dailyCap: null, enabled: true, declaredAmount: false },
};

/** True for a known action name. */
export function isPointAction(value: string): value is PointAction {
  return (POINT_ACTIONS as readonly string[]).includes(value);
}

/** The community's rules: its stored changes over the defaults, every action once, in display order. */
export function effectiveRules(
  stored: readonly { action: string; points: number; daily_cap: number | null; enabled: boolean }[],
): PointRule[] {
  const byAction = new Map(stored.map((r) => [r.action, r]));
  return POINT_ACTIONS.map((action) => {
    const base = DEFAULT_RULES[action];
    const row = byAction.get(action);
    return row
      ? {
          action,
          points: row.points,
          dailyCap: row.daily_cap,
          enabled: row.enabled,
          declaredAmount: base.declaredAmount,
        }
      : { action, ...base };
  });
}

/** A community's points settings (defaults until changed). */
export interface RewardsSettings {
  /** Hours an award stays pending before it is released (0: available at once). */
  reviewHours: number;
  /** Points one member may earn per day from the same other member (kudos between two members). */
  pairDailyCap: number;
  /** More points than this for one member within an hour flags them for staff. */
  burstPoints: number;
}

/** The default points settings. */
export const DEFAULT_REWARDS_SETTINGS: RewardsSettings = {
  reviewHours: 72,
  pairDailyCap: 20,
  burstPoints: 200,
};
