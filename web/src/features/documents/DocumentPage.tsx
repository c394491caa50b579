import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import { readEnv } from '../../app/env';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { toErrorCode } from '../../ui/error-codes';
import { formatDate } from '../../i18n/format';
import { toLocalized } from '../../i18n/localized';
import { NoAccessPage } from '../errors/NoAccessPage';
import {
  CommentsSidebar,
  type PendingSelection,
  type ThreadAnchor,
} from '../comments/CommentsSidebar';
import { TicketError, type IssuedTicket } from '../../editor/collab-connection';
import type { EditorHandle } from '../../editor/CollaborativeEditor';

const CollaborativeEditor = lazy(() => import('../../editor/CollaborativeEditor'));
// Loaded when first opened: most visits to a document never look at its versions.
const VersionsDialog = lazy(() => import('../versions/VersionsDialog'));

const DocumentPageDocument = graphql(`
  query DocumentPage($id: ID!) {
    document(id: $id) {
      id
      title
      kind
      status
      actionFieldKey
      reviewDeadline
      viewerMode
      viewerCanEdit
      viewerCanComment
      group {
        id
        name {
          de
          en
        }
      }
      sharedWith {
        id
        name
      }
    }
  }
`);

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
 * A document: the collaborative editor (loaded on demand, it is the heaviest part of the app),
 * the comments sidebar and a "Versions" dialog (also loaded on demand). Council members get it read-only and can comment; people who may
 * not see it get a clear "no access" page.
 */
export function DocumentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const editorRef = useRef<EditorHandle | null>(null);
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  const [anchors, setAnchors] = useState<ThreadAnchor[]>([]);
  const [params] = useSearchParams();
  // Links from notifications and search: `?thread=` opens a thread, `?passage=` scrolls to text.
  const linkedThreadId = params.get('thread');
  const linkedPassage = params.get('passage');
  const [activeThreadId, setActiveThreadId] = useState<string | null>(linkedThreadId);
  useEffect(() => {
    if (linkedThreadId) setActiveThreadId(linkedThreadId);
  }, [linkedThreadId]);
  useEffect(() => {
    if (linkedThreadId) {
      const anchor = anchors.find((item) => item.id === linkedThreadId)?.anchor;
      if (anchor) editorRef.current?.revealAnchor(anchor);
    }
  }, [linkedThreadId, anchors]);
  useEffect(() => (linkedPassage ? revealPassage(linkedPassage) : undefined), [linkedPassage, id]);
  const [versionsOpen, setVersionsOpen] = useState(false);
  // Stays true after the first opening, so the dialog keeps its state and React Aria can return
  // focus to the button when it closes.
  const [versionsRequested, setVersionsRequested] = useState(false);
  const { data, loading, error } = useQuery(DocumentPageDocument, { variables: { id } });

  const fetchTicket = useCallback(async (): Promise<IssuedTicket> => {
    try {
      const result = await client.mutate({
        mutation: CollabTicketDocument,
        variables: { documentId: id },
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
  }, [client, id]);

  const onSelectionChange = useCallback((hasSelection: boolean) => {
    if (!hasSelection) return;
    const current = editorRef.current?.selectionAnchor();
    if (current) setSelection(current);
  }, []);

  const threads = useMemo(
    () => anchors.map((item) => ({ ...item, active: item.id === activeThreadId })),
    [anchors, activeThreadId],
  );
  const fallbackUrl = useMemo(() => fallbackCollabUrl(), []);

  if (loading && !data) return <Loading />;
  if (error && !data) {
    const code = toErrorCode(error);
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return <NoAccessPage />;
    return <ErrorNotice error={error} />;
  }
  const document = data?.document;
  if (!document) return <NoAccessPage />;

  const lng = i18n.language;
  return (
    <div className="document-page">
      <nav aria-label={t('documents.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('nav.dashboard')}</Link>
          </li>
          <li>
            <Link to={`/action-fields/${document.actionFieldKey}`}>
              {toLocalized(document.group.name, lng)}
            </Link>
          </li>
        </ol>
      </nav>
      <PageTitle>{document.title}</PageTitle>
      <p className="document-page__meta">
        <span className={`badge badge--${document.status.toLowerCase()}`}>
          {t(`documentStatus.${document.status}`)}
        </span>
        <span>{t(`documentKind.${document.kind}`)}</span>
        {document.reviewDeadline ? (
          <span>
            {t('documents.reviewDeadline')}: {formatDate(document.reviewDeadline, lng)}
          </span>
        ) : null}
        {document.sharedWith.length > 0 ? (
          <span>
            {t('documents.sharedWith')}: {document.sharedWith.map((body) => body.name).join(', ')}
          </span>
        ) : null}
        <span>{t(`collabMode.${document.viewerMode}`)}</span>
      </p>
      <div className="document-page__tools">
        <button
          type="button"
          className="button button--small"
          aria-haspopup="dialog"
          onClick={() => {
            setVersionsRequested(true);
            setVersionsOpen(true);
          }}
        >
          {t('versions.open')}
        </button>
      </div>
      {versionsRequested ? (
        <Suspense fallback={<Loading />}>
          <VersionsDialog
            documentId={document.id}
            canEdit={document.viewerMode === 'EDIT'}
            isOpen={versionsOpen}
            onOpenChange={setVersionsOpen}
          />
        </Suspense>
      ) : null}
      <div className="document-page__layout">
        <Suspense fallback={<Loading label={t('editor.loading')} />}>
          <CollaborativeEditor
            key={document.id}
            documentId={document.id}
            label={t('editor.label', { title: document.title })}
            fetchTicket={fetchTicket}
            fallbackUrl={fallbackUrl}
            threads={threads}
            onSelectionChange={onSelectionChange}
            onThreadClick={(threadId) => {
              setActiveThreadId(threadId);
              window.document
                .querySelector(`.comments [data-thread-id="${threadId}"]`)
                ?.scrollIntoView({ block: 'nearest' });
            }}
            handleRef={editorRef}
          />
        </Suspense>
        <CommentsSidebar
          documentId={document.id}
          canComment={document.viewerCanComment}
          canChooseVisibility={document.viewerCanEdit}
          selection={selection}
          activeThreadId={activeThreadId}
          revealThreadId={linkedThreadId}
          onActivate={(threadId) => {
            setActiveThreadId(threadId);
            const anchor = anchors.find((item) => item.id === threadId)?.anchor;
            if (anchor) editorRef.current?.revealAnchor(anchor);
          }}
          onAnchorsChange={setAnchors}
          onCreated={() => setSelection(null)}
        />
      </div>
    </div>
  );
}

/**
 * Scrolls the first occurrence of a passage (a word found by the search) into view once the
 * editor shows the text, and selects it so it stands out. Gives up after 10 s; returns a cleanup.
 */
function revealPassage(passage: string): () => void {
  const needle = passage.toLocaleLowerCase();
  const started = Date.now();
  const timer = window.setInterval(() => {
    const root = window.document.querySelector('.ProseMirror');
    if (Date.now() - started > 10_000) window.clearInterval(timer);
    if (!root) return;
    const walker = window.document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').toLocaleLowerCase().indexOf(needle);
      if (at < 0) continue;
      window.clearInterval(timer);
      const range = window.document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + passage.length);
      node.parentElement?.scrollIntoView({ block: 'center' });
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
  }, 200);
  return () => window.clearInterval(timer);
}
