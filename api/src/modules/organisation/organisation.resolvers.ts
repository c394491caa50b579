import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { requireViewer } from '../../scope';
import { objectIdSchema } from '../../validation';
import { toGraphQLEnum } from '../../validation';
import type { OrganisationDoc } from './organisation.model';

/** Resolvers of the organisation directory (any signed-in person). */
export const organisationResolvers: Resolvers = {
  Query: {
    organisations: (_p, _a, { scope }) => {
      requireViewer(scope);
      return scope.models.Organisation.find({}).sort({ name: 1 }).lean<OrganisationDoc[]>();
    },
    organisation: (_p, { id }, { scope }) => {
      requireViewer(scope);
      return objectIdSchema.safeParse(id).success ? scope.loaders.organisation.load(id) : null;
    },
  },
  Organisation: {
    id: (o) => String(o._id),
    partnerType: (o) => toGraphQLEnum(o.partnerType),
    members: (o, _a, { scope }) => scope.loaders.organisationMembers.load(String(o._id)),
  },
};
