import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { toGraphQLEnum } from '../../validation';
import { mayRead } from '../person/person.service';
import { EXPORT_PATH } from './privacy.routes';
import { deleteAccount, endDeviceSession, personalData } from './privacy.service';

/** Resolvers of "Meine Daten": seeing, exporting and deleting one's personal data. */
export const privacyResolvers: Resolvers = {
  Query: {
    personalData: async (_p, { personId }, { scope }) => {
      const data = await personalData(scope, personId);
      const person = data.person;
      const id = String(person._id);
      const admins =
        person.systemRole === 'admin'
          ? await scope.models.Person.countDocuments({ systemRole: 'admin', status: 'active' })
          : 2;
      return {
        person,
        signIn: data.signIn,
        groups: data.groups.map((g) => ({
          group: g.group,
          actionFieldKey: g.actionFieldKey,
          role: toGraphQLEnum(g.role),
          sector: toGraphQLEnum(g.sector),
        })),
        bodies: data.bodies.map((b) => b.body),
        sessions: data.sessions.map((s) => ({
          id: s._id,
          createdAt: s.createdAt,
          expiresAt: s.expiresAt,
          method: s.method === 'oidc' ? ('CITY_ACCOUNT' as const) : ('PASSWORD' as const),
          userAgent: s.userAgent ?? null,
          current: s._id === scope.viewer?.sessionId,
        })),
        comments: data.comments,
        commentCount: data.comments.length,
        tasks: data.tasks.map(({ task, relation }) => ({
          id: String(task._id),
          title: task.title,
          status: toGraphQLEnum(task.status),
          deadline: task.deadline,
          assigned: relation.includes('assigned'),
          createdByMe: relation.includes('created'),
        })),
        activity: data.activity.map((a) => ({
          id: String(a._id),
          verb: a.verb,
          subjectTitle: a.subjectTitle,
          createdAt: a.createdAt,
        })),
        notificationCount: data.notifications.length,
        exportPath: personId ? `${EXPORT_PATH}?personId=${id}` : EXPORT_PATH,
        canDelete: admins > 1,
      };
    },
  },
  Mutation: {
    endDeviceSession: (_p, { input }, { scope }) => endDeviceSession(scope, input),
    deleteAccount: async (_p, { input }, ctx) => {
      const result = await deleteAccount(ctx.scope, input);
      if (result.own) ctx.clearSessionCookie();
      return { deletedPersonId: result.personId, signedOut: result.own };
    },
  },
  Person: {
    signInMethods: async (p, _a, { scope }) =>
      mayRead(scope, p, 'signInMethods')
        ? {
            password: await scope.loaders.hasPassword.load(String(p._id)),
            cityAccount: Boolean(p.oidc),
            secondFactor: p.secondFactorEnabled === true,
          }
        : null,
  },
};
