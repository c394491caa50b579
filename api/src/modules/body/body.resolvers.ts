import type { BodyKind } from '@lip/common';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import type { PersonDoc } from '../person/person.model';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import { changeBodyMember, findBody, listBodies } from './body.service';

/** Resolvers of district councils, the round table and the steering group. */
export const bodyResolvers: Resolvers = {
  Query: {
    bodies: (_p, { kind }, { scope }) =>
      listBodies(scope, kind ? fromGraphQLEnum<BodyKind>(kind) : null),
    body: (_p, { id }, { scope }) => findBody(scope, id),
  },
  Mutation: {
    addBodyMember: async (_p, { input }, { scope }) => ({
      body: await changeBodyMember(scope, input, true),
    }),
    removeBodyMember: async (_p, { input }, { scope }) => ({
      body: await changeBodyMember(scope, input, false),
    }),
  },
  Body: {
    id: (b) => String(b._id),
    kind: (b) => toGraphQLEnum(b.kind),
    district: (b) => b.district ?? null,
    memberCount: (b) => b.memberIds.length,
    members: async (b, _a, { scope }) => {
      const people = await scope.loaders.person.loadMany(b.memberIds.map(String));
      return people
        .filter((p): p is PersonDoc => p !== null && !(p instanceof Error))
        .sort((x, y) => x.name.localeCompare(y.name, 'de'));
    },
  },
};
