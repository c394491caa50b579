import { Suspense, lazy } from 'react';
import { Loading } from '../../ui/Loading';
import { useCollabTicket } from '../../editor/useCollabTicket';

const CollaborativeEditor = lazy(() => import('../../editor/CollaborativeEditor'));

/**
 * The collaborative description of a measure: the same editor as the chapters, on the
 * measure's description document (comments and versions are on the document's own page).
 */
export function DescriptionEditor({ documentId, label }: { documentId: string; label: string }) {
  const { fetchTicket, fallbackUrl } = useCollabTicket(documentId);
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
