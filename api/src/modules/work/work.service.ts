import { canSee, coordinates, isSteering } from '../../auth/policy';
import { op } from '../../db/connection';
import { requireViewer, type RequestScope } from '../../scope';
import type { DocumentDoc } from '../document/document.model';
import { listProcessDocumentsRaw, toDocumentFacts } from '../document/document.service';
import type { ProcessDoc } from '../process/process.model';
import { findProcess } from '../process/process.service';
import type { TaskDoc } from '../task/task.model';
import { WORK_PROVIDERS } from './work.providers';
import {
  WORK_ROLES,
  type WorkContext,
  type WorkItem,
  type WorkRole,
  type WorkStanding,
} from './work.types';

/** At most this many items come back; the most urgent first. */
export const MAX_WORK_ITEMS = 60;

/**
 * Cursor batch size: the whole result arrives in the first reply (up to the 16 MB message
 * limit) instead of in getMore round trips, so the number of commands does not grow with data.
 */
export const ONE_BATCH = 100_000;

/** The viewer's work: the roles they hold and the items, most urgent first. */
export interface MyWorkData {
  process: ProcessDoc;
  roles: WorkRole[];
  items: WorkItem[];
}

/** Where the viewer stands: memberships, bodies, coordinated fields. Pure. */
export function standingOf(context: Pick<WorkContext, 'actor' | 'process'>): WorkStanding {
  const { actor, process } = context;
  const isMember = (ids: readonly unknown[]) => ids.some((id) => String(id) === actor.personId);
  return {
    groups: process.groups.filter((g) => isMember(g.members.map((m) => m.personId))),
    reviewBodies: process.bodies.filter(
      (b) => b.kind !== 'steering-group' && isMember(b.memberIds),
    ),
    steering: isSteering(actor, process),
    coordinatedKeys:
      actor.systemRole === 'admin' || actor.systemRole === 'coordinator'
        ? process.actionFields.map((a) => a.key).filter((key) => coordinates(actor, key))
        : [],
    observer: actor.systemRole === 'observer',
  };
}

/** The roles a standing amounts to, in the dashboard's order. */
export function rolesOf(standing: WorkStanding): WorkRole[] {
  const held: Record<WorkRole, boolean> = {
    reviewer: standing.reviewBodies.length > 0,
    steering: standing.steering,
    member: standing.groups.length > 0,
    coordinator: standing.coordinatedKeys.length > 0,
    observer: standing.observer,
  };
  return WORK_ROLES.filter((role) => held[role]);
}

/** The context the providers share, from documents and open tasks already loaded. */
export function toWorkContext(
  scope: RequestScope,
  process: ProcessDoc,
  documents: DocumentDoc[],
  tasks: TaskDoc[],
  now = new Date(),
): WorkContext {
  const viewer = requireViewer(scope);
  const actor = viewer.actor;
  return {
    scope,
    actor,
    process,
    now,
    documents: documents.filter((d) =>
      canSee(actor, process, { type: 'document', document: toDocumentFacts(d) }),
    ),
    openTasks: tasks.filter(
      (t) =>
        t.status !== 'done' &&
        canSee(actor, process, {
          type: 'task',
          actionFieldKey: t.actionFieldKey,
          assigneeIds: t.assigneeIds,
        }),
    ),
    standing: standingOf({ actor, process }),
  };
}

/** Overdue first, then by due date (none last), then by kind order and title. */
function compareItems(a: WorkItem, b: WorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const due = (item: WorkItem) => item.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return due(a) - due(b) || a.title.localeCompare(b.title, 'de') || a.id.localeCompare(b.id);
}

/**
 * Runs every provider on the shared context (in parallel; each sends a fixed number of database
 * commands) and returns the items, most urgent first, at most {@link MAX_WORK_ITEMS}.
 */
export async function assembleWork(context: WorkContext): Promise<MyWorkData> {
  const lists = await Promise.all(WORK_PROVIDERS.map((provider) => provider(context)));
  const items = lists.flat().sort(compareItems).slice(0, MAX_WORK_ITEMS);
  return { process: context.process, roles: rolesOf(context.standing), items };
}

/**
 * The viewer's work on its own (without the dashboard): the process, then all documents without
 * content and all tasks not done in parallel, then the providers.
 */
export async function loadMyWork(
  scope: RequestScope,
  processId?: string | null,
): Promise<MyWorkData | null> {
  requireViewer(scope);
  const process = await findProcess(scope, processId);
  if (!process) return null;
  const [documents, tasks] = await Promise.all([
    listProcessDocumentsRaw(scope, process._id).batchSize(ONE_BATCH),
    scope.models.Task.find({ processId: process._id, status: op({ $ne: 'done' as const }) })
      .batchSize(ONE_BATCH)
      .lean<TaskDoc[]>(),
  ]);
  for (const d of documents) scope.loaders.document.prime(String(d._id), d);
  return assembleWork(toWorkContext(scope, process, documents, tasks));
}
