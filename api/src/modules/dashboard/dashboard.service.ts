import { DOCUMENT_STATUSES, type DocumentStatus } from '@lip/common';
import { bodyIdsOf, canSee } from '../../auth/policy';
import { op } from '../../db/connection';
import { requireViewer, type RequestScope } from '../../scope';
import type { ActivityDoc } from '../activity/activity.model';
import { visibleActivityFilter } from '../activity/activity.service';
import type { DocumentDoc } from '../document/document.model';
import {
  findAwaitingReview,
  listProcessDocumentsRaw,
  toDocumentFacts,
} from '../document/document.service';
import type { ActionFieldDoc, MilestoneDoc, ProcessDoc } from '../process/process.model';
import { findProcess } from '../process/process.service';
import type { TaskDoc } from '../task/task.model';
import { isOverdue } from '../task/task.service';
import { ONE_BATCH, toWorkContext } from '../work/work.service';
import type { WorkContext } from '../work/work.types';

/** One action-field card. */
export interface FieldSummaryData {
  field: ActionFieldDoc;
  process: ProcessDoc;
  /** Whether the viewer sees the field's drafts and tasks (else only documents shared with them). */
  seesInside: boolean;
  documentCounts: { status: DocumentStatus; count: number }[];
  /** Null when the viewer does not see the field's tasks: a 0 would mislead. */
  openTaskCount: number | null;
  overdueTaskCount: number | null;
  nextMilestone: MilestoneDoc | null;
}

/** Everything the start page shows. */
export interface DashboardData {
  process: ProcessDoc;
  actionFields: FieldSummaryData[];
  upcomingMilestones: MilestoneDoc[];
  myTasks: TaskDoc[];
  awaitingMyReview: DocumentDoc[];
  recentActivity: ActivityDoc[];
  /** What the work list is built from (documents and tasks loaded here). */
  work: WorkContext;
}

/**
 * Builds the dashboard with exactly four database commands whatever the amount of data: the
 * process (structure, milestones and memberships are embedded), then in parallel all documents
 * without content, all tasks not done, and the 15 newest visible activities. Counts are computed
 * here; the loaders are primed so nested fields (documents, tasks) cost nothing extra. The work
 * list (`Dashboard.myWork`) reuses these rows and adds the providers' few fixed queries.
 */
export async function loadDashboard(
  scope: RequestScope,
  processId?: string | null,
): Promise<DashboardData | null> {
  const viewer = requireViewer(scope);
  const process = await findProcess(scope, processId);
  if (!process) return null;
  const [documents, tasks, recentActivity] = await Promise.all([
    listProcessDocumentsRaw(scope, process._id).batchSize(ONE_BATCH),
    scope.models.Task.find({ processId: process._id, status: op({ $ne: 'done' as const }) })
      .batchSize(ONE_BATCH)
      .lean<TaskDoc[]>(),
    scope.models.Activity.find({ processId: process._id, ...visibleActivityFilter(scope, process) })
      .sort({ _id: -1 })
      .limit(15)
      .lean<ActivityDoc[]>(),
  ]);
  for (const d of documents) scope.loaders.document.prime(String(d._id), d);

  const now = new Date();
  const visibleDocs = documents.filter((d) =>
    canSee(viewer.actor, process, { type: 'document', document: toDocumentFacts(d) }),
  );
  const visibleTasks = tasks.filter((t) =>
    canSee(viewer.actor, process, {
      type: 'task',
      actionFieldKey: t.actionFieldKey,
      assigneeIds: t.assigneeIds,
    }),
  );
  const upcoming = process.milestones
    .filter((m) => !m.done && m.date.getTime() >= startOfDay(now))
    .sort((a, b) => a.date.getTime() - b.date.getTime());

  const actionFields = [...process.actionFields]
    .sort((a, b) => a.order - b.order)
    .map((field): FieldSummaryData => {
      const docs = visibleDocs.filter((d) => d.actionFieldKey === field.key);
      const fieldTasks = visibleTasks.filter((t) => t.actionFieldKey === field.key);
      const seesInside = canSee(viewer.actor, process, {
        type: 'task',
        actionFieldKey: field.key,
        assigneeIds: [],
      });
      return {
        field,
        process,
        seesInside,
        // Outsiders never see drafts, so their draft count would always read 0.
        documentCounts: DOCUMENT_STATUSES.filter((status) => seesInside || status !== 'draft').map(
          (status) => ({ status, count: docs.filter((d) => d.status === status).length }),
        ),
        openTaskCount: seesInside ? fieldTasks.length : null,
        overdueTaskCount: seesInside ? fieldTasks.filter((t) => isOverdue(t, now)).length : null,
        nextMilestone: upcoming.find((m) => m.actionFieldKey === field.key) ?? null,
      };
    });

  const me = viewer.actor.personId;
  const myTasks = visibleTasks
    .filter((t) => t.assigneeIds.some((id) => String(id) === me))
    .sort(
      (a, b) =>
        (a.deadline?.getTime() ?? Number.MAX_SAFE_INTEGER) -
        (b.deadline?.getTime() ?? Number.MAX_SAFE_INTEGER),
    )
    .slice(0, 20);

  return {
    process,
    actionFields,
    upcomingMilestones: upcoming.slice(0, 8),
    myTasks,
    awaitingMyReview: findAwaitingReview(visibleDocs, bodyIdsOf(viewer.actor, process)),
    recentActivity,
    work: toWorkContext(scope, process, documents, tasks, now),
  };
}

function startOfDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}
