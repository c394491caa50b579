// Loaded by index.html before the app. The Content Security Policy forbids eval; without this
// zod (in @lip/common) probes `Function('')` while building its schemas, which the browser
// reports as a violation. zod reads its configuration from this global when it loads.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
