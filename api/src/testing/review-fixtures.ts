import type { TestApp, TestClient } from './test-app';

/** GraphQL operations the review tests share. */
export const Q = {
  create: `mutation ($input: CreateReviewRoundInput!) { createReviewRound(input: $input) { round { id number status title deadline items { index documentId versionId title } bodies { id name } } } }`,
  update: `mutation ($input: UpdateReviewRoundInput!) { updateReviewRound(input: $input) { round { id status deadline title } } }`,
  open: `mutation ($id: ID!) { openReviewRound(roundId: $id) { round { id status items { versionId } openedAt } } }`,
  close: `mutation ($id: ID!) { closeReviewRound(roundId: $id) { round { id status closedAt } } }`,
  evaluate: `mutation ($id: ID!) { evaluateReviewRound(roundId: $id) { round { id status responsesPublished } } }`,
  cancel: `mutation ($input: CancelReviewRoundInput!) { cancelReviewRound(input: $input) { round { id status cancelReason } } }`,
  round: `query ($id: ID!) { reviewRound(id: $id) { id number status answeredCount remarkCount openRemarkCount viewerCanManage myBodyIds progress { body { name } status late remarkCount statementId } statements { id status body { name } } } }`,
  start: `mutation ($input: StartStatementInput!) { startStatement(input: $input) { statement { id status textDocumentId viewerCanWrite viewerCanSubmit } } }`,
  updateStatement: `mutation ($input: UpdateStatementInput!) { updateStatement(input: $input) { statement { id assessment meetingDate resolutionRef } } }`,
  submit: `mutation ($id: ID!) { submitStatement(input: { statementId: $id }) { statement { id status late submittedBy { name } } } }`,
  withdraw: `mutation ($id: ID!) { withdrawStatement(input: { statementId: $id }) { statement { id status } } }`,
  statement: `query ($id: ID!) { statement(id: $id) { id status assessment remarks { id number label quote text proposedWording response { vote reason status } task { id } } } }`,
  addRemark: `mutation ($input: AddRemarkInput!) { addRemark(input: $input) { remark { id number label text quote } } }`,
  saveResponse: `mutation ($input: SaveResponseInput!) { saveResponse(input: $input) { remark { id response { vote reason status revisions { action byName } } } } }`,
  approve: `mutation ($id: ID!) { approveResponse(input: { remarkId: $id }) { remark { id response { status approvedBy { name } revisions { action } } } } }`,
  sendBack: `mutation ($id: ID!, $note: String) { sendBackResponse(input: { remarkId: $id, note: $note }) { remark { id response { status revisions { action note } } } } }`,
  table: `query ($id: ID!, $filter: ResponseTableFilter) { responseTable(roundId: $id, filter: $filter) { counts { total open draft approved warnings } rows { position bodyName documentTitle status vote reason warnings remark { id label quote text } passage { status frozenText currentText changed parts { kind text } } viewerCanDraft viewerCanApprove } } }`,
  record: `mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) { decision { id outcome reason conditions recordedByName tasks { id title assignees { name } } viewerCanCorrect } } }`,
  correct: `mutation ($input: CorrectDecisionInput!) { correctDecision(input: $input) { decision { id outcome supersedesId } } }`,
};

/** An ISO date `days` from now. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/** Ids the review tests need from the seeded workspace. */
export async function reviewIds(t: TestApp) {
  const process = await t.app.deps.models.Process.findOne({}).lean();
  if (!process) throw new Error('no process');
  const body = (name: string) => String(process.bodies.find((b) => b.name === name)?._id);
  const docs = await t.app.deps.models.Document.find({}).lean();
  const doc = (title: string) => String(docs.find((d) => d.title === title)?._id);
  return {
    processId: String(process._id),
    nord: body('Integrationsbeirat Nord'),
    mitte: body('Integrationsbeirat Mitte'),
    roundTable: body('Runder Tisch gegen Rassismus'),
    steeringBody: body('Lenkungsgruppe'),
    educationDraft: doc('Bildung: Maßnahmen (Entwurf)'),
    educationInReview: doc('Bildung: Ausgangslage und Ziele'),
    economyDraft: doc('Wirtschaft: Grundlagenkapitel (Entwurf)'),
    socialDraft: doc('Soziales: Grundlagenkapitel (Entwurf)'),
    educationGroup: String(process.groups.find((g) => g.actionFieldKey === 'education')?._id),
  };
}

/** Runs a mutation and returns its data, failing the test with the errors otherwise. */
export async function must<T = Record<string, unknown>>(
  client: TestClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const result = await client.gql<T>(query, variables);
  if (result.errors || !result.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/**
 * Takes proposed measures through a review round to the point where the steering group decides:
 * the coordinator creates, opens, closes and evaluates a round without bodies' remarks.
 */
export async function evaluatedMeasureRound(
  t: TestApp,
  measureIds: string[],
  title = 'Maßnahmen zur Abstimmung',
): Promise<string> {
  const ids = await reviewIds(t);
  const coordinator = await t.signIn('koordination@lip.example');
  const created = await must<{ createReviewRound: { round: { id: string } } }>(
    coordinator,
    Q.create,
    { input: { title, measureIds, bodyIds: [ids.nord], deadline: inDays(5) } },
  );
  const roundId = created.createReviewRound.round.id;
  await must(coordinator, Q.open, { id: roundId });
  await must(coordinator, Q.close, { id: roundId });
  await must(coordinator, Q.evaluate, { id: roundId });
  return roundId;
}
