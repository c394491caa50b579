import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const READY = /^LIP_READY api=(http:\/\/127\.0\.0\.1:\d+) collab=(ws:\/\/127\.0\.0\.1:\d+)$/m;

interface Started {
  child: ChildProcess;
  api: string;
  collab: string;
  output: () => string;
}

/** Starts `scripts/start.ts` like the e2e harness does and waits for the LIP_READY line. */
function start(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      COLLAB_PORT: '0',
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      MONGODB_URI: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no LIP_READY within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ child, api: match[1], collab: match[2], output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start.ts exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function signIn(api: string): Promise<string | undefined> {
  const res = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation { signIn(input: { email: "admin@lip.example", password: "Hannover-LIP-demo" }) { viewer { person { name } } } }',
    }),
  });
  const body = (await res.json()) as {
    data?: { signIn: { viewer: { person: { name: string } } } };
  };
  return body.data?.signIn.viewer.person.name;
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds an empty database, prints LIP_READY, stops on SIGTERM and keeps the data for the next start', async () => {
    const first = await start(dataDir);
    expect(first.output()).toContain('seeded the demo workspace');
    expect(await signIn(first.api)).toBe('Miriam Schulte');
    expect((await (await fetch(`${first.api}/healthz`)).json()).database).toBe('ok');
    // The sign-in hint follows the LIP_READY line.
    expect(first.output()).toContain('Password for all demo accounts: Hannover-LIP-demo');
    expect(await stop(first.child)).toBe(0);

    const second = await start(dataDir);
    try {
      expect(second.output()).not.toContain('seeded the demo workspace');
      expect(await signIn(second.api)).toBe('Miriam Schulte');
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 150_000);
});
