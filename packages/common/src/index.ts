export * from './vocabulary';
export * from './collab';
export * from './ticket';
export * from './editor-schema';
export * from './revocation';
export * from './collab-internal';
export * from './error-codes';
export * from './activity';
