import type { CommentThreadDoc } from './comment.model';

/** A comment change event, published on `Topics.commentChanged` and delivered to subscribers. */
export interface CommentChangeEvent {
  kind: 'CREATED' | 'REPLIED' | 'RESOLVED' | 'REOPENED';
  thread: CommentThreadDoc;
}
