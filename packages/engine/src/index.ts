export {
  resolveEngine,
  redactUri,
  findFreePort,
  repoRoot,
  defaultFerretdbBin,
  EngineUnavailableError,
  type Engine,
  type EngineKind,
  type EngineOptions,
} from './engine';
