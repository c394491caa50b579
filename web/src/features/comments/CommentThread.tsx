import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { formatDateTime } from '../../i18n/format';
import { MentionTextarea, mentionIdsIn, type Mention } from './MentionTextarea';

/** A thread as the sidebar shows it. */
export const CommentThread_thread = graphql(`
  fragment CommentThread_thread on CommentThread {
    id
    anchor
    quote
    visibility
    resolved
    resolvedAt
    resolvedBy {
      id
      name
    }
    viewerCanReply
    viewerCanResolve
    createdAt
    comments {
      id
      body
      createdAt
      author {
        id
        name
      }
      organisation {
        id
        name
      }
      onBehalfOf {
        id
        name
      }
    }
  }
`);

/**
 * One comment thread: the quoted passage, the comments with author, the body they wrote for and
 * their organisation, a reply
 * field, and resolve/reopen when the viewer may.
 */
export function CommentThread(props: {
  thread: FragmentType<typeof CommentThread_thread>;
  documentId: string;
  active: boolean;
  onActivate: (threadId: string) => void;
  onReply: (threadId: string, body: string, mentionIds: string[]) => Promise<unknown>;
  onResolve: (threadId: string, resolved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const thread = getFragmentData(CommentThread_thread, props.thread);
  const [reply, setReply] = useState('');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [sending, setSending] = useState(false);
  const first = thread.comments[0];
  const headingId = `thread-${thread.id}`;
  return (
    <article
      className={`thread${thread.resolved ? ' thread--resolved' : ''}${props.active ? ' thread--active' : ''}`}
      aria-labelledby={headingId}
      data-thread-id={thread.id}
    >
      <h3 id={headingId} className="thread__heading">
        <button type="button" className="link-button" onClick={() => props.onActivate(thread.id)}>
          {first ? t('comments.threadBy', { name: first.author.name }) : t('comments.thread')}
        </button>
        <span className={`badge badge--${thread.visibility.toLowerCase()}`}>
          {t(`visibility.${thread.visibility}`)}
        </span>
        {thread.resolved ? (
          <span className="badge badge--accepted">{t('comments.resolved')}</span>
        ) : null}
      </h3>
      {thread.quote ? <blockquote className="thread__quote">{thread.quote}</blockquote> : null}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment__meta">
              <strong>{comment.author.name}</strong>
              {comment.onBehalfOf ? (
                <span> · {t('comments.onBehalfOf', { body: comment.onBehalfOf.name })}</span>
              ) : comment.organisation ? (
                <span> · {comment.organisation.name}</span>
              ) : null}{' '}
              <time dateTime={comment.createdAt}>
                {formatDateTime(comment.createdAt, i18n.language)}
              </time>
            </p>
            <p className="comment__body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {thread.viewerCanReply && !thread.resolved ? (
        <form
          className="thread__reply"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reply.trim()) return;
            setSending(true);
            props
              .onReply(thread.id, reply.trim(), mentionIdsIn(reply, mentions))
              .then(() => {
                setReply('');
                setMentions([]);
              })
              .catch(() => undefined)
              .finally(() => setSending(false));
          }}
        >
          <MentionTextarea
            id={`reply-${thread.id}`}
            label={t('comments.replyLabel')}
            labelHidden
            rows={2}
            value={reply}
            placeholder={t('comments.replyPlaceholder')}
            onChange={setReply}
            mentions={mentions}
            onMentionsChange={setMentions}
            documentId={props.documentId}
            visibility={thread.visibility}
          />
          <button
            type="submit"
            className="button button--small"
            disabled={sending || !reply.trim()}
          >
            {t('comments.reply')}
          </button>
        </form>
      ) : null}
      {thread.viewerCanResolve ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => props.onResolve(thread.id, !thread.resolved)}
        >
          {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
        </button>
      ) : null}
    </article>
  );
}
