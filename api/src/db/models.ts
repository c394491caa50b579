import type { Connection } from 'mongoose';
import { registerAuthModels } from '../auth/auth.model';
import { registerActivityModel } from '../modules/activity/activity.model';
import { registerCommentThreadModel } from '../modules/comment/comment.model';
import { registerDocumentModel } from '../modules/document/document.model';
import { registerMailModels } from '../modules/mail/mail.model';
import { registerNotificationModels } from '../modules/notification/notification.model';
import { registerSearchChangeModel } from '../modules/search/search.changes';
import { registerOrganisationModel } from '../modules/organisation/organisation.model';
import { registerPersonModel } from '../modules/person/person.model';
import { registerProcessModel } from '../modules/process/process.model';
import { registerDecisionModel } from '../modules/decision/decision.model';
import { registerReviewModels } from '../modules/review/review.model';
import { registerTaskModel } from '../modules/task/task.model';
import { registerWriteLeaseModel } from './write-lease.model';

/** Registers every model on one connection (never the global mongoose default). */
export function registerModels(connection: Connection) {
  return {
    ...registerAuthModels(connection),
    Process: registerProcessModel(connection),
    Person: registerPersonModel(connection),
    Organisation: registerOrganisationModel(connection),
    Document: registerDocumentModel(connection),
    CommentThread: registerCommentThreadModel(connection),
    Task: registerTaskModel(connection),
    Activity: registerActivityModel(connection),
    ...registerNotificationModels(connection),
    ...registerMailModels(connection),
    ...registerSearchChangeModel(connection),
    WriteLease: registerWriteLeaseModel(connection),
    ...registerReviewModels(connection),
    Decision: registerDecisionModel(connection),
  };
}

/** All models of one connection. */
export type Models = ReturnType<typeof registerModels>;
