import type { Resolvers } from '../graphql/generated/resolvers-types';
import { accountResolvers } from './account/account.resolvers';
import { actionFieldResolvers } from './action-field/action-field.resolvers';
import { activityResolvers } from './activity/activity.resolvers';
import { auditResolvers } from './audit/audit.resolvers';
import { privacyResolvers } from './privacy/privacy.resolvers';
import { secondFactorResolvers } from './second-factor/second-factor.resolvers';
import { bodyResolvers } from './body/body.resolvers';
import { commentResolvers } from './comment/comment.resolvers';
import { dashboardResolvers } from './dashboard/dashboard.resolvers';
import { decisionResolvers } from './decision/decision.resolvers';
import { documentResolvers } from './document/document.resolvers';
import { expertGroupResolvers } from './expert-group/expert-group.resolvers';
import { mailResolvers } from './mail/mail.resolvers';
import { exportResolvers } from './export/export.resolvers';
import { measureResolvers } from './measure/measure.resolvers';
import { milestoneResolvers } from './milestone/milestone.resolvers';
import { notificationResolvers } from './notification/notification.resolvers';
import { organisationResolvers } from './organisation/organisation.resolvers';
import { paperResolvers } from './paper/paper.resolvers';
import { personResolvers } from './person/person.resolvers';
import { processResolvers } from './process/process.resolvers';
import { searchResolvers } from './search/search.resolvers';
import { reviewResolvers } from './review/review.resolvers';
import { taskResolvers } from './task/task.resolvers';
import { versionsResolvers } from './versions/versions.resolvers';
import { workResolvers } from './work/work.resolvers';

/**
 * Every module's resolvers, merged by `graphql/schema.ts`. A new module adds one line here (and
 * its `<feature>.graphql` beside its resolvers).
 */
export const moduleResolvers: Resolvers[] = [
  accountResolvers,
  personResolvers,
  organisationResolvers,
  bodyResolvers,
  processResolvers,
  actionFieldResolvers,
  expertGroupResolvers,
  milestoneResolvers,
  documentResolvers,
  commentResolvers,
  taskResolvers,
  activityResolvers,
  dashboardResolvers,
  versionsResolvers,
  notificationResolvers,
  mailResolvers,
  searchResolvers,
  workResolvers,
  measureResolvers,
  paperResolvers,
  exportResolvers,
  reviewResolvers,
  decisionResolvers,
  secondFactorResolvers,
  auditResolvers,
  privacyResolvers,
];
