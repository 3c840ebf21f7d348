import { Type } from 'typebox';

/** The problem+json error body, declared on every route so the OpenAPI document shows it. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  detail: Type.String(),
  instance: Type.String(),
  requestId: Type.String(),
  errors: Type.Optional(
    Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() })),
  ),
});

/** Success responses of a route plus the shared error responses. */
export function responses<T extends Record<number, unknown>>(success: T) {
  return { ...success, '4xx': ProblemSchema, '5xx': ProblemSchema };
}
