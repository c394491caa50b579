export * from './vocabulary';
export * from './collab';
export * from './ticket';
export * from './editor-schema';
export * from './error-codes';
export * from './activity';
