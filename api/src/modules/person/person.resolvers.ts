import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import { findProcess } from '../process/process.service';
import {
  deactivatePerson,
  findPerson,
  listPeople,
  mayRead,
  reactivatePerson,
  updatePerson,
} from './person.service';

/** Resolvers of the people directory and person administration. */
export const personResolvers: Resolvers = {
  Query: {
    people: (_p, { filter }, { scope }) =>
      listPeople(
        scope,
        filter
          ? { ...filter, systemRole: filter.systemRole ? fromGraphQLEnum(filter.systemRole) : null }
          : null,
      ),
    person: (_p, { id }, { scope }) => findPerson(scope, id),
  },
  Mutation: {
    updatePerson: async (_p, { input }, { scope }) => ({
      person: await updatePerson(scope, {
        ...input,
        systemRole: input.systemRole ? fromGraphQLEnum(input.systemRole) : null,
      }),
    }),
    deactivatePerson: async (_p, { personId }, { scope }) => ({
      person: await deactivatePerson(scope, personId),
    }),
    reactivatePerson: async (_p, { personId }, { scope }) => ({
      person: await reactivatePerson(scope, personId),
    }),
  },
  Person: {
    id: (p) => String(p._id),
    // A deleted account is a nameless placeholder: its contributions read "former member".
    name: (p, _a, { scope }) =>
      p.status === 'deleted'
        ? scope.locale === 'en'
          ? 'former member'
          : 'ehemaliges Mitglied'
        : p.name,
    email: (p, _a, { scope }) => (mayRead(scope, p, 'email') ? p.email : null),
    locale: (p, _a, { scope }) => (mayRead(scope, p, 'locale') ? toGraphQLEnum(p.locale) : null),
    status: (p, _a, { scope }) => (mayRead(scope, p, 'status') ? toGraphQLEnum(p.status) : null),
    systemRole: (p, _a, { scope }) =>
      mayRead(scope, p, 'systemRole') ? toGraphQLEnum(p.systemRole) : null,
    organisation: (p, _a, { scope }) =>
      p.organisationId ? scope.loaders.organisation.load(String(p.organisationId)) : null,
    coordinatorScope: (p, _a, { scope }) =>
      p.systemRole === 'coordinator' && mayRead(scope, p, 'coordinatorScope')
        ? {
            allActionFields: p.coordinatorScope?.all ?? false,
            actionFieldKeys: p.coordinatorScope?.all
              ? []
              : (p.coordinatorScope?.actionFieldKeys ?? []),
          }
        : null,
    groupMemberships: async (p, _a, { scope }) => {
      const process = await findProcess(scope);
      if (!process) return [];
      return process.groups.flatMap((group) =>
        group.members
          .filter((m) => String(m.personId) === String(p._id))
          .map((member) => ({ member, group, process })),
      );
    },
    bodies: async (p, _a, { scope }) => {
      const process = await findProcess(scope);
      return (
        process?.bodies.filter((b) => b.memberIds.some((id) => String(id) === String(p._id))) ?? []
      );
    },
  },
};
