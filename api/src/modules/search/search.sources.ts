import type { Types } from 'mongoose';
import type { CommentVisibility } from '@lip/common';
import { canSee, type Actor, type DocumentFacts } from '../../auth/policy';
import { op } from '../../db/connection';
import type { Models } from '../../db/models';
import type { CommentThreadDoc } from '../comment/comment.model';
import type { DocumentDoc } from '../document/document.model';
import type { PersonDoc } from '../person/person.model';
import type { ProcessDoc } from '../process/process.model';
import type { TaskDoc } from '../task/task.model';

/** What a hit is. A new source (e.g. measures) adds its type here and a {@link SearchSource}. */
export type SearchHitType = 'document' | 'comment' | 'task' | 'person';

/** The facts about a task the policy needs. */
export interface TaskFacts {
  actionFieldKey: string;
  assigneeIds: readonly (Types.ObjectId | string)[];
}

/** One searchable text with what the policy and the result list need. */
export interface SearchEntry {
  /** `<type letter>:<id>`, unique in the index. */
  id: string;
  type: SearchHitType;
  /** Id of the thing itself (document, comment, task, person). */
  refId: string;
  title: string;
  text: string;
  processId: string | null;
  /** For documents and comments: the document, whose current facts decide visibility. */
  documentId?: string;
  threadId?: string;
  visibility?: CommentVisibility;
  authorId?: string;
  /** A second line for the result list (the document of a comment, the author). */
  context?: string;
}

/** A row of a source with its entries; `version` (ms) tells the index whether it changed. */
export interface SourceRow {
  /** Key of the row, e.g. `thread:<id>`; its entries are replaced together. */
  key: string;
  /** Changes whenever the row's entries or facts change (e.g. its `updatedAt`). */
  version: string;
  entries: SearchEntry[];
  /** Document facts this row brings (the documents source), kept for the policy. */
  documentFacts?: [string, DocumentFacts];
  taskFacts?: [string, TaskFacts];
}

/** Current facts for the policy at query time. */
export interface FactsLookup {
  document(id: string): DocumentFacts | undefined;
  task(id: string): TaskFacts | undefined;
}

/**
 * A kind of thing the search finds. `load` reads rows changed since a time (all at start);
 * `visible` asks the one access policy with the current facts, at query time.
 */
export interface SearchSource {
  type: SearchHitType;
  load(models: Models, since: Date | null): Promise<SourceRow[]>;
  visible(actor: Actor, process: ProcessDoc, entry: SearchEntry, facts: FactsLookup): boolean;
}

const changedSince = (since: Date | null, ...fields: string[]) =>
  since ? { $or: fields.map((f) => ({ [f]: op({ $gte: since }) })) } : {};

function documentFactsOf(
  d: Pick<DocumentDoc, 'actionFieldKey' | 'groupId' | 'status' | 'sharedWithBodyIds'>,
): DocumentFacts {
  return {
    actionFieldKey: d.actionFieldKey,
    groupId: d.groupId,
    status: d.status,
    sharedWithBodyIds: d.sharedWithBodyIds,
  };
}

/** Documents: title and the text the collab server projects (`contentText`). */
export const documentSource: SearchSource = {
  type: 'document',
  async load(models, since) {
    const rows = await models.Document.find(changedSince(since, 'updatedAt', 'contentUpdatedAt'), {
      contentHtml: 0,
    }).lean<DocumentDoc[]>();
    return rows.map((d) => {
      const id = String(d._id);
      return {
        key: `document:${id}`,
        version: `${d.updatedAt?.getTime() ?? 0}:${d.contentUpdatedAt?.getTime() ?? 0}`,
        documentFacts: [id, documentFactsOf(d)],
        entries: [
          {
            id: `d:${id}`,
            type: 'document',
            refId: id,
            title: d.title,
            // Until the collab server has projected a document, its seed content is its text.
            text: d.contentText ?? textOfProseMirror(d.seedContent),
            processId: String(d.processId),
            documentId: id,
          },
        ],
      };
    });
  },
  visible(actor, process, entry, facts) {
    const document = entry.documentId ? facts.document(entry.documentId) : undefined;
    return !!document && canSee(actor, process, { type: 'document', document });
  },
};

