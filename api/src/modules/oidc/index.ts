/**
 * Sign-in through the city's identity provider (OpenID Connect): the relying party, the HTTP
 * routes (login, callback, back-channel logout) and account linking.
 */
export { createOidcRelyingParty, type OidcRelyingParty } from './oidc.client';
export { registerOidcTransactionModel } from './oidc.model';
export { createOidcRouter, OIDC_PATHS } from './oidc.routes';
