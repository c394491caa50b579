import { createCollabServer } from '../collab-server/src/server';

/** A real collab server of a test, listening on free ports. */
export interface TestCollab {
  port: number;
  internalPort: number;
  close(): Promise<void>;
}

/**
 * Starts the collab server on a test's database (both listeners on port 0), so API tests read
 * document content and take versions through its real internal endpoints.
 */
export async function startTestCollab(database: {
  uri: string;
  dbName: string;
  secret: string;
}): Promise<TestCollab> {
  const collab = createCollabServer({
    database: { mongoUri: database.uri, dbName: database.dbName },
    secret: database.secret,
  });
  const bound = await collab.listen(0, '127.0.0.1', { port: 0 });
  return { ...bound, close: () => collab.close() };
}
