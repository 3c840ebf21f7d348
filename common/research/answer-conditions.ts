/** A condition on an earlier answer of a survey (display and skip logic), shared by server and web. */
export interface AnswerCondition {
  question: string;
  op: 'equals' | 'not_equals' | 'includes' | 'gte' | 'lte' | 'answered';
  value?: string | number;
}

/** Whether an answer counts as given (an empty text, list or grid does not). */
export function isAnswered(value: unknown): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== '' &&
    !(Array.isArray(value) && value.length === 0) &&
    !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

/** Whether a condition holds for a respondent's answers by question id. */
export function conditionHolds(condition: AnswerCondition, answers: Record<string, unknown>): boolean {
  const given = answers[condition.question];
  // A preference answer (`{ choice, why }`) is compared by the variant chosen.
  const answer = typeof given === 'object' && given !== null && 'choice' in given ? given.choice : given;
  if (condition.op === 'answered') return isAnswered(answer);
  if (!isAnswered(answer)) return false;
  switch (condition.op) {
    case 'equals':
      return String(answer) === String(condition.value);
    case 'not_equals':
      return String(answer) !== String(condition.value);
    case 'includes':
      return Array.isArray(answer) && answer.includes(condition.value);
    case 'gte':
      return typeof answer === 'number' && answer >= Number(condition.value);
    case 'lte':
      return typeof answer === 'number' && answer <= Number(condition.value);
  }
  return false;
}
