import { Types } from 'mongoose';
import type { Models } from '../../db/models';
import type { ProcessDoc } from '../process/process.model';

/**
 * Adds a closed review round of one document with `bodies` statements and `remarks` remarks (each
 * with a drafted or approved response) to the seeded process, for the round-trip test and the
 * benchmark. Deterministic; written with one insert per collection.
 */
export async function addBulkReviewRound(
  models: Models,
  options: { bodies: number; remarks: number; title?: string },
): Promise<{ roundId: string; documentId: string }> {
  const process = await models.Process.findOne({}).lean<ProcessDoc>();
  if (!process) throw new Error('seed the demo workspace first');
  const group = process.groups.find((g) => g.actionFieldKey === 'social');
  if (!group) throw new Error('no social group');
  const bodies = process.bodies.filter((b) => b.kind !== 'steering-group').slice(0, options.bodies);
  const last = await models.ReviewRound.findOne({ processId: process._id })
    .sort({ number: -1 })
    .lean();
  const number = (last?.number ?? 0) + 1;
  const roundId = new Types.ObjectId();
  const documentId = new Types.ObjectId();
  const now = Date.now();
  const paragraphs = Array.from(
    { length: 40 },
    (_, i) => `Absatz ${i + 1}: Gesundheit, Wohnen und Pflege im Quartier ${i + 1}.`,
  );
  await models.Document.create({
    _id: documentId,
    processId: process._id,
    actionFieldKey: 'social',
    groupId: group._id,
    kind: 'foundation-chapter',
    title: `Soziales: Kapitel für ${options.remarks} Anmerkungen`,
    status: 'in-review',
    sharedWithBodyIds: bodies.map((b) => b._id),
    contentText: paragraphs.join('\n\n'),
  });
  await models.ReviewRoundNumber.create({ _id: `${String(process._id)}:${number}`, roundId });
  await models.ReviewRound.create({
    _id: roundId,
    processId: process._id,
    number,
    title:
      options.title ?? `Große Runde (${options.bodies} Gremien, ${options.remarks} Anmerkungen)`,
    status: 'closed',
    items: [
      {
        index: 0,
        subject: { kind: 'document', documentId, measureId: null },
        documentId,
        versionId: null,
        title: `Soziales: Kapitel für ${options.remarks} Anmerkungen`,
        actionFieldKey: 'social',
        groupId: group._id,
        statusBefore: 'draft',
      },
    ],
    bodyIds: bodies.map((b) => b._id),
    deadline: new Date(now - 86_400_000),
    openedAt: new Date(now - 20 * 86_400_000),
    closedAt: new Date(now - 86_400_000),
  });
  const statements = [];
  const documents = [];
  for (const body of bodies) {
    const textDocumentId = new Types.ObjectId();
    documents.push({
      _id: textDocumentId,
      processId: process._id,
      actionFieldKey: 'social',
      groupId: group._id,
      kind: 'statement',
      title: `Stellungnahme ${body.name}`,
      status: 'draft',
      statementOf: {
        roundId,
        bodyId: body._id,
        state: 'submitted',
        groupIds: [group._id],
        roundBodyIds: bodies.map((b) => b._id),
        published: false,
      },
    });
    statements.push({
      _id: `${String(roundId)}:${String(body._id)}`,
      roundId,
      processId: process._id,
      bodyId: body._id,
      textDocumentId,
      assessment: 'agree-with-remarks',
      status: 'submitted',
      submittedAt: new Date(now - 2 * 86_400_000),
    });
  }
  const remarks = [];
  const responses = [];
  const tasks = [];
  const speaker = group.members.find((m) => m.role === 'speaker') ?? group.members[0];
  if (!speaker) throw new Error('social group has no members');
  for (let i = 0; i < options.remarks; i += 1) {
    const statement = statements[i % statements.length]!;
    const number = Math.floor(i / statements.length) + 1;
    const remarkId = `${statement._id}:${number}`;
    const quote = paragraphs[i % paragraphs.length]!;
    // Every 25th remark became a task for the group, as in a real round.
    const taskId = i % 25 === 0 ? new Types.ObjectId() : null;
    if (taskId) {
      tasks.push({
        _id: taskId,
        processId: process._id,
        actionFieldKey: 'social',
        groupId: group._id,
        documentId,
        title: `Anmerkung ${i + 1} bearbeiten`,
        origin: { kind: 'remark', roundId, remarkId, decisionId: null },
      });
    }
    remarks.push({
      _id: remarkId,
      taskId,
      statementId: statement._id,
      roundId,
      processId: process._id,
      bodyId: statement.bodyId,
      itemIndex: 0,
      documentId,
      number,
      anchor: null,
      quote,
      text: `Anmerkung ${i + 1}: bitte den Abschnitt zu Quartier ${(i % paragraphs.length) + 1} ergänzen.`,
      proposedWording: i % 3 === 0 ? `${quote} Mit Beteiligung der Beiräte.` : '',
    });
    const approved = i % 2 === 0;
    const vote = (['accepted', 'partly-accepted', 'not-accepted', 'noted'] as const)[i % 4];
    const at = new Date(now - 86_400_000);
    responses.push({
      _id: remarkId,
      roundId,
      processId: process._id,
      groupId: group._id,
      actionFieldKey: 'social',
      vote,
      reason: `Antwort ${i + 1}: geprüft und eingeordnet.`,
      status: approved ? 'approved' : 'draft',
      draftedById: speaker.personId,
      draftedByName: speaker.name,
      draftedAt: at,
      approvedById: approved ? speaker.personId : null,
      approvedByName: approved ? speaker.name : null,
      approvedAt: approved ? at : null,
      revisions: [
        {
          action: 'drafted',
          vote,
          reason: `Antwort ${i + 1}`,
          byId: speaker.personId,
          byName: speaker.name,
          at,
        },
        ...(approved
          ? [
              {
                action: 'approved',
                vote,
                reason: `Antwort ${i + 1}`,
                byId: speaker.personId,
                byName: speaker.name,
                at,
              },
            ]
          : []),
      ],
    });
  }
  await models.Document.insertMany(documents);
  await models.Statement.insertMany(statements);
  await models.Remark.insertMany(remarks);
  await models.ReviewResponse.insertMany(responses);
  await models.Task.insertMany(tasks);
  return { roundId: String(roundId), documentId: String(documentId) };
}
