import type { Resolvers } from '../../graphql/generated/resolvers-types';
import {
  confirmSecondFactorSetup,
  disableSecondFactor,
  regenerateRecoveryCodes,
  resetSecondFactor,
  startSecondFactorSetup,
} from './second-factor.service';

/** Resolvers of the second factor (TOTP). */
export const secondFactorResolvers: Resolvers = {
  Mutation: {
    startSecondFactorSetup: (_p, _a, { scope }) => startSecondFactorSetup(scope),
    confirmSecondFactorSetup: (_p, { input }, { scope }) => confirmSecondFactorSetup(scope, input),
    disableSecondFactor: (_p, { input }, { scope }) => disableSecondFactor(scope, input),
    regenerateRecoveryCodes: (_p, { input }, { scope }) => regenerateRecoveryCodes(scope, input),
    resetSecondFactor: (_p, { input }, { scope }) => resetSecondFactor(scope, input),
  },
};
