import fc from 'fast-check';
import { IDENTITIES, type FuzzContext, type Identity } from '../context';
import { buildRequest, sendRaw } from '../raw-http';
import type { Surface } from '../runner';
import {
  operationArbitrary,
  SESSION_ENDING_MUTATIONS,
  type GeneratedOperation,
} from '../schema-operations';
import { countInternalErrors, describeResponse } from './answers';

/** A GraphQL operation generated from the schema, sent as a well-formed JSON POST. */
export interface GraphQLCase {
  identity: Identity;
  operation: GeneratedOperation;
}

/** Generated operations for an identity: signed-in ones never end their own session. */
export function operationsFor(context: FuzzContext, identity: Identity, subscriptions = false) {
  return operationArbitrary(context.schema, {
    subscriptions,
    excludeRootFields: identity === 'anonymous' ? [] : SESSION_ENDING_MUTATIONS,
  });
}

/** The identity first, then an operation that identity may safely send. */
export function identityAndOperation(
  context: FuzzContext,
  subscriptions = false,
): fc.Arbitrary<GraphQLCase> {
  const signedIn = operationsFor(context, 'admin', subscriptions);
  const signedOut = operationsFor(context, 'anonymous', subscriptions);
  return fc.constantFrom(...IDENTITIES).chain((identity) =>
    (identity === 'anonymous' ? signedOut : signedIn).map((operation) => ({
      identity,
      operation,
    })),
  );
}

/** The JSON body of an operation with its placeholders resolved. */
export function operationBody(operation: GeneratedOperation, context: FuzzContext): string {
  return context.resolveRefs(
    JSON.stringify({
      query: operation.query,
      ...(operation.variables === undefined ? {} : { variables: operation.variables }),
      ...(operation.operationName === undefined ? {} : { operationName: operation.operationName }),
    }),
  );
}

/** The query text and variables, shortened for a report line. */
export function describeOperation(operation: GeneratedOperation): string {
  const variables =
    operation.variables === undefined ? '' : ` variables=${JSON.stringify(operation.variables)}`;
  return `[${operation.kind}] ${operation.query}${variables}`;
}

/** Schema-generated operations in well-formed requests: the resolvers and their validation. */
export const graphqlSurface: Surface<GraphQLCase> = {
  name: 'graphql',
  covers:
    'POST /graphql with operations generated from the introspected schema (every root field, right and wrong argument types, missing/extra variables, huge strings, lone surrogates, operator objects, deep nesting, many aliases, fragment cycles, directives, token floods), signed out and as each demo role',
  arbitrary: (context) => identityAndOperation(context),
  async execute(testCase, context) {
    const cookie = context.cookie(testCase.identity);
    const body = Buffer.from(operationBody(testCase.operation, context));
    const response = await sendRaw(
      context.product.apiUrl,
      (host) =>
        buildRequest({
          method: 'POST',
          target: '/graphql',
          host,
          headers: [
            ['Content-Type', 'application/json'],
            ...(cookie ? ([['Cookie', cookie]] as [string, string][]) : []),
          ],
          body,
        }),
      10_000,
    );
    return {
      statuses: [response.status],
      internalErrors: countInternalErrors(response.body),
      timedOut: response.timedOut,
      outcome: describeResponse(response),
    };
  },
  describe: (testCase) => `as ${testCase.identity}: ${describeOperation(testCase.operation)}`,
  label: (testCase) => testCase.operation.kind,
};
