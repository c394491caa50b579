import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { listAuditEntries } from './audit.service';

/** Resolvers of the audit trail. */
export const auditResolvers: Resolvers = {
  Query: {
    auditEntries: (_p, args, { scope }) => listAuditEntries(scope, args),
  },
  AuditEntry: {
    id: (e) => String(e._id),
    actorId: (e) => (e.actorId ? String(e.actorId) : null),
    subjectId: (e) => (e.subjectId ? String(e.subjectId) : null),
  },
};
