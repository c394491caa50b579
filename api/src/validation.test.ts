import { z } from 'zod';
import { DomainError } from './errors';
import { describeFieldRule, toGraphQLError } from './graphql/errors';
import {
  isEmailAddress,
  MAX_EMAIL_LENGTH,
  objectIdSchema,
  parseInput,
  textSchema,
} from './validation';

function issuesOf(schema: z.ZodType, input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof DomainError) return error.issues;
    throw error;
  }
  throw new Error('expected invalid input');
}

describe('field rules of invalid input', () => {
  const schema = z.object({
    title: textSchema(200, 2),
    assigneeIds: z.array(objectIdSchema).max(20),
    order: z.number().int().min(0).max(10_000),
  });

  it('names the field and the length rule with its limit', () => {
    expect(
      issuesOf(schema, { title: 'x'.repeat(201), assigneeIds: [], order: 1 }).map(
        ({ path, rule, limit }) => ({ path, rule, limit }),
      ),
    ).toEqual([{ path: 'title', rule: 'too-long', limit: 200 }]);
  });

  it('reports a missing or blank text as required and a short one as too short', () => {
    expect(issuesOf(schema, { assigneeIds: [], order: 1 })[0]).toMatchObject({
      path: 'title',
      rule: 'required',
    });
    expect(issuesOf(schema, { title: ' a ', assigneeIds: [], order: 1 })[0]).toMatchObject({
      path: 'title',
      rule: 'too-short',
      limit: 2,
    });
  });

  it('tells counts, numbers and formats apart', () => {
    const ids = Array.from({ length: 21 }, () => 'a'.repeat(24));
    expect(
      issuesOf(schema, { title: 'ok', assigneeIds: ids, order: 10_001 }).map((i) => i.rule),
    ).toEqual(['too-many', 'too-large']);
    expect(issuesOf(schema, { title: 'ok', assigneeIds: ['nope'], order: 0 })[0]).toMatchObject({
      path: 'assigneeIds.0',
      rule: 'format',
    });
  });

  it('words each rule in German and English for the client', () => {
    expect(describeFieldRule('too-long', 200, 'de')).toBe('höchstens 200 Zeichen');
    expect(describeFieldRule('too-long', 200, 'en')).toBe('at most 200 characters');
    const error = toGraphQLError(
      new DomainError('invalid-input', 'title', [
        { path: 'title', rule: 'too-long', limit: 200, message: 'too long' },
      ]),
      'de',
    );
    expect(error.extensions.fields).toEqual([
      { path: 'title', rule: 'too-long', limit: 200, message: 'höchstens 200 Zeichen' },
    ]);
  });
});

describe('email addresses', () => {
  it('accepts ordinary addresses and refuses malformed ones', () => {
    expect(isEmailAddress('ayse.demir@hannover-stadt.de')).toBe(true);
    expect(isEmailAddress('a@b.de')).toBe(true);
    for (const bad of [
      '',
      'a',
      'a@',
      '@b.de',
      'a@b',
      'a@b.',
      'a@.de',
      'a@@b.de',
      'a@b..de',
      'a b@c.de',
    ]) {
      expect([bad, isEmailAddress(bad)]).toEqual([bad, false]);
    }
  });

  it('refuses an address longer than the limit before looking at it', () => {
    const local = 'a'.repeat(MAX_EMAIL_LENGTH);
    expect(isEmailAddress(`${local}@b.de`)).toBe(false);
    expect(isEmailAddress(`a@${'.'.repeat(1_000_000)}@`)).toBe(false);
  });
});
