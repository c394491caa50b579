import { rmSync } from 'node:fs';

/** Stops the engine that `global-setup.ts` started and removes its temporary data folder. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__LIP_TEST_ENGINE__?.stop();
  const dataDir = process.env.LIP_TEST_DATA_DIR;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
