import { createHash, randomBytes } from 'node:crypto';

/**
 * The engine URI of this jest run and a database name unique to the calling test file, so test
 * files never see each other's data. Drop the database in `afterAll`.
 */
export function testDatabase(testFile: string): { uri: string; dbName: string } {
  const uri = process.env.LIP_TEST_MONGODB_URI;
  if (!uri)
    throw new Error('LIP_TEST_MONGODB_URI is not set: run tests through jest (global-setup).');
  const fileHash = createHash('sha1').update(testFile).digest('hex').slice(0, 8);
  return { uri, dbName: `t_${fileHash}_${randomBytes(3).toString('hex')}` };
}
