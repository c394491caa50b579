import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData } from '../../generated';
import type { CommentVisibility } from '../../generated/graphql';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CommentThread, CommentThread_thread } from './CommentThread';
import { MentionTextarea, mentionIdsIn, type Mention } from './MentionTextarea';

/** The document's comment threads. */
export const DocumentCommentsDocument = graphql(`
  query DocumentComments($documentId: ID!) {
    comments(documentId: $documentId) {
      id
      ...CommentThread_thread
    }
  }
`);

const CommentChangedDocument = graphql(`
  subscription CommentChanged($documentId: ID!) {
    commentChanged(documentId: $documentId) {
      kind
      thread {
        id
        ...CommentThread_thread
      }
    }
  }
`);

const CreateCommentDocument = graphql(`
  mutation CreateComment($input: CreateCommentInput!) {
    createComment(input: $input) {
      thread {
        id
        ...CommentThread_thread
      }
    }
  }
`);

const ReplyToCommentDocument = graphql(`
  mutation ReplyToComment($input: ReplyToCommentInput!) {
    replyToComment(input: $input) {
      thread {
        id
        ...CommentThread_thread
      }
    }
  }
`);

const ResolveCommentDocument = graphql(`
  mutation ResolveComment($threadId: ID!) {
    resolveComment(threadId: $threadId) {
      thread {
        id
        ...CommentThread_thread
      }
    }
  }
`);

const ReopenCommentDocument = graphql(`
  mutation ReopenComment($threadId: ID!) {
    reopenComment(threadId: $threadId) {
      thread {
        id
        ...CommentThread_thread
      }
    }
  }
`);

/** The passage selected in the editor, ready to be commented on. */
export interface PendingSelection {
  anchor: string;
  quote: string;
}

/** An open thread's anchor, for highlighting it in the editor. */
export interface ThreadAnchor {
  id: string;
  anchor: string;
}

/**
 * The comments sidebar: start a thread on the selected passage (group-internal or shared),
 * read threads with replies, resolve and reopen. New comments from others arrive live.
 */
