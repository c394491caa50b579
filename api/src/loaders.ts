import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import type { CommentVisibility } from '@lip/common';
import type { InvitationDoc } from './auth/auth.model';
import { op } from './db/connection';
import type { Models } from './db/models';
import { DOCUMENT_LIST_PROJECTION, type DocumentDoc } from './modules/document/document.model';
import type { OrganisationDoc } from './modules/organisation/organisation.model';
import type { PersonDoc } from './modules/person/person.model';
import type { ProcessDoc } from './modules/process/process.model';
import type { TaskDoc } from './modules/task/task.model';
import { createReviewLoaders } from './modules/review/review.loaders';

const PERSON_PROJECTION = { passwordHash: 0 } as const;

/**
 * Per-request DataLoaders: each batches the lookups of one tick into a single `$in` query and
 * caches for the rest of the request. Built fresh per request so nothing leaks between viewers.
 */
export function createLoaders(models: Models) {
  const byId = <T extends { _id: Types.ObjectId }>(
    fetch: (ids: Types.ObjectId[]) => Promise<T[]>,
  ) =>
    new DataLoader<string, T | null>(async (keys) => {
      const ids = keys.filter((k) => Types.ObjectId.isValid(k)).map((k) => new Types.ObjectId(k));
      const rows = await fetch(ids);
      const map = new Map(rows.map((row) => [String(row._id), row]));
      return keys.map((k) => map.get(k) ?? null);
    });

  const process = byId<ProcessDoc>((ids) =>
    models.Process.find({ _id: op({ $in: ids }) }).lean<ProcessDoc[]>(),
  );
  let current: Promise<ProcessDoc | null> | undefined;

  return {
    process,
    /** The most recently created process (the "current" one), cached per request. */
    currentProcess(): Promise<ProcessDoc | null> {
      current ??= models.Process.findOne({})
        .sort({ createdAt: -1 })
        .lean<ProcessDoc>()
        .then((doc) => {
          if (doc) process.prime(String(doc._id), doc);
          return doc ?? null;
        });
      return current;
    },
    person: byId<PersonDoc>((ids) =>
      models.Person.find({ _id: op({ $in: ids }) }, PERSON_PROJECTION).lean<PersonDoc[]>(),
    ),
    /** Whether a person has a password (the hash itself never leaves the account module). */
    hasPassword: new DataLoader<string, boolean>(async (keys) => {
      const ids = keys.filter((k) => Types.ObjectId.isValid(k)).map((k) => new Types.ObjectId(k));
      const rows = await models.Person.find(
        { _id: op({ $in: ids }), passwordHash: op({ $ne: null }) },
        { _id: 1 },
      ).lean<{ _id: Types.ObjectId }[]>();
      const withPassword = new Set(rows.map((row) => String(row._id)));
      return keys.map((k) => withPassword.has(k));
    }),
    organisation: byId<OrganisationDoc>((ids) =>
      models.Organisation.find({ _id: op({ $in: ids }) }).lean<OrganisationDoc[]>(),
    ),
    task: byId<TaskDoc>((ids) => models.Task.find({ _id: op({ $in: ids }) }).lean<TaskDoc[]>()),
    /** Documents without content fields (use the service for the full text). */
    document: byId<DocumentDoc>((ids) =>
      models.Document.find({ _id: op({ $in: ids }) }, DOCUMENT_LIST_PROJECTION).lean<
        DocumentDoc[]
      >(),
    ),
    /** Open (not accepted, not expired) invitations per invited person id. */
    openInvitations: new DataLoader<string, InvitationDoc[]>(async (keys) => {
      const ids = keys.filter((k) => Types.ObjectId.isValid(k)).map((k) => new Types.ObjectId(k));
      const rows = await models.Invitation.find({
        personId: op({ $in: ids }),
        acceptedAt: null,
        expiresAt: op({ $gt: new Date() }),
      }).lean<InvitationDoc[]>();
      return keys.map((k) => rows.filter((row) => String(row.personId) === k));
    }),
    /** Number of comment threads per document id, by visibility (the policy decides which count). */
    commentCounts: new DataLoader<string, Record<CommentVisibility, number>>(async (keys) => {
      const ids = keys.map((k) => new Types.ObjectId(k));
      const rows = await models.CommentThread.aggregate<{
        _id: { documentId: Types.ObjectId; visibility: CommentVisibility };
        n: number;
      }>([
        { $match: { documentId: { $in: ids } } },
        {
          $group: { _id: { documentId: '$documentId', visibility: '$visibility' }, n: { $sum: 1 } },
        },
      ]);
      const map = new Map<string, Record<CommentVisibility, number>>();
      for (const row of rows) {
        const key = String(row._id.documentId);
        const counts = map.get(key) ?? { group: 0, shared: 0 };
        counts[row._id.visibility] += row.n;
        map.set(key, counts);
      }
      return keys.map((k) => map.get(k) ?? { group: 0, shared: 0 });
    }),
    /** Active members of each organisation id, sorted by name (one query per batch). */
    organisationMembers: new DataLoader<string, PersonDoc[]>(async (keys) => {
      const ids = keys.filter((k) => Types.ObjectId.isValid(k)).map((k) => new Types.ObjectId(k));
      const rows = await models.Person.find(
        { organisationId: op({ $in: ids }), status: 'active' },
        PERSON_PROJECTION,
      )
        .sort({ name: 1 })
        .lean<PersonDoc[]>();
      const map = new Map<string, PersonDoc[]>();
      for (const row of rows) {
        const key = String(row.organisationId);
        map.set(key, [...(map.get(key) ?? []), row]);
      }
      return keys.map((k) => map.get(k) ?? []);
    }),
    /** The projection fields of documents (text, HTML, time), read only when a client asks. */
    documentContent: new DataLoader<
      string,
      Pick<DocumentDoc, 'contentText' | 'contentHtml' | 'contentUpdatedAt'>
    >(async (keys) => {
      const ids = keys.filter((k) => Types.ObjectId.isValid(k)).map((k) => new Types.ObjectId(k));
      const rows = await models.Document.find(
        { _id: op({ $in: ids }) },
        { contentText: 1, contentHtml: 1, contentUpdatedAt: 1 },
      ).lean<DocumentDoc[]>();
      const map = new Map(rows.map((row) => [String(row._id), row]));
      return keys.map((k) => {
        const row = map.get(k);
        return {
          contentText: row?.contentText ?? null,
          contentHtml: row?.contentHtml ?? null,
          contentUpdatedAt: row?.contentUpdatedAt ?? null,
        };
      });
    }),
    /** Rounds, statements, remarks, responses and decisions, batched per request. */
    review: createReviewLoaders(models),
  };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
