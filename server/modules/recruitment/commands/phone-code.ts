import type { Transaction } from 'kysely';
import { isLocale } from '../../../../common/i18n/index.ts';
import type { ApplicationRow } from '../../../platform/db/schema-recruitment.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Kernel } from '../../../platform/kernel.ts';
import { hashToken, newPhoneCode } from '../recruitment-rules.ts';
import { updateApplication } from '../recruitment.repository.ts';

/** How long an SMS code may be entered. */
export const CODE_MINUTES = 10;
/** Wrong entries allowed per code; then a new code is needed. */
export const MAX_CODE_ATTEMPTS = 5;

/**
 * Sends a fresh six-digit code to the applicant's phone through the SMS provider (captured in the SMS
 * outbox in embedded mode) and keeps its hash, its expiry and a reset attempt count.
 */
export async function sendCode(kernel: Kernel, trx: Transaction<DB>, app: ApplicationRow, community: string) {
  const code = newPhoneCode();
  await kernel.sms.send(
    {
      to: app.phone,
      kind: 'recruitment.phone_code',
      locale: isLocale(app.locale) ? app.locale : 'fr',
      bodyKey: 'recruitment.sms.code',
      params: { code, community, minutes: CODE_MINUTES },
    },
    trx,
  );
  return updateApplication(trx, app.id, {
    phone_code_hash: hashToken(`${app.id}:${code}`),
    phone_code_expires_at: new Date(Date.now() + CODE_MINUTES * 60_000),
    phone_attempts: 0,
  });
}

/** Whether a code entered matches the one sent for this application. */
export function codeMatches(app: ApplicationRow, code: string): boolean {
  return app.phone_code_hash === hashToken(`${app.id}:${code}`);
}
