import type { PanelSettings } from './reliability.repository.ts';
import type { MemberRatingDto, PanelSettingsDto } from './panel-quality.schemas.ts';

/** Presents a rating: an allow-list of fields, the rater by pseudonym. */
export function presentRating(row: {
  id: string;
  rating: number;
  note: string;
  created_at: Date;
  rater: string | null;
}): MemberRatingDto {
  return {
    id: row.id,
    rating: row.rating,
    note: row.note,
    ratedBy: row.rater,
    createdAt: row.created_at.toISOString(),
  };
}

/** Presents a community's panel settings. */
export function presentPanelSettings(settings: PanelSettings): PanelSettingsDto {
  return {
    probationActivities: settings.probation_activities,
    probationDays: settings.probation_days,
    reviewThreshold: settings.review_threshold,
    speedingPercent: settings.speeding_percent,
    dormantDays: settings.dormant_days,
  };
}
