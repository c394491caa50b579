import { execFileSync } from 'node:child_process';

/**
 * Fails when generated GraphQL types drift from the schema and operations: regenerates them and
 * asks git whether anything under the generated folders changed.
 */
const generated = ['api/src/graphql/generated', 'web/src/generated'];
execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts'], { stdio: 'inherit' });
const drift = execFileSync('git', ['status', '--porcelain', '--', ...generated], {
  encoding: 'utf8',
});
if (drift.trim()) {
  console.error(
    `Generated GraphQL code is out of date; run \`npm run codegen\` and commit:\n${drift}`,
  );
  process.exit(1);
}
console.log('codegen: generated code matches the schema');
