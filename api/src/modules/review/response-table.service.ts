import { z } from 'zod';
import { RESPONSE_VOTES, type ReviewPassageStatus, type ResponseVote } from '@lip/common';
import { op } from '../../db/connection';
import { requireViewer, type RequestScope } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import type { BodyDoc, ProcessDoc } from '../process/process.model';
import type { TaskDoc } from '../task/task.model';
import { resolvePassages, toPassageAnchor } from './collab-review.client';
import {
  diffPassage,
  passageChanged,
  passageWarnings,
  type DiffPart,
  type PassageWarning,
} from './passage-diff';
import { bodyOf, loadVisibleRound, viewerSeesResponse, viewerSeesStatement } from './review-access';
import { ensureFrozen } from './review-round.service';
import { responseCapabilities } from './response.service';
import type {
  RemarkDoc,
  ResponseDoc,
  ReviewItemDoc,
  ReviewRoundDoc,
  StatementDoc,
} from './review.model';

/** A remark's response as the table shows it: none yet (`open`), drafted, or approved. */
export type RowStatus = 'open' | 'draft' | 'approved';

/** The change of a remark's passage between the frozen version and the current draft. */
export interface PassageView {
  status: ReviewPassageStatus;
  frozenText: string | null;
  currentText: string | null;
  /** Null when it cannot be told (the current text is unknown). */
  changed: boolean | null;
  parts: DiffPart[];
}

/** One row of the response table (Abwägungstabelle). */
export interface ResponseTableRow {
  /** Running number in the table, from 1. */
  position: number;
  /** "Integrationsbeirat Nord 3": body and the remark's number in its statement. */
  label: string;
  remark: RemarkDoc;
  statement: StatementDoc;
  body: BodyDoc | null;
  item: ReviewItemDoc;
  /** The response, when the viewer may read it. */
  response: ResponseDoc | null;
  status: RowStatus;
  draftedByName: string | null;
  approvedByName: string | null;
  passage: PassageView | null;
  warnings: PassageWarning[];
  task: TaskDoc | null;
  /** What the viewer may do with the row's response now (computed once per row). */
  capabilities: { draft: boolean; approve: boolean; sendBack: boolean; createTask: boolean };
}

/** The whole table with its round and counts. */
export interface ResponseTable {
  round: ReviewRoundDoc;
  process: ProcessDoc;
  rows: ResponseTableRow[];
  counts: { total: number; open: number; draft: number; approved: number; warnings: number };
  /** True when responses are shown to the viewer (insiders always; bodies once evaluated). */
  generatedAt: Date;
}

const filterSchema = z
  .object({
    bodyId: objectIdSchema.nullish(),
    itemIndex: z.number().int().min(0).max(100).nullish(),
    vote: z.enum(RESPONSE_VOTES).nullish(),
    status: z.enum(['open', 'draft', 'approved']).nullish(),
    withWarnings: z.boolean().nullish(),
  })
  .nullish();

/**
 * Builds the response table of a round for the viewer: every remark of a submitted statement the
 * viewer may read, with its response when the viewer may read that, the change of its passage
 * and the warnings. A fixed number of database round trips whatever the size (the round, the
 * process, statements, remarks, responses and linked tasks, each one query); passages come
 * from the collab server, one request per reviewed document. The page, CSV, DOCX and ODT all
 * read this one function.
 */
