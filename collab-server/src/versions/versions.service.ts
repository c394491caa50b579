import { COLLAB_FRAGMENT } from '@lip/common';
import type { Schema } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { mongo } from 'mongoose';
import * as Y from 'yjs';
import type { CollabDocument } from '../documents/collab-document';
import type { CollabClock } from '../logger';
import { projectContent } from '../persistence/projection';

/** A named version as listed to people (without its state). */
export interface VersionSummary {
  id: string;
  documentId: string;
  label: string;
  createdBy: { personId: string; name: string };
  createdAt: string;
}

interface VersionRecord {
  _id: mongo.ObjectId;
  documentId: string;
  label: string;
  createdBy: { personId: string; name: string };
  createdAt: Date;
  state: mongo.Binary;
  contentText: string;
  contentHtml: string;
}

/** Domain errors of versions; the internal routes map each code to an HTTP status once. */
export class VersionError extends Error {
  constructor(
    readonly code: 'VERSION_NOT_FOUND' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message);
  }
}

const RESTORE_ORIGIN = Symbol('restore');

function toSummary(row: Omit<VersionRecord, 'state'>): VersionSummary {
  return {
    id: row._id.toHexString(),
    documentId: row.documentId,
    label: row.label,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Named versions in `document_versions`: a full Yjs state with who, when and a label. A restore
 * does not replace the live document; it applies the difference between the live content and
 * the version as a new change, so edits made meanwhile by others stay visible in history and
 * nothing arrives out of nowhere for connected clients.
 */
export function createVersionsService(deps: {
  db: mongo.Db;
  schema: Schema;
  clock: CollabClock;
  openDocument: (documentId: string) => Promise<CollabDocument>;
}) {
  const versions = deps.db.collection<VersionRecord>('document_versions');

  async function withDocument<T>(
    documentId: string,
    use: (doc: CollabDocument) => Promise<T> | T,
  ): Promise<T> {
    const doc = await deps.openDocument(documentId);
    const release = doc.hold();
    try {
      return await use(doc);
    } finally {
      release();
    }
  }

  async function findVersion(documentId: string, versionId: string): Promise<VersionRecord> {
    if (!mongo.ObjectId.isValid(versionId)) {
      throw new VersionError('VERSION_NOT_FOUND', 'Version not found / Version nicht gefunden');
    }
    const row = await versions.findOne({ _id: new mongo.ObjectId(versionId), documentId });
    if (!row)
      throw new VersionError('VERSION_NOT_FOUND', 'Version not found / Version nicht gefunden');
    return row;
  }

  return {
    async list(documentId: string): Promise<VersionSummary[]> {
      const rows = await versions
        .find({ documentId }, { projection: { state: 0, contentHtml: 0, contentText: 0 } })
        .sort({ createdAt: -1 })
        .limit(500)
        .toArray();
      return rows.map(toSummary);
    },

    async create(
      documentId: string,
      input: { label: string; personId: string; name: string },
    ): Promise<VersionSummary> {
      const label = input.label.trim();
      if (label.length === 0 || label.length > 200) {
        throw new VersionError(
          'INVALID_INPUT',
          'A version needs a label of 1-200 characters / Eine Version braucht einen Namen (1-200 Zeichen)',
        );
      }
      return withDocument(documentId, async (doc) => {
        const state = Y.encodeStateAsUpdate(doc.ydoc);
        const projection = projectContent(doc.ydoc, deps.schema);
        const row: VersionRecord = {
          _id: new mongo.ObjectId(),
          documentId,
          label,
          createdBy: { personId: input.personId, name: input.name },
          createdAt: new Date(deps.clock.now()),
          state: new mongo.Binary(state),
          contentText: projection.text,
          contentHtml: projection.html,
        };
        await versions.insertOne(row);
        return toSummary(row);
      });
    },

    /** A version read-only: its summary, text, HTML and Yjs state (base64). */
    async view(documentId: string, versionId: string) {
      const row = await findVersion(documentId, versionId);
      return {
        version: toSummary(row),
        text: row.contentText,
        html: row.contentHtml,
        state: Buffer.from(row.state.buffer.subarray(0, row.state.position)).toString('base64'),
      };
    },

    /**
     * Makes the live document's content equal to the version's by applying the difference as
     * one new change (broadcast and stored like any edit).
     */
    async restore(documentId: string, versionId: string): Promise<VersionSummary> {
      const row = await findVersion(documentId, versionId);
      const versionDoc = new Y.Doc();
      try {
        Y.applyUpdate(versionDoc, row.state.buffer.subarray(0, row.state.position));
        const target = yXmlFragmentToProseMirrorRootNode(
          versionDoc.getXmlFragment(COLLAB_FRAGMENT),
          deps.schema,
        );
        await withDocument(documentId, (doc) => {
          doc.ydoc.transact(() => {
            updateYFragment(doc.ydoc, doc.fragment(), target, {
              mapping: new Map(),
              isOMark: new Map(),
            });
          }, RESTORE_ORIGIN);
        });
      } finally {
        versionDoc.destroy();
      }
      return toSummary(row);
    },
  };
}

/** The versions service of one collab server. */
export type VersionsService = ReturnType<typeof createVersionsService>;
