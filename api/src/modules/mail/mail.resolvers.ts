import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { listDevOutbox } from './mail.service';

/** Resolvers of the development outbox. */
export const mailResolvers: Resolvers = {
  Query: {
    devOutbox: (_p, { first }, { scope }) => listDevOutbox(scope, first),
  },
  OutboxMessage: {
    id: (m) => m._id,
    status: (m) => m.status.toUpperCase(),
  },
};
