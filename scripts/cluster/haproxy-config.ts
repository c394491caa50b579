/** Where HAProxy listens and what it balances over (all on one host for `start:cluster`). */
export interface HaproxyTopology {
  host: string;
  /** The browser's address: the API and the web app, balanced by least connections. */
  apiPort: number;
  /** The collab websocket, balanced by the document path (consistent hashing). */
  collabPort: number;
  /** The collab processes' internal endpoints for the API (loopback only), by document path. */
  collabInternalPort: number;
  apis: { name: string; port: number }[];
  collabs: { name: string; port: number; internalPort: number }[];
}

/**
 * The HAProxy configuration of the scaled-out topology. Collab connections are hashed on the
 * path (`balance uri` without `whole`: the ticket in the query string is ignored) with
 * consistent hashing, so a process that leaves or joins moves only its share of documents; the
 * relay keeps a document correct while it is briefly open on two processes. A refused connection
 * marks its server down at once and the retry goes to another one; health checks every 500 ms
 * bring it back when it answers again.
 */
export function toHaproxyConfig(topology: HaproxyTopology): string {
  // A connection refused by live traffic marks the server down at once (no waiting for two
  // failed checks), so a client reconnecting after a crash is sent to a live process.
  const check = 'check inter 500ms fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down';
  return [
    'global',
    '  maxconn 8000',
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // Open websockets (collab and GraphQL subscriptions) live as long as the page.
    '  timeout tunnel 1h',
    // Each retry may go to another server (HAProxy waits up to 1 s between retries).
    '  option redispatch 1',
    '  retries 2',
    '',
    'frontend api',
    `  bind ${topology.host}:${topology.apiPort}`,
    '  default_backend api',
    '',
    'backend api',
    '  balance leastconn',
    '  option httpchk GET /healthz',
    ...topology.apis.map((api) => `  server ${api.name} 127.0.0.1:${api.port} ${check}`),
    '',
    'frontend collab',
    `  bind ${topology.host}:${topology.collabPort}`,
    '  default_backend collab',
    '',
    'backend collab',
    '  balance uri',
    '  hash-type consistent',
    '  option httpchk GET /healthz',
    ...topology.collabs.map((c) => `  server ${c.name} 127.0.0.1:${c.port} ${check}`),
    '',
    'frontend collab_internal',
    `  bind 127.0.0.1:${topology.collabInternalPort}`,
    '  default_backend collab_internal',
    '',
    'backend collab_internal',
    // `/internal/documents/<id>/…`: depth 3 hashes on the document, whatever follows.
    '  balance uri depth 3',
    '  hash-type consistent',
    // The health check stays on the public port; the internal one answers only signed requests.
    ...topology.collabs.map(
      (c) => `  server ${c.name} 127.0.0.1:${c.internalPort} check port ${c.port} inter 500ms`,
    ),
    '',
  ].join('\n');
}
