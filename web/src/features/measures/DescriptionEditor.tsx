import { Suspense, lazy, useCallback, useMemo } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { graphql } from '../../generated';
import { readEnv } from '../../app/env';
import { Loading } from '../../ui/Loading';
import { toErrorCode } from '../../ui/error-codes';
import { TicketError, type IssuedTicket } from '../../editor/collab-connection';

const CollaborativeEditor = lazy(() => import('../../editor/CollaborativeEditor'));

const DescriptionTicketDocument = graphql(`
  mutation MeasureDescriptionTicket($documentId: ID!) {
    collabTicket(documentId: $documentId) {
      ticket
      url
      mode
    }
  }
`);

function fallbackCollabUrl(): string {
  const configured = readEnv().collabUrl;
  if (configured) return configured;
  const { protocol, hostname } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${hostname}:1234`;
}

/**
 * The collaborative description of a measure: the same editor as the chapters, on the
 * measure's description document (comments and versions are on the document's own page).
 */
export function DescriptionEditor({ documentId, label }: { documentId: string; label: string }) {
  const client = useApolloClient();
  const fetchTicket = useCallback(async (): Promise<IssuedTicket> => {
    try {
      const result = await client.mutate({
        mutation: DescriptionTicketDocument,
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
  return (
    <Suspense fallback={<Loading />}>
      <CollaborativeEditor
        key={documentId}
        documentId={documentId}
        label={label}
        fetchTicket={fetchTicket}
        fallbackUrl={fallbackUrl}
        threads={[]}
      />
    </Suspense>
  );
}