export function CommentsSidebar(props: {
  documentId: string;
  canComment: boolean;
  /** Group members may choose visibility; reviewers always comment shared. */
  canChooseVisibility: boolean;
  selection: PendingSelection | null;
  activeThreadId: string | null;
  /** A thread to open and scroll to once the threads are loaded (from a link). */
  revealThreadId?: string | null;
  onActivate: (threadId: string) => void;
  onAnchorsChange?: (anchors: ThreadAnchor[]) => void;
  onCreated?: () => void;
}) {
  const { t } = useTranslation();
  const { documentId } = props;
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [visibility, setVisibility] = useState<CommentVisibility>(
    props.canChooseVisibility ? 'GROUP' : 'SHARED',
  );
  const [showResolved, setShowResolved] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error, refetch } = useQuery(DocumentCommentsDocument, {
    variables: { documentId },
  });
  useSubscription(CommentChangedDocument, {
    variables: { documentId },
    onData: ({ data: change }) => {
      const kind = change.data?.commentChanged.kind;
      if (kind) setAnnouncement(t(`comments.live.${kind}`));
      void refetch();
    },
  });
  const [createComment, createState] = useMutation(CreateCommentDocument);
  const [replyToComment] = useMutation(ReplyToCommentDocument);
  const [resolveComment] = useMutation(ResolveCommentDocument);
  const [reopenComment] = useMutation(ReopenCommentDocument);

  const threads = (data?.comments ?? []).map((item) => ({
    item,
    thread: getFragmentData(CommentThread_thread, item),
  }));
  const open = threads.filter(({ thread }) => !thread.resolved);
  const resolved = threads.filter(({ thread }) => thread.resolved);
  const { onAnchorsChange } = props;
  const anchors = useMemo(
    () =>
      (data?.comments ?? []).flatMap((item) => {
        const thread = getFragmentData(CommentThread_thread, item);
        return !thread.resolved && thread.anchor ? [{ id: thread.id, anchor: thread.anchor }] : [];
      }),
    [data],
  );
  useEffect(() => {
    onAnchorsChange?.(anchors);
  }, [anchors, onAnchorsChange]);
  const revealed = useRef<string | null>(null);
  const { revealThreadId } = props;
  useEffect(() => {
    if (!data || !revealThreadId || revealed.current === revealThreadId) return;
    const target = data.comments
      .map((item) => getFragmentData(CommentThread_thread, item))
      .find((thread) => thread.id === revealThreadId);
    if (!target) return;
    if (target.resolved && !showResolved) {
      setShowResolved(true);
      return;
    }
    revealed.current = revealThreadId;
    const element = window.document.querySelector<HTMLElement>(
      `.comments [data-thread-id="${CSS.escape(revealThreadId)}"]`,
    );
    element?.scrollIntoView({ block: 'center' });
    element?.querySelector<HTMLElement>('.thread__heading button')?.focus({ preventScroll: true });
  }, [data, revealThreadId, showResolved]);

  const submit = async () => {
    if (!body.trim()) return;
    await createComment({
      variables: {
        input: {
          documentId,
          body: body.trim(),
          anchor: props.selection?.anchor ?? null,
          quote: props.selection?.quote ?? null,
          visibility,
          mentionIds: mentionIdsIn(body, mentions),
        },
      },
    });
    setBody('');
    setMentions([]);
    setAnnouncement(t('comments.created'));
    props.onCreated?.();
    await refetch();
  };

  const onResolve = (threadId: string, resolve: boolean) => {
    const mutation = resolve ? resolveComment : reopenComment;
    mutation({ variables: { threadId } })
      .then(() => {
        setAnnouncement(resolve ? t('comments.resolvedNotice') : t('comments.reopenedNotice'));
        return refetch();
      })
      .catch(() => setAnnouncement(t('errors.UNKNOWN')));
  };

  const renderThread = ({ item, thread }: (typeof threads)[number]) => (
    <li key={thread.id}>
      <CommentThread
        thread={item}
        documentId={documentId}
        active={props.activeThreadId === thread.id}
        onActivate={props.onActivate}
        onReply={(threadId, text, mentionIds) =>
          replyToComment({ variables: { input: { threadId, body: text, mentionIds } } }).then(() =>
            refetch(),
          )
        }
        onResolve={onResolve}
      />
    </li>
  );

  return (
    <aside className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.title')}</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {props.canComment ? (
        <form
          className="form comments__new"
          onSubmit={(event) => {
            event.preventDefault();
            void submit().catch(() => undefined);
          }}
        >
          {props.selection ? (
            <div>
              <p className="muted">{t('comments.onSelection')}</p>
              <blockquote className="thread__quote">{props.selection.quote}</blockquote>
            </div>
          ) : (
            <p className="hint">{t('comments.selectHint')}</p>
          )}
          {createState.error ? <ErrorNotice error={createState.error} /> : null}
          <div className="field">
            <MentionTextarea
              id="new-comment"
              label={t('comments.newLabel')}
              value={body}
              onChange={setBody}
              mentions={mentions}
              onMentionsChange={setMentions}
              documentId={documentId}
              visibility={visibility}
            />
          </div>
          {props.canChooseVisibility ? (
            <fieldset className="segmented">
              <legend>{t('comments.visibility')}</legend>
              {(['GROUP', 'SHARED'] as const).map((option) => (
                <label key={option}>
                  <input
                    type="radio"
                    name="visibility"
                    value={option}
                    checked={visibility === option}
                    onChange={() => setVisibility(option)}
                  />
                  {t(`visibilityChoice.${option}`)}
                </label>
              ))}
            </fieldset>
          ) : (
            <p className="muted">{t('comments.sharedOnly')}</p>
          )}
          <button
            type="submit"
            className="button button--primary"
            disabled={createState.loading || !body.trim()}
          >
            {t('comments.submit')}
          </button>
        </form>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNotice error={error} /> : null}
      {data && open.length === 0 ? <p className="muted">{t('comments.empty')}</p> : null}
      <ul className="comments__list" aria-label={t('comments.openThreads')}>
        {open.map(renderThread)}
      </ul>
      {resolved.length > 0 ? (
        <div>
          <button
            type="button"
            className="link-button"
            aria-expanded={showResolved}
            onClick={() => setShowResolved((value) => !value)}
          >
            {t('comments.showResolved', { count: resolved.length })}
          </button>
          {showResolved ? (
            <ul className="comments__list" aria-label={t('comments.resolvedThreads')}>
              {resolved.map(renderThread)}
            </ul>
          ) : null}
        </div>
      ) : null}
    </aside>
  );
}
