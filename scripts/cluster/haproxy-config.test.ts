import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHaproxyConfig } from './haproxy-config';

const topology = {
  host: '127.0.0.1',
  apiPort: 4000,
  collabPort: 1234,
  collabInternalPort: 1300,
  apis: [
    { name: 'api-0', port: 4100 },
    { name: 'api-1', port: 4101 },
  ],
  collabs: [0, 1, 2].map((i) => ({ name: `collab-${i}`, port: 1240 + i, internalPort: 1250 + i })),
};

describe('the HAProxy configuration of the cluster', () => {
  it('hashes collab documents consistently on the path and balances the API by least connections', () => {
    const config = toHaproxyConfig(topology);
    const backend = (name: string) =>
      config.split(`\nbackend ${name}\n`)[1]?.split('\n\n')[0] ?? '';
    expect(backend('collab')).toMatch(/balance uri\n\s+hash-type consistent/);
    // Without `whole`, the query string (the ticket) does not move a document.
    expect(backend('collab')).not.toContain('whole');
    expect(backend('collab').match(/server collab-\d 127\.0\.0\.1:124\d/g)).toHaveLength(3);
    expect(backend('api')).toContain('balance leastconn');
    expect(backend('api').match(/server api-\d/g)).toHaveLength(2);
  });

  it('is a configuration HAProxy accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lip-haproxy-'));
    const file = join(dir, 'haproxy.cfg');
    writeFileSync(file, toHaproxyConfig(topology));
    expect(() => execFileSync('/usr/sbin/haproxy', ['-c', '-q', '-f', file])).not.toThrow();
  });
});
