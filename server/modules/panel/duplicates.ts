import type { Queryable } from '../../platform/db/database.ts';
import type { DuplicateDto } from './panel-quality.schemas.ts';
import { listIdentityFacts, listProfileTwins } from './panel-quality.repository.ts';
import { normalisedEmail, normalisedPhone } from './reliability-rules.ts';

type Reason = DuplicateDto['reasons'][number];

/**
 * The panel's likely duplicates, by member: the other members with the same normalised email or phone
 * number, or a near-identical profile, and why. Members with no duplicate are absent.
 */
export async function findDuplicates(
  db: Queryable,
  communityId: string,
): Promise<Map<string, DuplicateDto[]>> {
  const members = await listIdentityFacts(db, communityId);
  const pseudonyms = new Map(members.map((m) => [m.id, m.pseudonym]));
  const pairs = new Map<string, Map<string, Set<Reason>>>();
  const link = (a: string, b: string, reason: Reason) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const others = pairs.get(x) ?? new Map<string, Set<Reason>>();
      pairs.set(x, others.set(y, (others.get(y) ?? new Set<Reason>()).add(reason)));
    }
  };
  const byKey = (reason: Reason, keyOf: (m: (typeof members)[number]) => string | null) => {
    const groups = new Map<string, string[]>();
    for (const m of members) {
      const key = keyOf(m);
      if (key !== null) groups.set(key, [...(groups.get(key) ?? []), m.id]);
    }
    for (const ids of groups.values())
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) link(ids[i], ids[j], reason);
  };
  byKey('email', (m) => normalisedEmail(m.email));
  byKey('phone', (m) => normalisedPhone(m.phone));
  for (const { a, b } of await listProfileTwins(db, communityId)) link(a, b, 'profile');
  const out = new Map<string, DuplicateDto[]>();
  for (const [memberId, others] of pairs) {
    out.set(
      memberId,
      [...others].map(([id, reasons]) => ({
        memberId: id,
        pseudonym: pseudonyms.get(id) ?? '',
        reasons: (['email', 'phone', 'profile'] as const).filter((r) => reasons.has(r)),
      })),
    );
  }
  return out;
}