export async function loadResponseTable(
  scope: RequestScope,
  roundId: unknown,
  input: { filter?: unknown; withPassages?: boolean } = {},
): Promise<ResponseTable> {
  requireViewer(scope);
  const filter = parseInput(filterSchema, input.filter ?? null) ?? {};
  const { round, process } = await loadVisibleRound(scope, roundId);
  const key = String(round._id);
  const [statements, remarks, responses] = await Promise.all([
    scope.loaders.review.statementsOfRound.load(key),
    scope.loaders.review.remarksOfRound.load(key),
    scope.loaders.review.responsesOfRound.load(key),
  ]);
  const visible = new Map(
    statements
      .filter((s) => s.status === 'submitted' && viewerSeesStatement(scope, process, round, s))
      .map((s) => [s._id, s]),
  );
  const responseOf = new Map(responses.map((r) => [r._id, r]));
  const bodyOrder = new Map(round.bodyIds.map((id, index) => [String(id), index]));
  const chosen = remarks
    .filter((remark) => visible.has(remark.statementId))
    .sort(
      (a, b) =>
        (bodyOrder.get(String(a.bodyId)) ?? 0) - (bodyOrder.get(String(b.bodyId)) ?? 0) ||
        a.number - b.number,
    );

  const taskIds = chosen.flatMap((r) => (r.taskId ? [r.taskId] : []));
  const tasks =
    taskIds.length > 0
      ? await scope.models.Task.find({ _id: op({ $in: taskIds }) }).lean<TaskDoc[]>()
      : [];
  const taskOf = new Map(tasks.map((t) => [String(t._id), t]));
  for (const task of tasks) scope.loaders.task.prime(String(task._id), task);

  let rows: ResponseTableRow[] = chosen.map((remark, index) => {
    const statement = visible.get(remark.statementId) as StatementDoc;
    const item =
      round.items.find((i) => i.index === remark.itemIndex) ?? (round.items[0] as ReviewItemDoc);
    const stored = responseOf.get(remark._id) ?? null;
    const response =
      stored && viewerSeesResponse(scope, process, round, item, stored) ? stored : null;
    const body = bodyOf(process, remark.bodyId) ?? null;
    return {
      position: index + 1,
      label: `${body?.name ?? ''} ${remark.number}`.trim(),
      remark,
      statement,
      body,
      item,
      response,
      status: response ? response.status : stored ? 'draft' : 'open',
      draftedByName: response ? response.draftedByName || null : null,
      approvedByName: response?.status === 'approved' ? response.approvedByName : null,
      passage: null,
      warnings: [],
      task: remark.taskId ? (taskOf.get(String(remark.taskId)) ?? null) : null,
      capabilities: responseCapabilities(scope, process, round, item, stored),
    };
  });

  if (input.withPassages !== false && rows.length > 0) {
    await attachPassages(scope, round, rows);
  }

  rows = rows.filter(
    (row) =>
      (!filter.bodyId || String(row.remark.bodyId) === filter.bodyId) &&
      (filter.itemIndex == null || row.remark.itemIndex === filter.itemIndex) &&
      (!filter.vote || row.response?.vote === filter.vote) &&
      (!filter.status || row.status === filter.status) &&
      (!filter.withWarnings || row.warnings.length > 0),
  );
  return {
    round,
    process,
    rows,
    counts: {
      total: rows.length,
      open: rows.filter((r) => r.status === 'open').length,
      draft: rows.filter((r) => r.status === 'draft').length,
      approved: rows.filter((r) => r.status === 'approved').length,
      warnings: rows.filter((r) => r.warnings.length > 0).length,
    },
    generatedAt: new Date(),
  };
}

/** Resolves every row's passage, one collab request per reviewed document. */
async function attachPassages(
  scope: RequestScope,
  round: ReviewRoundDoc,
  rows: ResponseTableRow[],
): Promise<void> {
  const byItem = new Map<number, ResponseTableRow[]>();
  for (const row of rows) {
    const list = byItem.get(row.item.index);
    if (list) list.push(row);
    else byItem.set(row.item.index, [row]);
  }
  const requests = await Promise.all(
    [...byItem.entries()].map(async ([index, itemRows]) => {
      const item = itemRows[0]!.item;
      const versionId = await ensureFrozen(scope, round, index).catch(() => item.versionId);
      return {
        documentId: String(item.documentId),
        versionId,
        anchors: itemRows.map((row) => toPassageAnchor(row.remark.anchor, row.remark.quote)),
        rows: itemRows,
      };
    }),
  );
  const answers = await resolvePassages(scope, requests);
  for (const request of requests) {
    const results = answers.get(request.documentId) ?? [];
    request.rows.forEach((row, index) => {
      const result = results[index];
      if (!result) return;
      const frozen = result.frozenText ?? row.remark.quote;
      const changed = passageChanged(result.status, frozen, result.currentText);
      row.passage = {
        status: result.status,
        frozenText: frozen,
        currentText: result.currentText,
        changed,
        // Unchanged passages need no diff: the table says "unchanged".
        parts:
          changed && frozen !== null && result.currentText !== null
            ? diffPassage(frozen, result.currentText)
            : [],
      };
      row.warnings = passageWarnings(row.response?.vote ?? null, changed);
    });
  }
}

/** The vote's German label, as tables print it. */
export function voteLabel(vote: ResponseVote | null | undefined, locale: 'de' | 'en'): string {
  if (!vote) return '';
  const labels: Record<ResponseVote, Record<'de' | 'en', string>> = {
    accepted: { de: 'Berücksichtigt', en: 'Accepted' },
    'partly-accepted': { de: 'Teilweise berücksichtigt', en: 'Partly accepted' },
    'not-accepted': { de: 'Nicht berücksichtigt', en: 'Not accepted' },
    noted: { de: 'Zur Kenntnis genommen', en: 'Noted' },
  };
  return labels[vote][locale];
}
