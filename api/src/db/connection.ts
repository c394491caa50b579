import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a dedicated mongoose connection (not the global default, so two apps can live in one
 * process) with `sanitizeFilter` on, which wraps `$`-keys in client-supplied filter values in
 * `$eq` as a second guard against operator injection.
 */
export async function openConnection(uri: string, dbName: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    sanitizeFilter: true,
    autoIndex: true,
    serverSelectionTimeoutMS: 10_000,
    // Command monitoring feeds the round-trip counter used by tests and the benchmark.
    monitorCommands: true,
  });
  await connection.asPromise();
  return connection;
}

/**
 * Counts database commands sent on a connection while `fn` runs. Used to prove that the
 * dashboard makes a fixed number of round trips.
 */
export async function countCommands<T>(
  connection: Connection,
  fn: () => Promise<T>,
): Promise<{ result: T; commands: string[] }> {
  const commands: string[] = [];
  const client = connection.getClient();
  const listener = (event: { commandName: string }) => {
    commands.push(event.commandName);
  };
  client.on('commandStarted', listener);
  try {
    const result = await fn();
    return { result, commands };
  } finally {
    client.off('commandStarted', listener);
  }
}

/**
 * Marks a filter operator object written by our own code (e.g. `{ $in: ids }`) as trusted.
 * The connection runs with `sanitizeFilter`, which neutralises any operator object that is not
 * marked: a client value can never become an operator.
 */
export function op<T extends object>(operators: T): T {
  return mongoose.trusted(operators);
}
