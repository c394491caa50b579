import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { toErrorCode } from '../../ui/error-codes';
import { formatDate } from '../../i18n/format';
import { toLocalized } from '../../i18n/localized';
import { NoAccessPage } from '../errors/NoAccessPage';
import { RenameDocumentDialog } from './RenameDocumentDialog';
import { documentPageTexts } from './documents.texts';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import {
  CommentsSidebar,
  type PendingSelection,
  type ThreadAnchor,
} from '../comments/CommentsSidebar';
import type { EditorHandle } from '../../editor/CollaborativeEditor';
import { useCollabTicket } from '../../editor/useCollabTicket';
import { useOptionalViewer } from '../../app/session';

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
      reviewRounds {
        id
        number
        title
        status
      }
    }
  }
`);

const MarkDocumentSeenDocument = graphql(`
  mutation MarkDocumentSeen($documentId: ID!) {
    markDocumentSeen(documentId: $documentId) {
      seenAt
    }
  }
`);

/**
 * A document: the collaborative editor (loaded on demand, it is the heaviest part of the app),
 * the comments sidebar and a "Versions" dialog (also loaded on demand). Council members get it read-only and can comment; people who may
 * not see it get a clear "no access" page.
 */
export function DocumentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
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
  const [renaming, setRenaming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const pageTexts = useFeatureTranslation(documentPageTexts);
  const { data, loading, error } = useQuery(DocumentPageDocument, { variables: { id } });
  const [markSeen] = useMutation(MarkDocumentSeenDocument);
  const visible = Boolean(data?.document);

  // Opening and leaving the page both count as having looked, so comments read here are not
  // announced as new on the start page.
  useEffect(() => {
    if (!visible) return;
    const mark = () => void markSeen({ variables: { documentId: id } }).catch(() => undefined);
    mark();
    return mark;
  }, [id, visible, markSeen]);
  const viewer = useOptionalViewer();

  const { fetchTicket, fallbackUrl } = useCollabTicket(id);

  const onSelectionChange = useCallback((hasSelection: boolean) => {
    if (!hasSelection) return;
    const current = editorRef.current?.selectionAnchor();
    if (current) setSelection(current);
  }, []);

  const threads = useMemo(
    () => anchors.map((item) => ({ ...item, active: item.id === activeThreadId })),
    [anchors, activeThreadId],
  );

  if (loading && !data) return <Loading />;
  if (error && !data) {
    const code = toErrorCode(error);
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return <NoAccessPage />;
    return <ErrorNotice error={error} />;
  }
  const document = data?.document;
  if (!document) return <NoAccessPage />;

  const lng = i18n.language;
  const role = viewer?.person.systemRole;
  const canStartRound =
    (role === 'ADMIN' || role === 'COORDINATOR') &&
    (document.status === 'DRAFT' || document.status === 'RETURNED') &&
    document.kind !== 'MINUTES' &&
    document.kind !== 'STATEMENT';
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
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="document-page__meta">
        <span className={`badge badge--${document.status.toLowerCase()}`}>
          {t(`documentStatus.${document.status}`)}
        </span>
        <span>{t(`documentKind.${document.kind}`)}</span>
        {document.reviewDeadline ? (
          <span>
            {t('documents.reviewDeadline')}: {formatDate(document.reviewDeadline, lng)}
          </span>
        ) : null}
        <span>{t(`collabMode.${document.viewerMode}`)}</span>
        {document.sharedWith.length > 0 ? (
          // Fourteen bodies would push the text off a phone's first screen: names on demand.
          <details className="document-page__shared">
            <summary>
              {pageTexts.t('sharedWithCount', { count: document.sharedWith.length })}
            </summary>
            <p>{document.sharedWith.map((body) => body.name).join(', ')}</p>
          </details>
        ) : null}
      </div>
      {document.reviewRounds.length > 0 ? (
        <p className="document-page__meta">
          <span>{t('documents.reviewRounds')}:</span>
          {document.reviewRounds.map((round) => (
            <Link key={round.id} to={`/review/rounds/${round.id}`}>
              {t('documents.reviewRound', {
                number: round.number,
                title: round.title,
                status: t(`reviewRoundStatus.${round.status}`),
              })}
            </Link>
          ))}
        </p>
      ) : null}
      <div className="document-page__tools">
        {document.viewerCanEdit ? (
          <button
            type="button"
            className="button button--small"
            aria-haspopup="dialog"
            onClick={() => setRenaming(true)}
          >
            {pageTexts.t('rename')}
          </button>
        ) : null}
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
        {canStartRound ? (
          <Link className="button button--small" to={`/review?new=${document.id}`}>
            {t('documents.startRound')}
          </Link>
        ) : null}
      </div>
      {renaming ? (
        <RenameDocumentDialog
          documentId={document.id}
          title={document.title}
          onOpenChange={setRenaming}
          onRenamed={(title) => setAnnouncement(pageTexts.t('renamed', { title }))}
        />
      ) : null}
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
