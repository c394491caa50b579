/**
 * A change in the review workflow, published on `Topics.reviewChanged(processId)` for live
 * updates (GraphQL `reviewChanged`) and for anyone who reacts to the workflow in-process, such
 * as notifications. `documentIds` are the round's reviewed documents, `bodyIds` its bodies.
 */
export interface ReviewChangeEvent {
  kind:
    | 'ROUND_CREATED'
    | 'ROUND_UPDATED'
    | 'ROUND_OPENED'
    | 'ROUND_CLOSED'
    | 'ROUND_EVALUATED'
    | 'ROUND_CANCELLED'
    | 'STATEMENT_CHANGED'
    | 'STATEMENT_SUBMITTED'
    | 'STATEMENT_WITHDRAWN'
    | 'REMARK_CHANGED'
    | 'RESPONSE_CHANGED'
    | 'TASK_LINKED'
    | 'DECISION_RECORDED';
  processId: string;
  roundId: string;
  statementId: string | null;
  remarkId: string | null;
  documentIds: string[];
  bodyIds: string[];
}