/** Comments: each comment of a thread is its own hit, so the snippet shows the right words. */
export function createCommentSource(names: (personId: string) => string | undefined): SearchSource {
  return {
    type: 'comment',
    async load(models, since) {
      const threads = await models.CommentThread.find(changedSince(since, 'updatedAt')).lean<
        CommentThreadDoc[]
      >();
      const titles = new Map<string, string>();
      const docIds = [...new Set(threads.map((t) => String(t.documentId)))];
      if (docIds.length > 0) {
        const docs = await models.Document.find({ _id: op({ $in: docIds }) }, { title: 1 }).lean<
          Pick<DocumentDoc, '_id' | 'title'>[]
        >();
        for (const d of docs) titles.set(String(d._id), d.title);
      }
      return threads.map((t) => {
        const threadId = String(t._id);
        const documentId = String(t.documentId);
        const authorId = String(t.comments[0]?.authorId ?? '');
        return {
          key: `thread:${threadId}`,
          version: String(t.updatedAt?.getTime() ?? 0),
          entries: t.comments.map((c) => ({
            id: `c:${String(c._id)}`,
            type: 'comment' as const,
            refId: String(c._id),
            title: titles.get(documentId) ?? '',
            text: `${c.body}${t.quote && c === t.comments[0] ? `\n${t.quote}` : ''}`,
            processId: String(t.processId),
            documentId,
            threadId,
            visibility: t.visibility,
            authorId,
            context: names(String(c.authorId)),
          })),
        };
      });
    },
    visible(actor, process, entry, facts) {
      const document = entry.documentId ? facts.document(entry.documentId) : undefined;
      return (
        !!document &&
        canSee(actor, process, {
          type: 'thread',
          document,
          visibility: entry.visibility ?? 'group',
          authorId: entry.authorId ?? '',
        })
      );
    },
  };
}

/** Tasks: title and description. */
export const taskSource: SearchSource = {
  type: 'task',
  async load(models, since) {
    const rows = await models.Task.find(changedSince(since, 'updatedAt', 'createdAt')).lean<
      TaskDoc[]
    >();
    return rows.map((t) => {
      const id = String(t._id);
      return {
        key: `task:${id}`,
        version: String(t.updatedAt?.getTime() ?? 0),
        taskFacts: [id, { actionFieldKey: t.actionFieldKey, assigneeIds: t.assigneeIds }],
        entries: [
          {
            id: `t:${id}`,
            type: 'task',
            refId: id,
            title: t.title,
            text: t.description ?? '',
            processId: String(t.processId),
          },
        ],
      };
    });
  },
  visible(actor, process, entry, facts) {
    const task = facts.task(entry.refId);
    return !!task && canSee(actor, process, { type: 'task', ...task });
  },
};

/**
 * People, by name only: e-mail addresses are not indexed, so the search cannot reveal what the
 * policy's field rules hide from non-managers.
 */
export const personSource: SearchSource = {
  type: 'person',
  async load(models, since) {
    const rows = await models.Person.find(changedSince(since, 'createdAt', 'updatedAt'), {
      name: 1,
      createdAt: 1,
    }).lean<Pick<PersonDoc, '_id' | 'name' | 'createdAt'>[]>();
    return rows.map((p) => {
      const id = String(p._id);
      return {
        key: `person:${id}`,
        version: p.name,
        entries: [
          { id: `p:${id}`, type: 'person', refId: id, title: p.name, text: '', processId: null },
        ],
      };
    });
  },
  visible(actor, process) {
    return canSee(actor, process, { type: 'people' });
  },
};

/** The plain text of ProseMirror JSON (paragraphs on their own lines). */
export function textOfProseMirror(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { text?: unknown; content?: unknown };
  if (typeof n.text === 'string') return n.text;
  if (!Array.isArray(n.content)) return '';
  return n.content
    .map(textOfProseMirror)
    .join(n.content.some((c) => (c as { text?: unknown })?.text !== undefined) ? '' : '\n');
}
