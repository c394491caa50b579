/** Stops the engine that `global-setup.ts` started. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__LIP_TEST_ENGINE__?.stop();
}
