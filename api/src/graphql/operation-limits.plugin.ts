import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Locale } from '@lip/common';
import { DomainError } from '../errors';
import type { GraphQLContext } from './context';
import { toGraphQLError } from './errors';
import { operationCost } from './limits';

/** The limits of one operation that depend on configuration (README: `GRAPHQL_*`). */
export interface OperationLimitOptions {
  maxCost: number;
  maxResponseBytes: number;
  timeoutMs: number;
}

/**
 * Checks an operation's cost against `maxCost` and returns the error to send, or null. Shared by
 * HTTP (the plugin below) and the websocket.
 */
export function checkOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  maxCost: number,
  locale: Locale,
): GraphQLError | null {
  const cost = operationCost(schema, document, variables, operationName);
  if (cost instanceof GraphQLError) {
    return new GraphQLError(cost.message, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  if (cost <= maxCost) return null;
  const error = toGraphQLError(new DomainError('query-too-complex'), locale);
  return new GraphQLError(error.message, {
    extensions: {
      ...error.extensions,
      limit: 'cost',
      ...(Number.isFinite(cost) ? { cost } : {}),
      maxCost,
      http: { status: 400 },
    },
  });
}

/** The error sent instead of a result whose JSON would exceed `maxBytes`. */
export function responseTooLargeError(maxBytes: number, locale: Locale): GraphQLError {
  const error = toGraphQLError(new DomainError('response-too-large'), locale);
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, maxBytes },
  });
}

/**
 * Apollo Server plugin for the limits that need the parsed operation or the result: refuses
 * subscriptions over HTTP (they run over the websocket), operations over the cost limit, and
 * results larger than the response cap (each a 400 with its own code), and sets the deadline of
 * a query.
 */
export function operationLimitsPlugin(
  options: OperationLimitOptions,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema, contextValue }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions run over the websocket at /graphql.', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          const error = checkOperationCost(
            schema,
            document,
            request.variables,
            request.operationName,
            options.maxCost,
            contextValue.scope?.locale ?? 'de',
          );
          if (error) throw error;
          // The time limit stops the fan-out of reads. A mutation's payload is read after its
          // write is done, and must not turn a done change into an error.
          contextValue.deadline =
            operation?.operation === 'query' ? Date.now() + options.timeoutMs : null;
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (bytes <= options.maxResponseBytes) return;
          const locale = contextValue.scope?.locale ?? 'de';
          const error = responseTooLargeError(options.maxResponseBytes, locale);
          response.body.singleResult = { errors: [error.toJSON()] };
          response.http.status = 400;
        },
      };
    },
  };
}
