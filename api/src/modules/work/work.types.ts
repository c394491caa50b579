import type { Actor } from '../../auth/policy';
import type { RequestScope } from '../../scope';
import type { DocumentDoc } from '../document/document.model';
import type { BodyDoc, GroupDoc, ProcessDoc } from '../process/process.model';
import type { TaskDoc } from '../task/task.model';

/**
 * The hat a person wears for a piece of work. A person may wear several (a coordinator who also
 * sits on a council); the dashboard shows the sections in the order of {@link WORK_ROLES}.
 */
export const WORK_ROLES = ['reviewer', 'steering', 'member', 'coordinator', 'observer'] as const;
export type WorkRole = (typeof WORK_ROLES)[number];

/** What kind of work an item is; each kind has its own wording in the web app. */
export const WORK_KINDS = [
  /**
   * An open review round whose statement one of the person's bodies has not submitted yet, due
   * on the round's deadline (one per round and body, whatever the number of documents).
   */
  'statement-due',
  /** A document in review that the steering group decides on. */
  'decision-pending',
  /** An open task assigned to the person. */
  'task-assigned',
  /** A document of the person's group with comments written since they last looked. */
  'new-comments',
  /** Open remarks of reviewing bodies on a document of the person's group. */
  'remarks-open',
  /** Tasks past their deadline in a field the person coordinates (a count). */
  'tasks-overdue',
  /** Blocked tasks in a field the person coordinates (a count). */
  'tasks-blocked',
  /** A milestone soon (or already passed and not marked done). */
  'milestone-due',
  /** A draft nobody has changed for a while. */
  'draft-stalled',
  /** A document still in review after its review deadline. */
  'review-overdue',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** One thing for the person to do, as the dashboard lists it. */
export interface WorkItem {
  /** Stable across requests: `<kind>:<subject id>`. */
  id: string;
  kind: WorkKind;
  role: WorkRole;
  /** The subject's title (document, task, milestone) or, for counts, the action field's name. */
  title: string;
  /** Who or what it concerns beyond the title, e.g. the reviewing bodies' names. */
  context: string | null;
  actionFieldKey: string | null;
  dueAt: Date | null;
  overdue: boolean;
  /** How many, for items that stand for several things (comments, tasks). */
  count: number | null;
  /** Where the work is done: a path of the web app, e.g. `/documents/<id>`. */
  link: string;
}

/** Where the viewer stands in the process, worked out once for all providers. */
export interface WorkStanding {
  /** Groups the viewer is a member of. */
  groups: GroupDoc[];
  /** Reviewing bodies (councils, round table) the viewer is a member of. */
  reviewBodies: BodyDoc[];
  steering: boolean;
  /** Action fields the viewer coordinates (all for admins). */
  coordinatedKeys: string[];
  observer: boolean;
}

/**
 * What every provider receives: the data the dashboard loads anyway (visible documents without
 * content, visible tasks not done), so most providers need no query of their own.
 */
export interface WorkContext {
  scope: RequestScope;
  actor: Actor;
  process: ProcessDoc;
  now: Date;
  /** Documents the viewer may see, without content. */
  documents: DocumentDoc[];
  /** Tasks not done that the viewer may see. */
  openTasks: TaskDoc[];
  standing: WorkStanding;
}

/**
 * One module's contribution to "what do I need to do". A provider may send at most one or two
 * database commands whatever the amount of data (the round-trip test counts them); all providers
 * run in parallel. Add one to `work.providers.ts`.
 */
export type WorkProvider = (context: WorkContext) => Promise<WorkItem[]> | WorkItem[];
