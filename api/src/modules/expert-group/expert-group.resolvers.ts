import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { notFound } from '../../errors';
import { requireViewer } from '../../scope';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import { findProcess } from '../process/process.service';
import {
  addGroupMember,
  listPendingMembers,
  listPendingMemberships,
  removeGroupMember,
} from './expert-group.service';

const ROLE_ORDER = { speaker: 0, lead: 1, adviser: 2, member: 3 } as const;

/** Resolvers of expert groups and their memberships. */
export const expertGroupResolvers: Resolvers = {
  Query: {
    expertGroup: async (_p, { id }, { scope }) => {
      requireViewer(scope);
      const process = await findProcess(scope);
      const group = process?.groups.find((g) => String(g._id) === id);
      return process && group ? { group, process } : null;
    },
  },
  Mutation: {
    addGroupMember: async (_p, { input }, { scope }) => ({
      group: await addGroupMember(scope, {
        ...input,
        role: fromGraphQLEnum(input.role),
        sector: fromGraphQLEnum(input.sector),
      }),
    }),
    removeGroupMember: async (_p, { input }, { scope }) => ({
      group: await removeGroupMember(scope, input),
    }),
  },
  ExpertGroup: {
    id: (p) => String(p.group._id),
    name: (p) => p.group.name,
    actionFieldKey: (p) => p.group.actionFieldKey,
    actionField: (p) => {
      const field = p.process.actionFields.find((a) => a.key === p.group.actionFieldKey);
      if (!field) throw notFound('action field');
      return { field, process: p.process };
    },
    members: (p) =>
      [...p.group.members]
        .sort(
          (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'de'),
        )
        .map((member) => ({ member, group: p.group, process: p.process })),
    memberCount: (p) => p.group.members.length,
    pendingMembers: (p, _a, { scope }) => listPendingMembers(scope, p.group, p.process),
  },
  Person: {
    pendingGroupMemberships: (p, _a, { scope }) => listPendingMemberships(scope, String(p._id)),
  },
  PendingGroupMember: {
    personId: (p) => String(p.invitation.personId),
    name: (p) => p.invitation.name,
    role: (p) => toGraphQLEnum(p.role),
    sector: (p) => toGraphQLEnum(p.sector),
    group: (p) => ({ group: p.group, process: p.process }),
    expiresAt: (p) => p.invitation.expiresAt,
  },
  GroupMember: {
    personId: (p) => String(p.member.personId),
    name: (p) => p.member.name,
    organisationName: (p) => p.member.organisationName ?? null,
    role: (p) => toGraphQLEnum(p.member.role),
    sector: (p) => toGraphQLEnum(p.member.sector),
    group: (p) => ({ group: p.group, process: p.process }),
    person: async (p, _a, { scope }) => {
      const person = await scope.loaders.person.load(String(p.member.personId));
      if (!person) throw notFound('person');
      return person;
    },
    organisation: (p, _a, { scope }) =>
      p.member.organisationId
        ? scope.loaders.organisation.load(String(p.member.organisationId))
        : null,
  },
};
