import {
  COLLAB_FRAGMENT,
  type VersionContent,
  type VersionSummary,
  type VersionView,
} from '@lip/common';
import type { Schema } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { mongo } from 'mongoose';
import * as Y from 'yjs';
import type { CollabDocument } from '../documents/collab-document';
import type { CollabClock } from '../logger';
import { projectContent, toDocumentContent } from '../persistence/projection';
import { createVersionStore, type VersionHeader } from './version-store';
import { VersionError } from './versions.errors';

/** What versions need of a live document: its Yjs doc, held in memory while in use. */
export type LiveDocument = Pick<CollabDocument, 'ydoc' | 'hold' | 'fragment'>;

const RESTORE_ORIGIN = Symbol('restore');

function toSummary(header: VersionHeader): VersionSummary {
  return {
    id: header._id.toHexString(),
    documentId: header.documentId,
    label: header.label,
    createdBy: header.createdBy,
    createdAt: header.createdAt.toISOString(),
  };
}

/**
 * Named versions: a full Yjs state with who, when and a label, stored in chunks (see
 * `createVersionStore`). A restore does not replace the live document; it applies the
 * difference between the live content and the version as a new change, so edits made
 * meanwhile by others stay visible in history and nothing arrives out of nowhere for connected
 * clients. Text and HTML of a version are rendered from its state when it is viewed.
 */
export function createVersionsService(deps: {
  db: mongo.Db;
  schema: Schema;
  clock: CollabClock;
  openDocument: (documentId: string) => Promise<LiveDocument>;
  /** Size of one stored chunk of a version's state (tests use small chunks). */
  chunkBytes?: number;
}) {
  const store = createVersionStore(
    deps.db,
    deps.chunkBytes === undefined ? {} : { chunkBytes: deps.chunkBytes },
  );

  async function withDocument<T>(
    documentId: string,
    use: (doc: LiveDocument) => Promise<T> | T,
  ): Promise<T> {
    const doc = await deps.openDocument(documentId);
    const release = doc.hold();
    try {
      return await use(doc);
    } finally {
      release();
    }
  }

  /** Runs `use` with the version's state as a Y.Doc, destroyed afterwards. */
  async function withVersionDoc<T>(
    documentId: string,
    versionId: string,
    use: (versionDoc: Y.Doc, header: VersionHeader, state: Uint8Array) => Promise<T> | T,
  ): Promise<T> {
    const { header, state } = await store.read(documentId, versionId);
    const versionDoc = new Y.Doc();
    try {
      Y.applyUpdate(versionDoc, state);
      return await use(versionDoc, header, state);
    } finally {
      versionDoc.destroy();
    }
  }

  return {
    /** Creates the indexes and removes chunks left over from failed writes; call once. */
    async prepare(): Promise<void> {
      await store.ensureIndexes();
      await store.removeOrphanedChunks(deps.clock.now());
    },

    async list(documentId: string): Promise<VersionSummary[]> {
      return (await store.list(documentId)).map(toSummary);
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
      const state = await withDocument(documentId, (doc) => Y.encodeStateAsUpdate(doc.ydoc));
      const header = await store.insert(
        {
          _id: new mongo.ObjectId(),
          documentId,
          label,
          createdBy: { personId: input.personId, name: input.name },
          createdAt: new Date(deps.clock.now()),
        },
        state,
      );
      return toSummary(header);
    },

    /** A version read-only: its summary, text, HTML and Yjs state (base64). */
    async view(documentId: string, versionId: string): Promise<VersionView> {
      return withVersionDoc(documentId, versionId, (versionDoc, header, state) => {
        const projection = projectContent(versionDoc, deps.schema);
        return {
          version: toSummary(header),
          text: projection.text,
          html: projection.html,
          state: Buffer.from(state.buffer, state.byteOffset, state.byteLength).toString('base64'),
        };
      });
    },

    /** A version's content as ProseMirror JSON, text and HTML, with its summary. */
    async content(documentId: string, versionId: string): Promise<VersionContent> {
      return withVersionDoc(documentId, versionId, (versionDoc, header) => ({
        version: toSummary(header),
        ...toDocumentContent(versionDoc, deps.schema),
      }));
    },

    /** A version's Yjs state (one update), as stored. */
    async state(documentId: string, versionId: string): Promise<Uint8Array> {
      return (await store.read(documentId, versionId)).state;
    },

    /**
     * Runs `use` with the version as a Y.Doc (destroyed afterwards), e.g. to resolve passages
     * anchored in it.
     */
    withVersionDoc,

    /**
     * Makes the live document's content equal to the version's by applying the difference as
     * one new change (broadcast and stored like any edit).
     */
    async restore(documentId: string, versionId: string): Promise<VersionSummary> {
      return withVersionDoc(documentId, versionId, async (versionDoc, header) => {
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
        return toSummary(header);
      });
    },
  };
}

/** The versions service of one collab server. */
export type VersionsService = ReturnType<typeof createVersionsService>;
