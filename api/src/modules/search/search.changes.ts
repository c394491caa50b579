import { Schema, type Connection, type Types } from 'mongoose';

/** The kinds of rows a change-log entry can name. */
export type SearchChangeSource = 'document' | 'thread' | 'task' | 'person' | 'measure';

/**
 * One entry of the search change log (collection `search_changes`): the API appends one for each
 * write to a searchable row, so every API process's index re-reads just that row instead of
 * scanning collections (FerretDB on SQLite cannot use an index for an `updatedAt` range).
 * `watchUntil` marks a document whose text may change through the collab server until then (an
 * edit ticket was issued): indexes re-read it while it is watched. Entries older than an hour are
 * pruned; a full catch-up by `updatedAt` every few minutes is the safety net.
 */
export interface SearchChangeDoc {
  _id: Types.ObjectId;
  source: SearchChangeSource;
  refId: string;
  watchUntil: Date | null;
  createdAt: Date;
}

const searchChangeSchema = new Schema<SearchChangeDoc>(
  {
    source: {
      type: String,
      enum: ['document', 'thread', 'task', 'person', 'measure'],
      required: true,
    },
    refId: { type: String, required: true },
    watchUntil: { type: Date, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'search_changes', versionKey: false },
);

/** Registers the search change log on a connection. */
export function registerSearchChangeModel(connection: Connection) {
  return { SearchChange: connection.model<SearchChangeDoc>('SearchChange', searchChangeSchema) };
}
