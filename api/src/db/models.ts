import type { Connection } from 'mongoose';
import { registerAuthModels } from '../auth/auth.model';
import { registerActivityModel } from '../modules/activity/activity.model';
import { registerAuditModel } from '../modules/audit/audit.model';
import { registerOidcTransactionModel } from '../modules/oidc/oidc.model';
import { registerSecondFactorModel } from '../modules/second-factor/second-factor.model';
import { registerCommentThreadModel } from '../modules/comment/comment.model';
import { registerDocumentModel } from '../modules/document/document.model';
import { registerDocumentVisitModel } from '../modules/document/document-visit.model';
import { registerMailModels } from '../modules/mail/mail.model';
import { registerNotificationModels } from '../modules/notification/notification.model';
import { registerSearchChangeModel } from '../modules/search/search.changes';
import { registerExportModels } from '../modules/export/export.model';
import { registerMeasureModels } from '../modules/measure/measure.model';
import { registerOrganisationModel } from '../modules/organisation/organisation.model';
import { registerPaperModels } from '../modules/paper/paper.model';
import { registerPersonModel } from '../modules/person/person.model';
import { registerProcessModel } from '../modules/process/process.model';
import { registerTaskModel, registerTaskTrashModel } from '../modules/task/task.model';
import { registerDecisionModel } from '../modules/decision/decision.model';
import { registerReviewModels } from '../modules/review/review.model';
import { registerWriteLeaseModel } from './write-lease.model';

/** Registers every model on one connection (never the global mongoose default). */
export function registerModels(connection: Connection) {
  return {
    ...registerAuthModels(connection),
    Process: registerProcessModel(connection),
    Person: registerPersonModel(connection),
    Organisation: registerOrganisationModel(connection),
    Document: registerDocumentModel(connection),
    DocumentVisit: registerDocumentVisitModel(connection),
    CommentThread: registerCommentThreadModel(connection),
    Task: registerTaskModel(connection),
    TaskTrash: registerTaskTrashModel(connection),
    Activity: registerActivityModel(connection),
    ...registerNotificationModels(connection),
    ...registerMailModels(connection),
    ...registerSearchChangeModel(connection),
    WriteLease: registerWriteLeaseModel(connection),
    ...registerMeasureModels(connection),
    ...registerPaperModels(connection),
    ...registerExportModels(connection),
    ...registerReviewModels(connection),
    Decision: registerDecisionModel(connection),
    AuditEntry: registerAuditModel(connection),
    SecondFactor: registerSecondFactorModel(connection),
    OidcTransaction: registerOidcTransactionModel(connection),
  };
}

/** All models of one connection. */
export type Models = ReturnType<typeof registerModels>;
