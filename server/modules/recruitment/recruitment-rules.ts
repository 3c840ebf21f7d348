import { createHash, randomBytes, randomInt } from 'node:crypto';
import { conditionHolds } from '../../../common/research/answer-conditions.ts';
import type { ApplicationStatus } from '../../platform/db/schema-recruitment.ts';
import type { ProfileAttributeRow } from '../../platform/db/schema-research.ts';
import type { PanelStage } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { optionsOf } from '../panel/panel-rules.ts';
import { questionsById, type SurveyDefinitionInput } from '../research/survey-definition.ts';
import type { Answers } from '../research/survey-engine.ts';
import type { AttributeMappingInput, QuotaInput, ScreeningRuleInput, Stage } from './recruitment.schemas.ts';

/** Hashes a token or code for storage and lookup (tokens are sent once, never stored in clear). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token.trim()).digest('hex');
}

/** A new random URL-safe token (128 bits). */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** A new six-digit SMS code. */
export function newPhoneCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Normalises a phone number to E.164: separators dropped, `00` read as `+`, a French national number
 * (`0` and nine digits) given `+33`. Returns null when it is not a plausible number.
 */
export function normalizePhone(input: string): string | null {
  let s = input.replace(/[\s.()-]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (/^0[1-9]\d{8}$/.test(s)) s = `+33${s.slice(1)}`;
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : null;
}

/** The first screening rule that holds decides; with none holding the applicant qualifies. */
export function screen(rules: ScreeningRuleInput[], answers: Answers): 'qualify' | 'disqualify' {
  for (const rule of rules) if (conditionHolds(rule.if, answers)) return rule.then;
  return 'qualify';
}

/** The key of a quota cell: a question and one of its choices. */
export const cellKey = (q: { question: string; option: string }) => `${q.question}:${q.option}`;

/** The quota cells an applicant's answers fall in (a choice given, alone or among several). */
export function cellsOf(quotas: QuotaInput[], answers: Answers): string[] {
  return quotas
    .filter((q) => {
      const answer = answers[q.question];
      return answer === q.option || (Array.isArray(answer) && answer.includes(q.option));
    })
    .map(cellKey);
}

/** How many applicants a quota cell admits: its count, or its share of the target (rounded down). */
export function quotaLimit(quota: QuotaInput, target: number): number {
  return quota.max ?? Math.floor((target * (quota.share ?? 100)) / 100);
}

/** The statuses that fill a quota cell (screened in, not turned away). */
export const FILLING: ApplicationStatus[] = ['qualified', 'waitlisted', 'offered', 'admitted'];

/** The statuses past the admission step (admitted, or holding a place on the waitlist or a seat offer). */
export const PAST_ADMISSION: ApplicationStatus[] = ['waitlisted', 'offered', 'admitted'];

/** Whether some quota cell, counted (`counts`: cell → applications in it), is already at its limit. */
export function anyCellFull(quotas: QuotaInput[], counts: Map<string, number>, target: number): boolean {
  return quotas.some((q) => counts.has(cellKey(q)) && counts.get(cellKey(q))! >= quotaLimit(q, target));
}

/**
 * Checks a campaign's rules, quotas and mapping against its screener and the community's attributes:
 * rules and quotas name choice questions and their choices, a quota has a count or a share, a mapped
 * question fits its attribute's kind (a single choice into a single choice attribute whose values include
 * the question's choices, and so on).
 * @throws AppError(validation_failed at /rules/N, /quotas/N or /attributeMap/N)
 */
export function checkCampaign(
  screener: SurveyDefinitionInput,
  parts: { rules: ScreeningRuleInput[]; quotas: QuotaInput[]; attributeMap: AttributeMappingInput[] },
  attributes: Map<string, ProfileAttributeRow>,
): void {
  const questions = questionsById(screener);
  parts.rules.forEach((rule, i) => {
    if (!questions.has(rule.if.question))
      throw AppError.field(`/rules/${i}/if/question`, 'recruitment.validation.unknownQuestion');
    if (rule.if.op !== 'answered' && rule.if.value === undefined)
      throw AppError.field(`/rules/${i}/if/value`, 'validation.required');
  });
  parts.quotas.forEach((quota, i) => {
    const q = questions.get(quota.question);
    if (!q || !['single', 'multiple'].includes(q.type))
      throw AppError.field(`/quotas/${i}/question`, 'recruitment.validation.choiceQuestion');
    if (!(q.options ?? []).some((o) => o.id === quota.option))
      throw AppError.field(`/quotas/${i}/option`, 'validation.invalidChoice');
    if ((quota.max === undefined) === (quota.share === undefined))
      throw AppError.field(`/quotas/${i}`, 'recruitment.validation.maxOrShare');
  });
  const kinds: Record<string, string> = {
    single: 'single_choice',
    multiple: 'multiple_choice',
    number: 'number',
    date: 'date',
    text: 'text',
  };
  parts.attributeMap.forEach((m, i) => {
    const q = questions.get(m.question);
    if (!q) throw AppError.field(`/attributeMap/${i}/question`, 'recruitment.validation.unknownQuestion');
    const attribute = attributes.get(m.attributeId);
    if (!attribute) throw AppError.field(`/attributeMap/${i}/attributeId`, 'validation.invalidChoice');
    if (kinds[q.type] !== attribute.kind)
      throw AppError.field(`/attributeMap/${i}/attributeId`, 'recruitment.validation.attributeKind');
    const values = new Set(optionsOf(attribute).map((o) => o.value));
    if ((q.options ?? []).some((o) => attribute.kind.endsWith('_choice') && !values.has(o.id)))
      throw AppError.field(`/attributeMap/${i}/attributeId`, 'recruitment.validation.attributeChoices');
  });
}

/** The lifecycle stage of an application, from its status, its checks and its membership's stage. */
export function stageOf(row: {
  status: ApplicationStatus;
  email_confirmed_at: Date | null;
  phone_validated_at: Date | null;
  panel_stage: PanelStage | null;
}): Stage {
  if (row.status === 'admitted') return row.panel_stage ?? 'removed';
  if (row.status !== 'qualified') return row.status;
  if (row.phone_validated_at) return 'phone_validated';
  if (row.email_confirmed_at) return 'email_confirmed';
  return 'qualified';
}
