import { commentWork } from '../comment/comment.work';
import { documentWork } from '../document/document.work';
import { milestoneWork } from '../milestone/milestone.work';
import { reviewWork } from '../review/review.work';
import { taskWork } from '../task/task.work';
import type { WorkProvider } from './work.types';

/**
 * Every module's contribution to "what do I need to do" (see `WorkProvider`). A new module adds
 * one line here (the review rounds: the steering group's decisions, remarks awaiting a response).
 */
export const WORK_PROVIDERS: readonly WorkProvider[] = [
  documentWork,
  taskWork,
  milestoneWork,
  commentWork,
  reviewWork,
];
