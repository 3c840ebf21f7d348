import { newId } from '../server/platform/db/ids.ts';
import type { SegmentRow, SurveyRow } from '../server/platform/db/schema-research.ts';
import type { CommunityRole } from '../server/platform/db/schema.ts';
import type { SurveyDefinitionInput } from '../server/modules/research/survey-definition.ts';
import { addMember, freshCommunity, plainUser, testApp, type TestUser } from './helpers.ts';

/** A test user with their membership id. */
export interface Person {
  user: TestUser;
  memberId: string;
}

async function person(communityId: string, role: CommunityRole): Promise<Person> {
  const user = await plainUser();
  return { user, memberId: await addMember(communityId, user.userId, role) };
}

/** A private community with an admin, a moderator, an observer, two members and a foreign community. */
export async function researchCommunity() {
  const community = await freshCommunity({ visibility: 'private' });
  const elsewhere = await freshCommunity({ visibility: 'private' });
  return {
    community,
    elsewhere,
    admin: await person(community.id, 'admin'),
    moderator: await person(community.id, 'moderator'),
    observer: await person(community.id, 'observer'),
    member: await person(community.id, 'member'),
    other: await person(community.id, 'member'),
    outsider: { user: await plainUser(), memberId: '' },
  };
}

/** A two-page survey: a required single choice, an NPS shown to owners only, skip to the end on "no". */
export const TWO_PAGE_SURVEY: SurveyDefinitionInput = {
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'owns',
          type: 'single',
          title: 'Do you own one of our bikes?',
          required: true,
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'no', label: 'No' },
          ],
        },
      ],
      skip: [{ if: { question: 'owns', op: 'equals', value: 'no' }, goTo: 'end' }],
    },
    {
      id: 'p2',
      questions: [
        { id: 'nps', type: 'nps', title: 'Would you recommend it?', required: true },
        { id: 'why', type: 'text', title: 'Why?', required: false },
      ],
    },
  ],
};

/** A one-question poll definition. */
export const POLL: SurveyDefinitionInput = {
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'color',
          type: 'single',
          title: 'Which colour next?',
          required: true,
          options: [
            { id: 'red', label: 'Red' },
            { id: 'blue', label: 'Blue' },
          ],
        },
      ],
    },
  ],
};

/** Inserts a survey directly (published and open unless told). */
export async function seedSurvey(
  communityId: string,
  values: Partial<{
    kind: 'survey' | 'poll';
    definition: SurveyDefinitionInput;
    published: boolean;
    closes_at: Date | null;
    opens_at: Date | null;
    segment_id: string | null;
    anonymous: boolean;
    points: number;
    results_visibility: 'staff' | 'after_vote' | 'after_close';
  }> = {},
): Promise<SurveyRow> {
  const { kernel } = await testApp();
  const { definition, ...rest } = values;
  return kernel.db
    .insertInto('surveys')
    .values({
      id: newId(),
      community_id: communityId,
      kind: 'survey',
      title: 'Bike survey',
      definition: JSON.stringify(definition ?? TWO_PAGE_SURVEY),
      published: true,
      ...rest,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a segment directly. */
export async function seedSegment(communityId: string, filter: object, name = `S ${newId().slice(-6)}`) {
  const { kernel } = await testApp();
  return kernel.db
    .insertInto('segments')
    .values({ id: newId(), community_id: communityId, name, filter: JSON.stringify(filter) })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<SegmentRow>;
}

/** Inserts a profile attribute directly. */
export async function seedAttribute(
  communityId: string,
  values: {
    key: string;
    kind: 'text' | 'number' | 'date' | 'single_choice' | 'multiple_choice';
    visibility: 'member_editable' | 'staff_only' | 'observer_visible';
    options?: { value: string; label: string }[];
  },
) {
  const { kernel } = await testApp();
  return kernel.db
    .insertInto('profile_attributes')
    .values({
      id: newId(),
      community_id: communityId,
      key: values.key,
      label: values.key,
      kind: values.kind,
      visibility: values.visibility,
      options: JSON.stringify(values.options ?? []),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets a member's value of an attribute directly. */
export async function seedValue(communityId: string, attributeId: string, memberId: string, value: unknown) {
  const { kernel } = await testApp();
  await kernel.db
    .insertInto('profile_values')
    .values({
      community_id: communityId,
      attribute_id: attributeId,
      member_id: memberId,
      value: JSON.stringify(value),
    })
    .execute();
}

/** A member's stored response to a survey. */
export async function responseOf(surveyId: string, memberId: string) {
  const { kernel } = await testApp();
  return kernel.db
    .selectFrom('survey_responses')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** A staff-only `age` attribute, these members aged 50, and the segment "age ≥ 40" (only them). */
export async function olderSegment(communityId: string, memberIds: string[]) {
  const age = await seedAttribute(communityId, { key: 'age', kind: 'number', visibility: 'staff_only' });
  for (const memberId of memberIds) await seedValue(communityId, age.id, memberId, 50);
  return seedSegment(communityId, {
    match: 'all',
    conditions: [{ type: 'attribute', attributeId: age.id, op: 'gte', value: 40 }],
  });
}
