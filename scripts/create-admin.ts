import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { resolveEngine } from '@lip/engine';
import { hashInvitationToken, INVITATION_TTL_MS } from '../api/src/modules/account/account.service';
import { ConfigError, loadConfig } from '../api/src/config';
import { openConnection } from '../api/src/db/connection';
import { registerModels } from '../api/src/db/models';
import { assertSafeForProduction } from '../api/src/production-safety';

/**
 * `npm run create-admin -- --email x@example.org --name "Vorname Name"`: creates the first admin
 * on a production database (MONGODB_URI, or the embedded engine under DATA_DIR) and prints a
 * one-time invitation link; opening it, the person sets their own password. Refuses when the
 * email already has an account.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const email = values.email?.trim().toLowerCase();
  const name = values.name?.trim();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !name || name.length < 2) {
    throw new Error(
      'Usage: npm run create-admin -- --email admin@example.org --name "Vorname Name"',
    );
  }
  const config = loadConfig();
  // The same refusals as the product: in production the link must be the public https address
  // and the database the real one, never an embedded engine started here.
  assertSafeForProduction(config, { warn: (_fields, message) => console.warn(message) });
  const engine = await resolveEngine({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  const connection = await openConnection(engine.uri, config.dbName);
  try {
    const models = registerModels(connection);
    await models.Person.init();
    if (await models.Person.exists({ email })) {
      throw new Error(`An account for ${email} already exists.`);
    }
    const person = await models.Person.create({
      name,
      email,
      systemRole: 'admin',
      status: 'invited',
    });
    const token = randomBytes(24).toString('base64url');
    await models.Invitation.create({
      tokenHash: hashInvitationToken(token),
      email,
      name,
      systemRole: 'admin',
      personId: person._id,
      invitedById: person._id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
    console.log(`Admin ${name} <${email}> created on ${engine.description}.`);
    console.log(`Open this link once to set the password (valid 14 days, shown only now):`);
    console.log(`  ${base.replace(/\/$/, '')}/invitation/${token}`);
  } finally {
    await connection.close();
    await engine.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
