import { type Locale, translate } from '../../../../common/i18n/index.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { validate } from '../../../platform/http/validation.ts';
import { transact } from '../../../platform/kernel.ts';
import { isEmail, parseCsv } from '../contacts-csv.ts';
import { insertInvitation, knownContacts } from '../invitations.repository.ts';
import { hashToken, newToken, normalizePhone } from '../recruitment-rules.ts';
import { RecruitmentEvents } from '../recruitment.events.ts';
import { recruitmentPolicy } from '../recruitment.policy.ts';
import { ImportContactsBody, type ImportResultDto } from '../recruitment.schemas.ts';
import { loadCampaign, loadRecruitment } from './load-recruitment.ts';

/** The most data rows one batch may hold. */
export const MAX_BATCH_ROWS = 500;

interface Contact {
  line: number;
  email: string;
  phone: string | null;
  name: string | null;
  locale: Locale;
}

/**
 * Invites customers from a CSV batch (staff) to apply through a campaign: each row is checked (an email,
 * an optional phone), then de-duplicated against the batch, the community's members, earlier applicants
 * and earlier invitations by email and phone. Good rows are invited (a single-use link expiring after the
 * campaign's `invitationDays`, emailed in the row's language) and bad ones reported with their line; a
 * preview reports the same without inviting anyone. Emits `campaign.contacts_imported`.
 * @throws AppError(validation_failed: no email column, too many rows | not_found | unauthenticated |
 *   forbidden)
 */
export async function importCampaignContacts({
  ctx,
  community: key,
  campaignId,
  input,
}: {
  ctx: Ctx;
  community: string;
  campaignId: string;
  input: unknown;
}): Promise<ImportResultDto> {
  const body = validate(ImportContactsBody, input);
  const loaded = await loadRecruitment(ctx, key);
  authorize(recruitmentPolicy, 'manageRecruitment', ctx.actor, loaded);
  const { community } = loaded;
  const campaign = await loadCampaign(ctx.kernel.db, community.id, campaignId);
  const [header = [], ...data] = parseCsv(body.csv);
  if (data.length > MAX_BATCH_ROWS)
    throw AppError.field('/csv', 'recruitment.validation.tooManyRows', { limit: MAX_BATCH_ROWS });
  const columns = header.map((h) => h.trim().toLowerCase());
  const column = (name: string | undefined, path: string) => {
    if (name === undefined) return -1;
    const index = columns.indexOf(name.trim().toLowerCase());
    if (index < 0) throw AppError.field(path, 'recruitment.validation.column', { column: name });
    return index;
  };
  const at = {
    email: column(body.mapping.email, '/mapping/email'),
    phone: column(body.mapping.phone, '/mapping/phone'),
    name: column(body.mapping.name, '/mapping/name'),
    locale: column(body.mapping.locale, '/mapping/locale'),
  };
  const first = body.firstLine ?? 2;
  const rows: ImportResultDto['rows'] = [];
  const candidates: Contact[] = [];
  const problem = (key: Parameters<typeof translate>[1]) => translate(ctx.locale, key);
  data.forEach((cells, i) => {
    const line = first + i;
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const email = cell(at.email).toLowerCase();
    if (!isEmail(email)) {
      rows.push({ line, email, outcome: 'invalid', problem: problem('recruitment.import.badEmail') });
      return;
    }
    const rawPhone = cell(at.phone);
    const phone = rawPhone ? normalizePhone(rawPhone) : null;
    if (rawPhone && !phone) {
      rows.push({ line, email, outcome: 'invalid', problem: problem('recruitment.import.badPhone') });
      return;
    }
    const language = cell(at.locale).slice(0, 2).toLowerCase();
    const locale: Locale = language === 'en' || language === 'fr' ? language : (body.defaultLocale ?? 'fr');
    candidates.push({ line, email, phone, name: cell(at.name) || null, locale });
  });
  const known = await knownContacts(
    ctx.kernel.db,
    community.id,
    candidates.map((c) => c.email),
    candidates.flatMap((c) => (c.phone ? [c.phone] : [])),
  );
  const fresh: Contact[] = [];
  for (const c of candidates) {
    if (known.emails.has(c.email) || (c.phone && known.phones.has(c.phone))) {
      rows.push({
        line: c.line,
        email: c.email,
        outcome: 'duplicate',
        problem: problem('recruitment.import.duplicate'),
      });
      continue;
    }
    known.emails.add(c.email);
    if (c.phone) known.phones.add(c.phone);
    fresh.push(c);
  }
  const raced = new Set<number>();
  let invited = fresh.length;
  if (!body.preview && fresh.length > 0) {
    invited = await transact(ctx.kernel, async (trx, emit) => {
      const expires = new Date(Date.now() + campaign.invitation_days * 86_400_000);
      let count = 0;
      for (const c of fresh) {
        const token = newToken();
        const stored = await insertInvitation(trx, {
          id: newId(),
          community_id: community.id,
          campaign_id: campaign.id,
          email: c.email,
          phone: c.phone,
          name: c.name,
          locale: c.locale,
          token_hash: hashToken(token),
          expires_at: expires,
        });
        if (!stored) {
          // Invited by a concurrent import between the check and the insert.
          raced.add(c.line);
          continue;
        }
        count++;
        await ctx.kernel.mailer.queue(
          {
            to: c.email,
            kind: 'recruitment.invitation',
            locale: c.locale,
            subjectKey: 'recruitment.mail.invitation.subject',
            bodyKey: 'recruitment.mail.invitation.body',
            params: {
              community: community.name,
              url: `${ctx.kernel.config.publicUrl}/recruit/${campaign.token}?invitation=${token}`,
              days: campaign.invitation_days,
            },
          },
          trx,
        );
      }
      await emit({
        type: RecruitmentEvents.contactsImported,
        communityId: community.id,
        actorUserId: ctx.actor!.userId,
        payload: { communityId: community.id, campaignId: campaign.id, invited: count },
      });
      return count;
    });
  }
  for (const c of fresh) {
    const lost = raced.has(c.line);
    rows.push({
      line: c.line,
      email: c.email,
      outcome: lost ? 'duplicate' : 'invited',
      problem: lost ? problem('recruitment.import.duplicate') : null,
    });
  }
  rows.sort((a, b) => a.line - b.line);
  return {
    preview: !!body.preview,
    invited,
    duplicates: rows.filter((r) => r.outcome === 'duplicate').length,
    invalid: rows.filter((r) => r.outcome === 'invalid').length,
    rows,
  };
}
