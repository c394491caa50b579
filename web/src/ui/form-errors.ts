/**
 * The rules the API names for invalid fields (`extensions.fields[].rule`, see the API's
 * `FieldRule`); each has a sentence under `fieldRules.<rule>` in both languages.
 */
export const FIELD_RULES = [
  'required',
  'too-short',
  'too-long',
  'too-few',
  'too-many',
  'too-small',
  'too-large',
  'format',
  'invalid',
  'future',
  'taken',
  'past',
] as const;
/** One of {@link FIELD_RULES}; `past` is the client's own (a date before today). */
export type FieldRule = (typeof FIELD_RULES)[number];

/** One invalid field as the API reports it. */
export interface FieldIssue {
  /** Dotted path in the mutation's input, e.g. `title` or `groups.0.groupId`. */
  path: string;
  rule: FieldRule;
  limit?: number;
}

function isFieldRule(value: unknown): value is FieldRule {
  return typeof value === 'string' && (FIELD_RULES as readonly string[]).includes(value);
}

/** The field issues of an Apollo Client 4 error (CombinedGraphQLErrors), else none. */
export function toFieldIssues(error: unknown): FieldIssue[] {
  const errors = (error as { errors?: unknown } | null | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item: { extensions?: { fields?: unknown } | null }) => {
    const fields = item.extensions?.fields;
    if (!Array.isArray(fields)) return [];
    return fields.flatMap((field: { path?: unknown; rule?: unknown; limit?: unknown }) =>
      typeof field.path === 'string'
        ? [
            {
              path: field.path,
              rule: isFieldRule(field.rule) ? field.rule : 'invalid',
              ...(typeof field.limit === 'number' ? { limit: field.limit } : {}),
            },
          ]
        : [],
    );
  });
}
