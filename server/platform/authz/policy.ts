import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';

/** A rule: may this actor do this to this resource? */
export type Rule<R> = (actor: Actor | null, resource: R) => boolean;

/** An area's policy: named abilities, each a rule over one resource type. */
export type Policy<R, K extends string = string> = Record<K, Rule<R>>;

/**
 * Declares an area's policy over resource type `R`: `definePolicy<R>()({ view: …, update: … })`. Keeping
 * the abilities in one object per area makes them listable (sent to the web) and testable as a table.
 */
export function definePolicy<R>() {
  return <K extends string>(rules: Policy<R, K>): Policy<R, K> => rules;
}

/**
 * Checks one ability and throws when it is refused: `unauthenticated` for an anonymous actor,
 * `forbidden` otherwise.
 */
export function authorize<R, K extends string>(
  policy: Policy<R, K>,
  ability: K,
  actor: Actor | null,
  resource: R,
): void {
  if (policy[ability](actor, resource)) return;
  throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

/** Evaluates every ability of a policy for the actor: what the web may show them. */
export function abilitiesOf<R, K extends string>(
  policy: Policy<R, K>,
  actor: Actor | null,
  resource: R,
): Record<K, boolean> {
  const out = {} as Record<K, boolean>;
  for (const key of Object.keys(policy) as K[]) out[key] = policy[key](actor, resource);
  return out;
}
