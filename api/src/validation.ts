import { z } from 'zod';
import { DomainError, type FieldIssue, type FieldRule } from './errors';

/**
 * Input validation helpers shared by the modules: every mutation parses its input with zod
 * before touching the database, so ids are strings of 24 hex characters and never objects
 * (no operator injection).
 */

/** A database id as sent by clients. */
export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'must be a valid id');

/** Longest accepted email address (the SMTP path limit of RFC 5321). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * Whether a (trimmed, lower-cased) string looks like an email address: at most
 * {@link MAX_EMAIL_LENGTH} characters, checked first, then one `@` with a non-empty local part and
 * a domain with an inner dot, no whitespace. One pass over the string, so a hostile input costs
 * linear time (a backtracking regular expression here cost seconds per request).
 */
export function isEmailAddress(value: string): boolean {
  if (value.length > MAX_EMAIL_LENGTH) return false;
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@')) return false;
  if (/\s/.test(value)) return false;
  const domain = value.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && !domain.endsWith('.') && !domain.includes('..');
}

/** An email address, trimmed and lower-cased; see {@link isEmailAddress}. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isEmailAddress, {
    message: `must be an email address of at most ${MAX_EMAIL_LENGTH} characters`,
    params: { rule: 'format' },
  });

/** A trimmed single-line text of bounded length. */
export function textSchema(max: number, min = 1) {
  return z.string().trim().min(min, `must have at least ${min} characters`).max(max);
}

/** A date from GraphQL's DateTime scalar (already a Date, or an ISO string). */
export const dateSchema = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date');

/** The {@link FieldRule} a zod issue stands for, with its limit for length and count rules. */
export function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.');
  const base = { path, message: issue.message };
  const rule = (r: FieldRule, limit?: number): FieldIssue => ({
    ...base,
    rule: r,
    ...(limit !== undefined ? { limit } : {}),
  });
  switch (issue.code) {
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return rule('too-long', limit);
      if (issue.origin === 'array' || issue.origin === 'set') return rule('too-many', limit);
      return rule('too-large', limit);
    }
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string')
        return limit <= 1 ? rule('required') : rule('too-short', limit);
      if (issue.origin === 'array' || issue.origin === 'set')
        return limit <= 1 ? rule('required') : rule('too-few', limit);
      return rule('too-small', limit);
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? rule('required') : rule('invalid');
    case 'invalid_format':
      return rule('format');
    case 'custom': {
      // Refinements name their rule in `params.rule` (see `changeDocumentStatus`).
      const named = (issue.params as { rule?: FieldRule } | undefined)?.rule;
      return rule(named ?? 'invalid');
    }
    default:
      return rule('invalid');
  }
}

/** Parses `input` or throws `invalid-input` with one issue per field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new DomainError(
    'invalid-input',
    parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    parsed.error.issues.map(toFieldIssue),
  );
}

/** GraphQL enum value (IN_REVIEW) to stored value (in-review). */
export function fromGraphQLEnum<T extends string>(value: string): T {
  return value.toLowerCase().replace(/_/g, '-') as T;
}

/** Stored value (in-review) to GraphQL enum value (IN_REVIEW). */
export function toGraphQLEnum<T extends string>(value: string): T {
  return value.toUpperCase().replace(/-/g, '_') as T;
}
