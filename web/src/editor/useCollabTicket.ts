import { useCallback, useMemo } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { graphql } from '../generated';
import { readEnv } from '../app/env';
import { toErrorCode } from '../ui/error-codes';
import { TicketError, type IssuedTicket } from './collab-connection';

const CollabTicketDocument = graphql(`
  mutation CollabTicket($documentId: ID!) {
    collabTicket(documentId: $documentId) {
      ticket
      url
      mode
    }
  }
`);

/** The collab server address when the API does not name one: the configured one, else port 1234. */
function fallbackCollabUrl(): string {
  const configured = readEnv().collabUrl;
  if (configured) return configured;
  const { protocol, hostname } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${hostname}:1234`;
}

/**
 * What the collaborative editor needs to connect to a document: a function that asks the API for
 * a fresh ticket (mapping refusals to "no access" and "signed out", anything else to a retry)
 * and the websocket address to use when the API names none.
 */
export function useCollabTicket(documentId: string): {
  fetchTicket: () => Promise<IssuedTicket>;
  fallbackUrl: string;
} {
  const client = useApolloClient();
  const fetchTicket = useCallback(async (): Promise<IssuedTicket> => {
    try {
      const result = await client.mutate({
        mutation: CollabTicketDocument,
        variables: { documentId },
      });
      const issued = result.data?.collabTicket;
      if (!issued) throw new TicketError('transient', 'no ticket');
      return { ticket: issued.ticket, url: issued.url };
    } catch (caught) {
      if (caught instanceof TicketError) throw caught;
      const code = toErrorCode(caught);
      if (code === 'FORBIDDEN' || code === 'NOT_FOUND') throw new TicketError('no-access', code);
      if (code === 'UNAUTHENTICATED') throw new TicketError('signed-out', code);
      throw new TicketError('transient', code);
    }
  }, [client, documentId]);
  const fallbackUrl = useMemo(() => fallbackCollabUrl(), []);
  return { fetchTicket, fallbackUrl };
}
