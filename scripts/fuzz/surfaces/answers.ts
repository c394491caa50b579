import type { RawResponse } from '../raw-http';

/** How many GraphQL errors in a JSON answer are coded INTERNAL_SERVER_ERROR (0 for non-JSON). */
export function countInternalErrors(body: Buffer | string): number {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (!text.includes('INTERNAL_SERVER_ERROR')) return 0;
  try {
    const parsed = JSON.parse(text) as unknown;
    const answers = Array.isArray(parsed) ? parsed : [parsed];
    let count = 0;
    for (const answer of answers) {
      const errors = (answer as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors;
      if (!Array.isArray(errors)) continue;
      count += errors.filter((error) => error?.extensions?.code === 'INTERNAL_SERVER_ERROR').length;
    }
    return count;
  } catch {
    return 1;
  }
}

/** A one-line summary of an HTTP answer: status, duration and the start of the body. */
export function describeResponse(response: RawResponse): string {
  const body = response.body.toString('utf8').replace(/\s+/g, ' ').slice(0, 600);
  const status = response.status === 0 ? 'no status (connection closed)' : String(response.status);
  return `${status} in ${Math.round(response.durationMs)} ms${response.timedOut ? ' (timed out)' : ''}: ${body}`;
}
