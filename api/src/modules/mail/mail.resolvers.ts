import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { isDevOutboxAvailable, listDevOutbox } from './mail.service';

/** Resolvers of the development outbox. */
export const mailResolvers: Resolvers = {
  Query: {
    devOutbox: (_p, { first }, { scope }) => listDevOutbox(scope, first),
    devOutboxAvailable: (_p, _a, { scope }) => isDevOutboxAvailable(scope),
  },
  OutboxMessage: {
    id: (m) => m._id,
    status: (m) => m.status.toUpperCase(),
  },
};
