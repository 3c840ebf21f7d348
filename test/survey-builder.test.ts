import { describe, expect, it } from 'vitest';
import { CHECKED_SURVEY } from './panel-fixtures.ts';
import { TWO_PAGE_SURVEY } from './research-fixtures.ts';
import type { SurveyDefinitionInput } from '../server/modules/research/survey-definition.ts';
import {
  builderField,
  builderMayEdit,
  definitionFromForm,
  valuesFromDefinition,
} from '../web/lib/survey-builder.ts';
import { stimulusDefinition } from './stimulus-fixtures.ts';

const PICTURES = [
  '01900000-0000-7000-8000-0000000000a1',
  '01900000-0000-7000-8000-0000000000a2',
  '01900000-0000-7000-8000-0000000000a3',
];

function roundTrip(definition: SurveyDefinitionInput) {
  const { values, count } = valuesFromDefinition(definition);
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return definitionFromForm(form, count).definition;
}

describe('the survey builder form and existing definitions', () => {
  it('fills the form from a definition and reads the same survey back, ids, traps and repeats included', () => {
    const once = roundTrip(CHECKED_SURVEY);
    const ids = (d: SurveyDefinitionInput) => d.pages.map((p) => p.questions.map((q) => q.id));
    expect(ids(once)).toEqual(ids(CHECKED_SURVEY));
    const [often, attention, grid] = once.pages[0].questions;
    expect(often.options).toEqual(CHECKED_SURVEY.pages[0].questions[0].options);
    expect(attention.trap).toEqual(CHECKED_SURVEY.pages[0].questions[1].trap);
    expect(grid.rows?.map((r) => r.label)).toEqual(['Seat', 'Bell', 'Brakes', 'Tyres']);
    expect(once.pages[1].questions[0].repeatOf).toBe(CHECKED_SURVEY.pages[1].questions[0].repeatOf);
    expect(roundTrip(once)).toEqual(once);
  });

  it('keeps display and skip logic with choices named by their labels', () => {
    const once = roundTrip(TWO_PAGE_SURVEY);
    expect(once.pages[0].skip).toEqual([
      { if: { question: 'owns', op: 'equals', value: 'no' }, goTo: 'end' },
    ]);
    expect(roundTrip(once)).toEqual(once);
  });

  it('names new questions and choices by their place, beside the ids kept', () => {
    const { values } = valuesFromDefinition(TWO_PAGE_SURVEY);
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    form.set('q0.options', 'Yes\nNo\nNot yet');
    form.set('q3.title', 'Where do you ride?');
    form.set('q3.type', 'text');
    const { definition } = definitionFromForm(form, 4);
    expect(definition.pages[0].questions[0].options?.map((o) => o.id)).toEqual(['yes', 'no', 'o3']);
    expect(definition.pages[0].questions.at(-1)?.id).toBe('q4');
  });

  it('leaves choice pictures given as member uploads (imageId) and stimuli on other types to the API', () => {
    const withUploads = structuredClone(TWO_PAGE_SURVEY);
    withUploads.pages[0].questions[0].type = 'image_choice';
    for (const o of withUploads.pages[0].questions[0].options ?? []) o.imageId = PICTURES[0];
    expect(builderMayEdit(withUploads)).toBe(false);
    const dated = structuredClone(TWO_PAGE_SURVEY);
    dated.pages[0].questions[0].type = 'date';
    dated.pages[0].questions[0].stimulus = { mediaId: PICTURES[0] };
    expect(builderMayEdit(dated)).toBe(false);
    expect(builderMayEdit(TWO_PAGE_SURVEY)).toBe(true);
  });

  it('reads an image choice with a picture per choice, keeps it through the form and maps its errors to the slot', () => {
    const form = new FormData();
    form.set('q0.title', 'Which pack?');
    form.set('q0.type', 'image_choice');
    form.set('q0.options', 'Green\nBlue\nRed');
    PICTURES.forEach((id, n) => form.set(`q0.choice${n}Id`, id));
    form.set('q0.stimulusId', PICTURES[0]);
    const { definition, places } = definitionFromForm(form, 1);
    const [question] = definition.pages[0].questions;
    expect(question.options).toEqual([
      { id: 'o1', label: 'Green', mediaId: PICTURES[0] },
      { id: 'o2', label: 'Blue', mediaId: PICTURES[1] },
      { id: 'o3', label: 'Red', mediaId: PICTURES[2] },
    ]);
    // The stimulus field is hidden for an image choice: a stale one is not sent.
    expect(question.stimulus).toBeUndefined();
    expect(roundTrip(definition)).toEqual(definition);
    expect(builderMayEdit(definition)).toBe(true);
    expect(builderField('/definition/pages/0/questions/0/options/2/mediaId', places)).toBe('q0.choice2');
    expect(builderField('/definition/pages/0/questions/0/options', places)).toBe('q0.options');
  });

  it('keeps stimuli, captions, marker limits and preference variants (with their ids), and maps their errors to the block', () => {
    const ids = {
      image: '01900000-0000-7000-8000-00000000000a',
      a: '01900000-0000-7000-8000-00000000000b',
      b: '01900000-0000-7000-8000-00000000000c',
    };
    const once = roundTrip(stimulusDefinition(ids));
    const [spots, appeal, pick] = once.pages[0].questions;
    expect(spots).toMatchObject({
      type: 'hotspot',
      max: 3,
      stimulus: { mediaId: ids.image, caption: 'The new pack' },
    });
    expect(appeal.stimulus).toEqual({ mediaId: ids.image });
    expect(pick.options).toEqual([
      { id: 'a', label: 'Green label', mediaId: ids.a },
      { id: 'b', label: 'Blue label', mediaId: ids.b },
    ]);
    expect(roundTrip(once)).toEqual(once);
    expect(builderMayEdit(once)).toBe(true);
    const places = [{ page: 0, question: 2, block: 2 }];
    expect(builderField('/definition/pages/0/questions/2/options/1/mediaId', places)).toBe('q2.variantB');
    expect(builderField('/definition/pages/0/questions/2/stimulus/mediaId', places)).toBe('q2.stimulus');
    expect(builderField('/definition/pages/0/questions/2/options', places)).toBe('q2.options');
  });
});
