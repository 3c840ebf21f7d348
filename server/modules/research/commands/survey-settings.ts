import type { Queryable } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { findSegment } from '../../panel/panel.repository.ts';
import { checkDefinition, type SurveyDefinitionInput } from '../survey-definition.ts';
import { checkSurveyMedia } from './check-survey-media.ts';

/** The settings of a survey as they will be stored, checked together. */
export interface SurveySettings {
  kind: 'survey' | 'poll';
  definition: SurveyDefinitionInput;
  opensAt: string | null;
  closesAt: string | null;
  segmentId: string | null;
  resultsVisibility: 'staff' | 'after_vote' | 'after_close';
}

/**
 * Checks a survey's settings together: its definition (`checkDefinition`), a poll's shape (one page with
 * one single- or multiple-choice question), closing after opening, results shown to voters only on polls,
 * a target segment of the same community, and stimulus files of the same community that fit their
 * question (`checkSurveyMedia`).
 * @throws AppError(validation_failed)
 */
export async function checkSurveySettings(
  db: Queryable,
  communityId: string,
  settings: SurveySettings,
): Promise<void> {
  checkDefinition(settings.definition);
  await checkSurveyMedia(db, communityId, settings.definition);
  if (settings.kind === 'poll') {
    const pages = settings.definition.pages;
    const only = pages[0]?.questions[0];
    if (pages.length !== 1 || pages[0].questions.length !== 1 || !['single', 'multiple'].includes(only.type))
      throw AppError.field('/definition', 'research.validation.pollShape');
  } else if (settings.resultsVisibility !== 'staff') {
    throw AppError.field('/resultsVisibility', 'research.validation.pollOnly');
  }
  if (settings.opensAt && settings.closesAt && Date.parse(settings.closesAt) <= Date.parse(settings.opensAt))
    throw AppError.field('/closesAt', 'research.validation.closesBeforeOpens');
  if (settings.segmentId && !(await findSegment(db, communityId, settings.segmentId)))
    throw AppError.field('/segmentId', 'validation.invalidChoice');
}
