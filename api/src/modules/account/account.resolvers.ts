import type { Locale } from '@lip/common';
import { canAct, coordinates } from '../../auth/policy';
import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import { findProcess } from '../process/process.service';
import type { GraphQLContext } from '../../graphql/context';
import { secondFactorStatus } from '../second-factor';
import {
  acceptInvitation,
  completeSignIn,
  createInvitation,
  endSession,
  findPendingInvitation,
  listInvitations,
  setLocale,
  setPasswordSignInForCityAccounts,
  signIn,
  signInSettings,
  signOut,
  signOutEverywhere,
  type SignedIn,
} from './account.service';

/** Sets the cookie of a finished sign-in and makes its person the request's viewer. */
function startSession(ctx: GraphQLContext, result: SignedIn) {
  ctx.setSessionCookie(result.token, result.expiresAt);
  ctx.scope.viewer = result.viewer;
  ctx.scope.locale = result.viewer.person.locale;
  return { viewer: result.viewer, secondFactorChallenge: null };
}

/** Resolvers of sign-in, sessions, invitations and the viewer. */
export const accountResolvers: Resolvers = {
  Query: {
    viewer: (_p, _a, { scope }) => scope.viewer,
    me: (_p, _a, { scope }) => scope.viewer,
    invitation: async (_p, { token }, { scope }) => {
      const invitation = await findPendingInvitation(scope, token);
      return invitation
        ? { email: invitation.email, name: invitation.name, expiresAt: invitation.expiresAt }
        : null;
    },
    invitations: async (_p, _a, { scope }) =>
      (await listInvitations(scope)).map((invitation) => ({ invitation })),
    signInOptions: (_p, _a, { scope }) => ({
      cityAccountLabel: scope.config.oidc?.displayName[scope.locale] ?? null,
      cityAccountPath: scope.config.oidc ? '/auth/oidc/login' : null,
      cityAccountContact: scope.config.oidc?.accessContact ?? null,
    }),
    signInSettings: async (_p, _a, { scope }) => {
      const settings = await signInSettings(scope);
      return {
        passwordForCityAccounts: settings.passwordForCityAccounts,
        cityAccountConfigured: scope.config.oidc !== null,
      };
    },
  },
  Mutation: {
    signIn: async (_p, { input }, ctx) => {
      const result = await signIn(ctx.scope, input);
      if ('challenge' in result) return { viewer: null, secondFactorChallenge: result.challenge };
      return startSession(ctx, result);
    },
    completeSignIn: async (_p, { input }, ctx) =>
      startSession(
        ctx,
        await completeSignIn(ctx.scope, {
          challenge: input.secondFactorChallenge,
          code: input.code,
        }),
      ),
    endSession: async (_p, _a, ctx) => {
      const result = await endSession(ctx.scope, `${ctx.publicOrigin}/sign-in`);
      ctx.clearSessionCookie();
      return result;
    },
    setPasswordSignInForCityAccounts: async (_p, { enabled }, { scope }) => {
      const settings = await setPasswordSignInForCityAccounts(scope, enabled);
      return {
        passwordForCityAccounts: settings.passwordForCityAccounts,
        cityAccountConfigured: scope.config.oidc !== null,
      };
    },
    signOut: async (_p, _a, ctx) => {
      const done = await signOut(ctx.scope);
      ctx.clearSessionCookie();
      return done;
    },
    signOutEverywhere: async (_p, _a, ctx) => {
      const count = await signOutEverywhere(ctx.scope);
      ctx.clearSessionCookie();
      return count;
    },
    createInvitation: async (_p, { input }, { scope }) => {
      const { invitation, token } = await createInvitation(scope, {
        ...input,
        locale: input.locale ? fromGraphQLEnum(input.locale) : undefined,
        systemRole: input.systemRole ? fromGraphQLEnum(input.systemRole) : undefined,
        groups: input.groups?.map((g) => ({
          ...g,
          role: fromGraphQLEnum(g.role),
          sector: fromGraphQLEnum(g.sector),
        })),
      });
      return { invitation: { invitation, token } };
    },
    acceptInvitation: async (_p, { input }, ctx) => {
      const result = await acceptInvitation(ctx.scope, input);
      ctx.setSessionCookie(result.token, result.expiresAt);
      ctx.scope.viewer = result.viewer;
      return { viewer: result.viewer };
    },
    setLocale: (_p, { locale }, { scope }) => setLocale(scope, fromGraphQLEnum<Locale>(locale)),
  },
  Viewer: {
    id: (v) => String(v.person._id),
    person: (v) => v.person,
    locale: (v) => toGraphQLEnum(v.person.locale),
    canInvite: async (v, _a, { scope }) => {
      const process = await findProcess(scope);
      return process ? canAct(v.actor, 'invite', process, { type: 'people' }) : false;
    },
    canManagePeople: async (v, _a, { scope }) => {
      const process = await findProcess(scope);
      return process ? canAct(v.actor, 'managePeople', process, { type: 'people' }) : false;
    },
    canManageBodies: async (v, _a, { scope }) => {
      const process = await findProcess(scope);
      return process ? canAct(v.actor, 'manageBodies', process, { type: 'bodies' }) : false;
    },
    signInMethod: (v) => (v.method === 'oidc' ? 'CITY_ACCOUNT' : 'PASSWORD'),
    secondFactor: (v, _a, { scope }) => secondFactorStatus(scope, v),
    canAdministerPeopleData: async (v, _a, { scope }) => {
      const process = await findProcess(scope);
      return process ? canAct(v.actor, 'managePersonalData', process, { type: 'people' }) : false;
    },
    actionFieldKeysICanManage: async (v, _a, { scope }) => {
      const process = await findProcess(scope);
      return (
        process?.actionFields.map((a) => a.key).filter((key) => coordinates(v.actor, key)) ?? []
      );
    },
  },
  Invitation: {
    id: (p) => String(p.invitation._id),
    email: (p) => p.invitation.email,
    name: (p) => p.invitation.name,
    systemRole: (p) => toGraphQLEnum(p.invitation.systemRole),
    link: (p) => (p.token ? `/invitation/${p.token}` : null),
    expiresAt: (p) => p.invitation.expiresAt,
    acceptedAt: (p) => p.invitation.acceptedAt,
    createdAt: (p) => p.invitation.createdAt,
    invitedBy: (p, _a, { scope }) => scope.loaders.person.load(String(p.invitation.invitedById)),
  },
};
