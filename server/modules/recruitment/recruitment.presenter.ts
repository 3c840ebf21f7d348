import type { ApplicationRow, CampaignRow } from '../../platform/db/schema-recruitment.ts';
import type { PanelStage } from '../../platform/db/schema.ts';
import type { SurveyDefinitionInput } from '../research/survey-definition.ts';
import { stageOf } from './recruitment-rules.ts';
import type {
  ApplicationDto,
  AttributeMappingInput,
  CampaignDto,
  OwnApplicationDto,
  QuotaInput,
  ScreeningRuleInput,
} from './recruitment.schemas.ts';

/** A campaign for staff, with how full each quota cell is. */
export function presentCampaign(row: CampaignRow, quotaFill: CampaignDto['quotaFill']): CampaignDto {
  return {
    id: row.id,
    name: row.name,
    token: row.token,
    screener: row.screener as SurveyDefinitionInput,
    rules: row.rules as ScreeningRuleInput[],
    quotas: row.quotas as QuotaInput[],
    attributeMap: row.attribute_map as AttributeMappingInput[],
    target: row.target,
    invitationDays: row.invitation_days,
    open: row.open,
    quotaFill,
    createdAt: row.created_at.toISOString(),
  };
}

/** An application for its applicant: the stage in plain terms and what is done. */
export function presentOwnApplication(
  row: ApplicationRow,
  community: { name: string; slug: string },
  panelStage: PanelStage | null,
  link: string,
): OwnApplicationDto {
  return {
    id: row.id,
    link,
    communityName: community.name,
    communitySlug: community.slug,
    stage: stageOf({ ...row, panel_stage: panelStage }),
    emailConfirmed: !!row.email_confirmed_at,
    phoneValidated: !!row.phone_validated_at,
    phoneCodeSent: !!row.phone_code_hash,
    waitlistPosition: row.status === 'waitlisted' ? row.waitlist_position : null,
    offerExpiresAt: row.status === 'offered' ? (row.offer_expires_at?.toISOString() ?? null) : null,
    appliedAt: row.created_at.toISOString(),
  };
}

/** An application for staff (who recruit: they see the applicant's contact details). */
export function presentApplication(
  row: ApplicationRow & { name: string; panel_stage: PanelStage | null },
): ApplicationDto {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    pseudonym: row.pseudonym,
    stage: stageOf(row),
    answers: row.answers as Record<string, unknown>,
    emailConfirmedAt: row.email_confirmed_at?.toISOString() ?? null,
    phoneValidatedAt: row.phone_validated_at?.toISOString() ?? null,
    phoneMethod: row.phone_method,
    phoneNote: row.phone_note,
    waitlistPosition: row.status === 'waitlisted' ? row.waitlist_position : null,
    memberId: row.member_id,
    decisionNote: row.decision_note,
    appliedAt: row.created_at.toISOString(),
  };
}
