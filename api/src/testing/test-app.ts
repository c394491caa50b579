import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCollab } from '../../../jest/collab';
import { testDatabase } from '../../../jest/database';
import { createApp, type App, type AppOptions } from '../app';
import { loadConfig } from '../config';
import { createLoaders } from '../loaders';
import type { PersonDoc } from '../modules/person/person.model';
import { toActor, type RequestScope } from '../scope';
import { DEMO_PASSWORD } from '../modules/seed/seed.data';
import { seedDemoWorkspace } from '../modules/seed/seed';

/** A GraphQL response as a test sees it. */
export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; reason?: string; fields?: unknown; [key: string]: unknown };
  }[];
}

/**
 * The untyped shape of a response in tests: assertions check it, not the compiler.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are verified by expect(), and typing every test query would add nothing
type Loose = any;

/** A signed-in (or anonymous) HTTP client with its own cookie jar. */
export interface TestClient {
  gql<T = Record<string, Loose>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>>;
  cookie: string | undefined;
}

/** A running API on a private database of the jest run's engine, seeded with the demo workspace. */
export interface TestApp {
  app: App;
  url: string;
  /** Signs in a demo account (password `Hannover-LIP-demo`). */
  signIn(email: string): Promise<TestClient>;
  anonymous(): TestClient;
  /** Id of a person by email. */
  personId(email: string): Promise<string>;
  /** A request scope for calling services directly as the given person (fresh loaders). */
  scopeFor(email: string): Promise<RequestScope>;
  close(): Promise<void>;
}

/**
 * Starts a real API (port 0) on a fresh database of the test engine and seeds it. Each call is
 * independent, so a test file can run two apps side by side.
 */
export async function startTestApp(
  testFile: string,
  options: {
    seed?: boolean;
    /** Extra environment, e.g. `SMTP_URL` of a test SMTP server, NODE_ENV or TRUST_PROXY. */
    env?: Record<string, string>;
    /** Extra app options, e.g. short mail retry timings. */
    app?: Partial<Omit<AppOptions, 'config' | 'mongodbUri'>>;
    /** Another app whose database this one shares, like a second API process (not seeded). */
    sameDatabaseAs?: TestApp;
    /** Use this database (e.g. to run a second app on the first one's data; not seeded). */
    dbName?: string;
    /** Serve this built web app. */
    webDistDir?: string;
    /**
     * Also run a real collab server on the same database (ports 0), for tests that read
     * document content or take versions through its internal endpoints.
     */
    collab?: boolean;
  } = {},
): Promise<TestApp> {
  const own = testDatabase(testFile);
  const uri = own.uri;
  const shared = options.sameDatabaseAs?.app.deps.config.dbName ?? options.dbName;
  const dbName = shared ?? own.dbName;
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-api-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    MONGODB_DB: dbName,
    // Most tests act as the demo admin and coordinator with a password; the second-factor tests
    // switch the requirement on (SECOND_FACTOR_ROLES=admin,coordinator is the product default).
    SECOND_FACTOR_ROLES: 'none',
    ...options.env,
  });
  const app = await createApp({
    config,
    mongodbUri: uri,
    log: () => undefined,
    mailPollMs: 1000,
    searchCatchUpMs: 1000,
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
    ...options.app,
  });
  if (options.seed !== false && !shared) await seedDemoWorkspace(app.deps.models);
  const collab = options.collab
    ? await startTestCollab({ uri, dbName, secret: app.deps.secrets.collabSecret })
    : undefined;
  if (collab) {
    app.deps.config.collabPort = collab.port;
    app.deps.config.collabInternalPort = collab.internalPort;
    app.deps.config.collabInternalUrl = `http://127.0.0.1:${collab.internalPort}`;
  }
  const port = await app.start(0);
  const url = `http://127.0.0.1:${port}`;

  const client = (initialCookie?: string): TestClient => {
    const c: TestClient = {
      cookie: initialCookie,
      async gql(query, variables) {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(c.cookie ? { cookie: c.cookie } : {}),
          },
          body: JSON.stringify({ query, variables }),
        });
        const setCookie = res.headers.get('set-cookie');
        if (setCookie) c.cookie = setCookie.split(';')[0];
        return (await res.json()) as GqlResult<never>;
      },
    };
    return c;
  };

  return {
    app,
    url,
    anonymous: () => client(),
    async signIn(email) {
      const c = client();
      const result = await c.gql(
        'mutation SignIn($input: SignInInput!) { signIn(input: $input) { viewer { id } } }',
        { input: { email, password: DEMO_PASSWORD } },
      );
      if (result.errors)
        throw new Error(`sign-in failed for ${email}: ${result.errors[0]?.message}`);
      return c;
    },
    async personId(email) {
      const person = await app.deps.models.Person.findOne({ email }).lean();
      if (!person) throw new Error(`no person ${email}`);
      return String(person._id);
    },
    async scopeFor(email) {
      const person = await app.deps.models.Person.findOne({ email }).lean<PersonDoc>();
      if (!person) throw new Error(`no person ${email}`);
      return {
        ...app.deps,
        viewer: { person, sessionId: 'test-session', actor: toActor(person) },
        locale: person.locale,
        loaders: createLoaders(app.deps.models),
        clientAddress: '127.0.0.1',
        userAgent: 'jest',
      };
    },
    async close() {
      await collab?.close();
      if (!options.sameDatabaseAs) await app.deps.connection.dropDatabase();
      await app.stop();
    },
  };
}

/** The GraphQL error code of the first error, for assertions. */
export function errorCode(result: GqlResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
