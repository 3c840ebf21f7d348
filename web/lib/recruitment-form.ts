import type { AnswerCondition } from '../../common/research/answer-conditions.ts';
import type { CampaignDto } from '../../server/modules/recruitment/recruitment.schemas.ts';
import { builderField, builderIds, definitionFromForm, valuesFromDefinition } from './survey-builder.ts';

/** How many rows of rules, quotas and copies to attributes the campaign form shows at least. */
export const CAMPAIGN_ROWS = 2;

/** The rows the campaign form shows: its hidden counts, at least `CAMPAIGN_ROWS` each. */
export type CampaignRows = { rules: number; quotas: number; maps: number };

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The row counts posted with the campaign form (`ruleRows`, `quotaRows`, `mapRows`), one more each when asked. */
export function rowsFromForm(form: FormData, more = false): CampaignRows {
  const count = (name: string) =>
    Math.min(50, Math.max(CAMPAIGN_ROWS, Number(str(form, name)) || CAMPAIGN_ROWS) + (more ? 1 : 0));
  return { rules: count('ruleRows'), quotas: count('quotaRows'), maps: count('mapRows') };
}

/**
 * Builds a campaign's body (`createCampaign` / `updateCampaign`) from its form: the settings, the screener
 * from the survey builder's question blocks, then rows of rules `r<j>.*` (question number, operator, value,
 * then), quotas `k<j>.*` (question number, choice as written, `share` or `max`, amount) and copies to
 * attributes `m<j>.*` (question number, attribute). Rows without a question are left out; a choice is
 * named by its label and sent as its id. Returns the body and the places of the screener's questions.
 */
export function campaignFromForm(form: FormData, count: number, rows: CampaignRows) {
  const { definition, places } = definitionFromForm(form, count);
  const { questionId, optionId, conditionValue } = builderIds(form);
  const blockOf = (prefix: string) => Number(str(form, `${prefix}.question`)) - 1;
  const rules = range(rows.rules)
    .filter((j) => str(form, `r${j}.question`) !== '')
    .map((j) => {
      const block = blockOf(`r${j}`);
      const op = (str(form, `r${j}.op`) || 'equals') as AnswerCondition['op'];
      const raw = str(form, `r${j}.value`);
      return {
        if: {
          question: questionId(block),
          op,
          ...(op === 'answered' || raw === '' ? {} : { value: conditionValue(block, raw) }),
        },
        then: str(form, `r${j}.then`) === 'qualify' ? ('qualify' as const) : ('disqualify' as const),
      };
    });
  const quotas = range(rows.quotas)
    .filter((j) => str(form, `k${j}.question`) !== '')
    .map((j) => {
      const block = blockOf(`k${j}`);
      const label = str(form, `k${j}.option`);
      const amount = str(form, `k${j}.amount`);
      const n = Number(amount.replace(',', '.'));
      const limit = amount === '' ? {} : str(form, `k${j}.kind`) === 'max' ? { max: n } : { share: n };
      return { question: questionId(block), option: optionId(block, label) ?? label, ...limit };
    });
  const attributeMap = range(rows.maps)
    .filter((j) => str(form, `m${j}.question`) !== '' || str(form, `m${j}.attributeId`) !== '')
    .map((j) => ({ question: questionId(blockOf(`m${j}`)), attributeId: str(form, `m${j}.attributeId`) }));
  const invitationDays = str(form, 'invitationDays');
  const body = {
    name: str(form, 'name'),
    target: Number(str(form, 'target')) || 0,
    ...(invitationDays ? { invitationDays: Number(invitationDays) || 0 } : {}),
    screener: definition,
    rules,
    quotas,
    attributeMap,
  };
  return { body, places };
}

/**
 * Maps an API field path of a campaign to its form field: the screener's to the question blocks, a rule's
 * to `r<j>.question|value|then`, a quota's to `k<j>.question|option|amount`, a copy's to
 * `m<j>.question|attributeId`, the rest to the setting's name.
 */
export function campaignField(path: string, places: { page: number; question: number; block: number }[]) {
  const rule = /^\/rules\/(\d+)(?:\/if)?(?:\/(\w+))?/.exec(path);
  if (rule) return `r${rule[1]}.${rule[2] === 'value' || rule[2] === 'then' ? rule[2] : 'question'}`;
  const quota = /^\/quotas\/(\d+)(?:\/(\w+))?/.exec(path);
  if (quota) return `k${quota[1]}.${quota[2] === 'question' || quota[2] === 'option' ? quota[2] : 'amount'}`;
  const copy = /^\/attributeMap\/(\d+)(?:\/(\w+))?/.exec(path);
  if (copy) return `m${copy[1]}.${copy[2] === 'attributeId' ? 'attributeId' : 'question'}`;
  return builderField(path, places, '/screener');
}

/**
 * The campaign form's values for an existing campaign (the inverse of `campaignFromForm`): its settings,
 * its screener's question blocks, and its rules, quotas and copies with questions named by their block
 * number and choices by their label. Returns the values, the question blocks and the rows they fill.
 */
export function valuesFromCampaign(campaign: CampaignDto) {
  const { values, count } = valuesFromDefinition(campaign.screener);
  const questions = campaign.screener.pages.flatMap((p) => p.questions);
  const number = (id: string) => String(questions.findIndex((q) => q.id === id) + 1 || id);
  const label = (questionId: string, raw: string | number | undefined) =>
    String(
      questions.find((q) => q.id === questionId)?.options?.find((o) => o.id === raw)?.label ?? raw ?? '',
    );
  values.name = campaign.name;
  values.target = String(campaign.target);
  values.invitationDays = String(campaign.invitationDays);
  if (campaign.open) values.open = 'on';
  campaign.rules.forEach((rule, j) => {
    values[`r${j}.question`] = number(rule.if.question);
    values[`r${j}.op`] = rule.if.op;
    values[`r${j}.value`] = label(rule.if.question, rule.if.value);
    values[`r${j}.then`] = rule.then;
  });
  campaign.quotas.forEach((quota, j) => {
    values[`k${j}.question`] = number(quota.question);
    values[`k${j}.option`] = label(quota.question, quota.option);
    values[`k${j}.kind`] = quota.max !== undefined ? 'max' : 'share';
    values[`k${j}.amount`] = String(quota.max ?? quota.share ?? '');
  });
  campaign.attributeMap.forEach((copy, j) => {
    values[`m${j}.question`] = number(copy.question);
    values[`m${j}.attributeId`] = copy.attributeId;
  });
  const rows = {
    rules: Math.max(CAMPAIGN_ROWS, campaign.rules.length + 1),
    quotas: Math.max(CAMPAIGN_ROWS, campaign.quotas.length + 1),
    maps: Math.max(CAMPAIGN_ROWS, campaign.attributeMap.length + 1),
  };
  return { values, count, rows };
}

/**
 * Splits CSV text into its header line and batches of at most `size` data lines, never cutting a quoted
 * cell that spans lines. Each batch keeps the header, so the server reads every batch on its own.
 */
export function csvBatches(text: string, size: number): { header: string; batches: string[][] } {
  const lines: string[] = [];
  let current = '';
  let quotes = 0;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    current = current ? `${current}\n${line}` : line;
    quotes += (line.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      quotes = 0;
    }
  }
  if (current.trim() !== '') lines.push(current);
  const [header = '', ...rows] = lines;
  const batches: string[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return { header, batches };
}
