import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';
import { DomainError } from '../errors';
import { moduleResolvers } from '../modules/registry';
import type { GraphQLContext } from './context';
import { toGraphQLError } from './errors';

const srcDir = join(__dirname, '..');

/** Reads every `*.graphql` file of `graphql/` and `modules/<feature>/` (schema first). */
export function loadTypeDefs(): string[] {
  const files = [join(srcDir, 'graphql', 'schema.graphql')];
  for (const entry of readdirSync(join(srcDir, 'modules'), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(srcDir, 'modules', entry.name);
    for (const file of readdirSync(dir)) if (file.endsWith('.graphql')) files.push(join(dir, file));
  }
  return files.map((file) => readFileSync(file, 'utf8'));
}

/** The DateTime scalar: ISO 8601 strings on the wire, Date objects inside. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue(value) {
    return parseDate(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return parseDate(ast.value);
  },
});

function parseDate(value: unknown): Date {
  if (typeof value !== 'string' || value.length > 40) {
    throw new GraphQLError('DateTime must be an ISO 8601 string', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 string', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

type ResolverFn = (parent: unknown, args: unknown, ctx: GraphQLContext, info: unknown) => unknown;

/**
 * Wraps a resolver so domain errors become coded GraphQL errors in the caller's language, and so
 * no resolver starts after the operation's deadline (the per-operation time limit: it stops the
 * fan-out of a slow operation, the work already started finishes).
 */
function localiseErrors(fn: ResolverFn): ResolverFn {
  return async (parent, args, ctx, info) => {
    try {
      if (ctx.deadline !== null && Date.now() > ctx.deadline) {
        throw new DomainError('operation-timeout');
      }
      return await fn(parent, args, ctx, info);
    } catch (error) {
      if (error instanceof DomainError) throw toGraphQLError(error, ctx.scope.locale);
      throw error;
    }
  };
}

/**
 * The mutations a session may use before it has set up a second factor its role needs (see
 * `mustSetUpSecondFactor` in the policy): signing in and out, the setup itself, the language,
 * the person's own data (see, end sessions, delete) and reading documents (a read-only editor
 * ticket, the "seen" mark). Every other mutation answers
 * SECOND_FACTOR_REQUIRED, so the web app can lead the person to the setup.
 */
export const MUTATIONS_BEFORE_SECOND_FACTOR: ReadonlySet<string> = new Set([
  'signIn',
  'completeSignIn',
  'signOut',
  'endSession',
  'signOutEverywhere',
  'acceptInvitation',
  'setLocale',
  'startSecondFactorSetup',
  'confirmSecondFactorSetup',
  'endDeviceSession',
  'deleteAccount',
  // Looking at documents: the ticket is read-only until the second factor is set up.
  'collabTicket',
  'markDocumentSeen',
]);

function requireSecondFactor(fn: ResolverFn, field: string): ResolverFn {
  return (parent, args, ctx, info) => {
    if (
      ctx.scope.viewer?.actor.mustSetUpSecondFactor &&
      !MUTATIONS_BEFORE_SECOND_FACTOR.has(field)
    ) {
      throw new DomainError('second-factor-required');
    }
    return fn(parent, args, ctx, info);
  };
}

type ResolverMap = Record<string, Record<string, unknown>>;

function wrapAll(resolvers: ResolverMap): ResolverMap {
  const out: ResolverMap = {};
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const wrapped: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(fields)) {
      if (typeof value === 'function' && typeName === 'Mutation') {
        wrapped[field] = localiseErrors(requireSecondFactor(value as ResolverFn, field));
      } else if (typeof value === 'function') wrapped[field] = localiseErrors(value as ResolverFn);
      else if (value && typeof value === 'object' && 'subscribe' in value) {
        const sub = value as { subscribe: ResolverFn; resolve?: ResolverFn };
        wrapped[field] = {
          ...sub,
          subscribe: localiseErrors(sub.subscribe),
        };
      } else wrapped[field] = value;
    }
    out[typeName] = wrapped;
  }
  return out;
}

/** Builds the executable schema from the SDL files and the module resolver registry. */
export function buildSchema(): GraphQLSchema {
  const merged: ResolverMap = {
    Query: { ping: () => true },
    Mutation: { ping: () => true },
    Subscription: {
      ping: {
        subscribe: async function* () {
          yield { ping: true };
        },
      },
    },
  };
  for (const resolvers of moduleResolvers) {
    for (const [typeName, fields] of Object.entries(resolvers as ResolverMap)) {
      merged[typeName] = { ...merged[typeName], ...fields };
    }
  }
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [{ DateTime: DateTimeScalar }, wrapAll(merged)],
  });
}
