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
import type { OrganisationDoc } from '../modules/organisation/organisation.model';
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
import type { TaskChangeEvent } from '../modules/task/task.events';
import type { TaskDoc } from '../modules/task/task.model';
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
export type AuditEntryParent = AuditEntryDoc;
