/**
 * What resolvers of each GraphQL object type receive as parent (codegen `mappers`): mostly the
 * lean database rows, or small wrappers when a type needs its enclosing process.
 */
import type { InvitationDoc } from '../auth/auth.model';
import type { ActivityDoc } from '../modules/activity/activity.model';
import type { AuditEntryDoc } from '../modules/audit/audit.model';
import type { CommentChangeEvent } from '../modules/comment/comment.events';
import type { CommentEntryDoc, CommentThreadDoc } from '../modules/comment/comment.model';
import type { DashboardData, FieldSummaryData } from '../modules/dashboard/dashboard.service';
import type { DocumentDoc } from '../modules/document/document.model';
import type { PendingGroupMembership } from '../modules/expert-group/expert-group.service';
import type { OutboxMessageDoc } from '../modules/mail/mail.model';
import type { NotificationDoc } from '../modules/notification/notification.model';
import type { ExportJobDoc } from '../modules/export/export.model';
import type {
  MeasureChangeDoc,
  MeasureDoc,
  ProgressNoteDoc,
} from '../modules/measure/measure.model';
import type { MeasureList } from '../modules/measure/measure.service';
import type { OrganisationDoc } from '../modules/organisation/organisation.model';
import type { EditionDoc, OutlineEntryDoc, PaperDoc } from '../modules/paper/paper.model';
import type { PersonDoc } from '../modules/person/person.model';
import type { SearchResultItem } from '../modules/search/search.service';
import type {
  ActionFieldDoc,
  BodyDoc,
  BudgetLineDoc,
  GroupDoc,
  GroupMemberDoc,
  MilestoneDoc,
  ProcessDoc,
} from '../modules/process/process.model';
import type { DecisionDoc } from '../modules/decision/decision.model';
import type { InboxEntry } from '../modules/decision/decision.service';
import type { FrozenVersion } from '../modules/review/collab-review.client';
import type { DiffPart } from '../modules/review/passage-diff';
import type {
  GroupRemarksWaitingData,
  ReviewDashboardData,
  StatementDueData,
} from '../modules/review/review-dashboard.service';
import type { ReviewChangeEvent } from '../modules/review/review.events';
import type {
  RemarkDoc,
  ResponseDoc,
  ResponseRevisionDoc,
  ReviewItemDoc,
  ReviewRoundDoc,
  StatementDoc,
  SubjectDoc,
} from '../modules/review/review.model';
import type {
  PassageView,
  ResponseTable,
  ResponseTableRow,
} from '../modules/review/response-table.service';
import type { TaskChangeEvent } from '../modules/task/task.events';
import type { TaskDoc, TaskOriginDoc } from '../modules/task/task.model';
import type { MyWorkData } from '../modules/work/work.service';
import type { WorkItem } from '../modules/work/work.types';
import type { ViewerState } from '../scope';

export type ViewerParent = ViewerState;
export type PersonParent = PersonDoc;
export type OrganisationParent = OrganisationDoc;
export type BodyParent = BodyDoc;
export type ProcessParent = ProcessDoc;
export type BudgetLineParent = BudgetLineDoc;
export type MilestoneParent = MilestoneDoc;
export type DocumentParent = DocumentDoc;
export type CommentThreadParent = CommentThreadDoc;
export type CommentParent = CommentEntryDoc;
export type TaskParent = TaskDoc;
export type ActivityParent = ActivityDoc;
export type DashboardParent = DashboardData;
export type ActionFieldSummaryParent = FieldSummaryData;

/** An action field with the process it belongs to. */
export interface ActionFieldParent {
  field: ActionFieldDoc;
  process: ProcessDoc;
}

/** An expert group with its process. */
export interface ExpertGroupParent {
  group: GroupDoc;
  process: ProcessDoc;
}

/** A group membership with its group and process. */
export interface GroupMemberParent {
  member: GroupMemberDoc;
  group: GroupDoc;
  process: ProcessDoc;
}

/** An invitation; `token` is set only right after creation. */
export interface InvitationParent {
  invitation: InvitationDoc;
  token?: string;
}

export type TaskChangeParent = TaskChangeEvent;
export type CommentChangeParent = CommentChangeEvent;
export type PendingGroupMemberParent = PendingGroupMembership;
export type MyWorkParent = MyWorkData;

/** A work item with the process it belongs to (for its action field). */
export interface WorkItemParent {
  item: WorkItem;
  process: ProcessDoc;
}
export type NotificationParent = NotificationDoc;
export type OutboxMessageParent = OutboxMessageDoc;
export type SearchHitParent = SearchResultItem;

export type MeasureParent = MeasureDoc;
export type MeasureChangeParent = MeasureChangeDoc;
export type MeasureProgressNoteParent = ProgressNoteDoc;
export type MeasureListParent = MeasureList;

/** A paper with its process. */
export interface PaperParent {
  paper: PaperDoc;
  process: ProcessDoc;
}
export type PaperEditionParent = EditionDoc;

/** An outline entry with what it refers to, loaded for the outline editor. */
export interface OutlineEntryParent {
  entry: OutlineEntryDoc;
  document: DocumentDoc | null;
  measure: MeasureDoc | null;
  label: string;
  missing: boolean;
}

export type ExportJobParent = ExportJobDoc;
export type ReviewRoundParent = ReviewRoundDoc;
export type StatementParent = StatementDoc;
export type RemarkParent = RemarkDoc;
export type RemarkResponseParent = ResponseDoc;
export type ResponseRevisionParent = ResponseRevisionDoc;
export type ReviewSubjectParent = SubjectDoc;
export type ResponseTableParent = ResponseTable;
export type ResponseTableRowParent = ResponseTableRow;
export type PassageChangeParent = PassageView;
export type DiffPartParent = DiffPart;
export type FrozenVersionParent = FrozenVersion;
export type ReviewDashboardParent = ReviewDashboardData;
export type StatementDueParent = StatementDueData;
export type GroupRemarksWaitingParent = GroupRemarksWaitingData;
export type ReviewChangeParent = ReviewChangeEvent;
export type DecisionParent = DecisionDoc;
export type SteeringInboxEntryParent = InboxEntry;
export type TaskOriginParent = TaskOriginDoc;

/** A round item with its round (items have no identity of their own). */
export interface ReviewItemParent {
  round: ReviewRoundDoc;
  item: ReviewItemDoc;
}

/** One body's progress in a round. */
export interface BodyProgressParent {
  round: ReviewRoundDoc;
  bodyId: string;
  statement: StatementDoc | null;
  remarkCount: number;
}
export type AuditEntryParent = AuditEntryDoc;
