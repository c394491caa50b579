import type { Types } from 'mongoose';
import type { CommentVisibility } from '@lip/common';
import type { DocumentFacts, MeasureFacts, Resource } from '../../auth/policy';
import { op } from '../../db/connection';
import type { Models } from '../../db/models';
import type { CommentThreadDoc } from '../comment/comment.model';
import type { DocumentDoc } from '../document/document.model';
import type { MeasureDoc } from '../measure/measure.model';
import type { PersonDoc } from '../person/person.model';
import type { TaskDoc } from '../task/task.model';
import type { SearchChangeSource } from './search.changes';

/** What a hit is. A new source adds its type here and a {@link SearchSource}. */
export type SearchHitType = 'document' | 'comment' | 'task' | 'person' | 'measure';

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
  /** Indexed title (empty for comments: their document's title is not their text). */
  title: string;
  text: string;
  /** What the result list shows as the title, when it is not `title` (a comment's document). */
  heading?: string;
  processId: string | null;
  /** For documents and comments: the document, whose current facts decide visibility. */
  documentId?: string;
  threadId?: string;
  visibility?: CommentVisibility;
  authorId?: string;
  /** A second line for the result list (the document of a comment, the author). */
  context?: string;
  /** For measures: what the policy needs (replaced with the row whenever the measure changes). */
  measure?: MeasureFacts;
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

/** Which rows to load: everything, rows changed since a time, or the rows with these ids. */
export type SourceQuery = { since: Date | null } | { ids: readonly string[] };

/**
 * A kind of thing the search finds. `load` reads rows (all at start, then the changed ones);
 * `visible` asks the one access policy with the current facts, at query time. `changeKey` names
 * the rows a change-log entry of this source refers to (see `search.changes.ts`).
 */
export interface SearchSource {
  type: SearchHitType;
  changeKey: SearchChangeSource;
  load(models: Models, query: SourceQuery): Promise<SourceRow[]>;
  /** `sees` is the access policy's `canSee` for the viewer in the entry's process. */
  visible(sees: (resource: Resource) => boolean, entry: SearchEntry, facts: FactsLookup): boolean;
}

/**
 * The filter of a {@link SourceQuery}. Ids are asked one by one: FerretDB on SQLite pushes an
 * `_id` equality down to the storage, but not `$in` or a range, which would read the collection.
 */
async function findRows<T>(
  query: SourceQuery,
  fields: string[],
  find: (filter: Record<string, unknown>) => Promise<T[]>,
): Promise<T[]> {
  if ('ids' in query) {
    const rows: T[] = [];
    for (let i = 0; i < query.ids.length; i += 20) {
      const batch = await Promise.all(query.ids.slice(i, i + 20).map((id) => find({ _id: id })));
      for (const found of batch) rows.push(...found);
    }
    return rows;
  }
  const since = query.since;
  return find(since ? { $or: fields.map((f) => ({ [f]: op({ $gte: since }) })) } : {});
}

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
  changeKey: 'document',
  async load(models, query) {
    const rows = await findRows(query, ['updatedAt', 'contentUpdatedAt'], (filter) =>
      models.Document.find(filter, { contentHtml: 0 }).lean<DocumentDoc[]>(),
    );
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
  visible(sees, entry, facts) {
    const document = entry.documentId ? facts.document(entry.documentId) : undefined;
    return !!document && sees({ type: 'document', document });
  },
};

/** Comments: each comment of a thread is its own hit, so the snippet shows the right words. */
export function createCommentSource(
  names: (personId: string) => string | undefined,
  titles: (documentId: string) => string | undefined,
): SearchSource {
  return {
    type: 'comment',
    changeKey: 'thread',
    async load(models, query) {
      const threads = await findRows(query, ['updatedAt'], (filter) =>
        models.CommentThread.find(filter).lean<CommentThreadDoc[]>(),
      );
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
            title: '',
            heading: titles(documentId) ?? '',
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
    visible(sees, entry, facts) {
      const document = entry.documentId ? facts.document(entry.documentId) : undefined;
      return (
        !!document &&
        sees({
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
  changeKey: 'task',
  async load(models, query) {
    const rows = await findRows(query, ['updatedAt', 'createdAt'], (filter) =>
      models.Task.find(filter).lean<TaskDoc[]>(),
    );
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
  visible(sees, entry, facts) {
    const task = facts.task(entry.refId);
    return !!task && sees({ type: 'task', ...task });
  },
};

/**
 * Measures: code and title, and the sheet's texts (goal, starting situation, target groups,
 * districts, leading unit, indicators). The description is a document and found as one.
 */
export const measureSource: SearchSource = {
  type: 'measure',
  changeKey: 'measure',
  async load(models, query) {
    const rows = await findRows(query, ['updatedAt'], (filter) =>
      models.Measure.find(filter, { progress: 0 }).lean<MeasureDoc[]>(),
    );
    return rows.map((m) => {
      const id = String(m._id);
      const text = [
        m.goal,
        m.startingSituation,
        m.targetGroups.join(', '),
        m.districts.join(', '),
        m.leadUnit,
        m.indicators.map((i) => i.name).join(', '),
      ]
        .filter((part) => part.trim() !== '')
        .join('\n');
      return {
        key: `measure:${id}`,
        version: String(m.updatedAt?.getTime() ?? 0),
        entries: [
          {
            id: `m:${id}`,
            type: 'measure',
            refId: id,
            title: `${m.code} ${m.title}`,
            text,
            processId: String(m.processId),
            measure: {
              actionFieldKey: m.actionFieldKey,
              status: m.status,
              leadOrganisationId: m.leadOrganisationId,
            },
          },
        ],
      };
    });
  },
  visible(sees, entry) {
    return !!entry.measure && sees({ type: 'measure', measure: entry.measure });
  },
};

/**
 * People, by name only: e-mail addresses are not indexed, so the search cannot reveal what the
 * policy's field rules hide from non-managers.
 */
export const personSource: SearchSource = {
  type: 'person',
  changeKey: 'person',
  async load(models, query) {
    const rows = await findRows(query, ['createdAt', 'updatedAt'], (filter) =>
      models.Person.find(filter, { name: 1, createdAt: 1, status: 1 }).lean<
        Pick<PersonDoc, '_id' | 'name' | 'createdAt' | 'status'>[]
      >(),
    );
    return rows.map((p) => {
      const id = String(p._id);
      // A deleted account leaves the index (its name is gone; contributions stay searchable).
      if (p.status === 'deleted') return { key: `person:${id}`, version: 'deleted', entries: [] };
      return {
        key: `person:${id}`,
        version: p.name,
        entries: [
          { id: `p:${id}`, type: 'person', refId: id, title: p.name, text: '', processId: null },
        ],
      };
    });
  },
  visible(sees) {
    return sees({ type: 'people' });
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
