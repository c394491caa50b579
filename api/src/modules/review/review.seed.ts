import { Types } from 'mongoose';
import type {
  DecisionOutcome,
  ResponseVote,
  StatementAssessment,
  StatementStatus,
} from '@lip/common';
import { op } from '../../db/connection';
import type { Models } from '../../db/models';
import type { ProcessDoc } from '../process/process.model';
import type { ResponseRevisionDoc, ReviewItemDoc } from './review.model';

const DAY_MS = 86_400_000;

/** What the review seed needs from the workspace seed. */
export interface ReviewSeedContext {
  process: ProcessDoc;
  documents: {
    _id: Types.ObjectId;
    title: string;
    actionFieldKey: string;
    groupId: Types.ObjectId;
  }[];
  /** Person id of a demo person by seed key (`steering`, `education1`, …). */
  personId: (key: string) => Types.ObjectId;
  personName: (key: string) => string;
  now: Date;
}

interface SeedRemark {
  item: number;
  quote: string;
  text: string;
  proposedWording?: string;
  response?: {
    vote: ResponseVote;
    reason: string;
    approved: boolean;
    by: string;
    approver?: string;
  };
  task?: boolean;
}

interface SeedStatement {
  body: string;
  status: StatementStatus;
  assessment: StatementAssessment | null;
  meetingDaysAgo?: number;
  resolutionRef?: string;
  submittedDaysAgo?: number;
  text: string[];
  remarks: SeedRemark[];
}

interface SeedDecision {
  item: number;
  outcome: DecisionOutcome;
  reason: string;
  conditions?: string;
  daysAgo: number;
}

interface SeedRound {
  title: string;
  documentTitles: string[];
  bodies: string[] | 'all';
  openedDaysAgo: number;
  deadlineInDays: number;
  evaluatedDaysAgo?: number;
  statements: SeedStatement[];
  decisions: SeedDecision[];
}

/** The demo: an evaluated round with decisions, and an open one where some councils answered. */
const ROUNDS: SeedRound[] = [
  {
    title: 'Grundlagenkapitel Stadtverwaltung und Demokratie',
    documentTitles: [
      'Stadtverwaltung und interkulturelle Öffnung: Grundlagenkapitel (Entwurf)',
      'Demokratie: Grundlagenkapitel (Entwurf)',
    ],
    bodies: [
      'Integrationsbeirat Mitte',
      'Integrationsbeirat Linden-Limmer',
      'Integrationsbeirat Nord',
      'Runder Tisch gegen Rassismus',
    ],
    openedDaysAgo: 70,
    deadlineInDays: -40,
    evaluatedDaysAgo: 25,
    statements: [
      {
        body: 'Integrationsbeirat Mitte',
        status: 'submitted',
        assessment: 'agree-with-remarks',
        meetingDaysAgo: 45,
        resolutionRef: 'IB Mitte, Beschluss 14/2019',
        submittedDaysAgo: 44,
        text: [
          'Der Integrationsbeirat Mitte begrüßt beide Kapitel und bittet um zwei Ergänzungen.',
          'Die Anmerkungen wurden in der Sitzung einstimmig beschlossen.',
        ],
        remarks: [
          {
            item: 0,
            quote:
              'Entwurf des Grundlagenkapitels im Handlungsfeld Stadtverwaltung und interkulturelle Öffnung.',
            text: 'Es fehlen Ziele zur Mehrsprachigkeit der Bürgerämter.',
            proposedWording:
              'Die Bürgerämter bieten bis 2022 Beratung in den fünf häufigsten Erstsprachen an.',
            response: {
              vote: 'accepted',
              reason: 'Wird als eigenes Ziel in Abschnitt 2 aufgenommen.',
              approved: true,
              by: 'extra-28',
              approver: 'extra-24',
            },
          },
          {
            item: 1,
            quote: 'Entwurf des Grundlagenkapitels im Handlungsfeld Demokratie.',
            text: 'Bitte die Wahlbeteiligung in den Stadtteilen mit Zahlen belegen.',
            response: {
              vote: 'partly-accepted',
              reason: 'Zahlen für 2016 liegen vor und werden ergänzt; neuere folgen nach der Wahl.',
              approved: true,
              by: 'extra-23',
              approver: 'extra-19',
            },
          },
        ],
      },
      {
        body: 'Runder Tisch gegen Rassismus',
        status: 'submitted',
        assessment: 'agree-with-remarks',
        meetingDaysAgo: 42,
        resolutionRef: 'RT-Sitzung vom Herbst 2019, TOP 3',
        submittedDaysAgo: 41,
        text: ['Der Runde Tisch gegen Rassismus nimmt Stellung zum Kapitel Stadtverwaltung.'],
        remarks: [
          {
            item: 0,
            quote:
              'Entwurf des Grundlagenkapitels im Handlungsfeld Stadtverwaltung und interkulturelle Öffnung.',
            text: 'Eine unabhängige Beschwerdestelle bei Diskriminierung durch Behörden fehlt.',
            proposedWording: 'Die Stadt richtet eine unabhängige Beschwerdestelle ein.',
            response: {
              vote: 'not-accepted',
              reason:
                'Liegt außerhalb des Auftrags der Expert*innengruppe; wird an den Rat weitergegeben.',
              approved: true,
              by: 'extra-28',
              approver: 'extra-25',
            },
          },
        ],
      },
      {
        body: 'Integrationsbeirat Linden-Limmer',
        status: 'submitted',
        assessment: 'no-objections',
        meetingDaysAgo: 48,
        resolutionRef: 'IB Linden-Limmer, Protokoll 09/2019',
        submittedDaysAgo: 47,
        text: ['Der Integrationsbeirat Linden-Limmer hat keine Einwände.'],
        remarks: [],
      },
    ],
    decisions: [
      {
        item: 0,
        outcome: 'returned',
        reason:
          'Ziele zur Mehrsprachigkeit der Bürgerämter ausformulieren\nHinweis des Runden Tisches zur Beschwerdestelle im Kapitel begründen',
        daysAgo: 15,
      },
      {
        item: 1,
        outcome: 'accepted-with-conditions',
        reason: 'Das Kapitel trägt die Anmerkungen der Beiräte.',
        conditions: 'Zahlen zur Wahlbeteiligung nach der nächsten Wahl nachliefern.',
        daysAgo: 15,
      },
    ],
  },
  {
    title: 'Bildung: Ausgangslage und Ziele',
    documentTitles: ['Bildung: Ausgangslage und Ziele'],
    bodies: 'all',
    openedDaysAgo: 7,
    deadlineInDays: 14,
    statements: [
      {
        body: 'Integrationsbeirat Mitte',
        status: 'submitted',
        assessment: 'agree-with-remarks',
        meetingDaysAgo: 2,
        resolutionRef: 'IB Mitte, Beschluss 3/2020',
        submittedDaysAgo: 1,
        text: [
          'Der Integrationsbeirat Mitte unterstützt das Kapitel.',
          'Zwei Punkte sind dem Beirat wichtig: die Sprachförderung vor der Einschulung und die Beteiligung der Eltern.',
        ],
        remarks: [
          {
            item: 0,
            quote: 'Bildung ist ein Schlüssel für Teilhabe.',
            text: 'Teilhabe beginnt vor der Schule: bitte die frühkindliche Sprachförderung ausdrücklich nennen.',
            proposedWording:
              'Bildung ist ein Schlüssel für Teilhabe, von der frühkindlichen Sprachförderung an.',
            response: {
              vote: 'accepted',
              reason: 'Wir übernehmen die Formulierung.',
              approved: true,
              by: 'education2',
              approver: 'education1',
            },
            task: true,
          },
          {
            item: 0,
            quote: 'Ziele: gleiche Bildungschancen von der Kita bis zur beruflichen Bildung.',
            text: 'Die Elternarbeit fehlt bei den Zielen.',
            response: {
              vote: 'partly-accepted',
              reason: 'Elternarbeit kommt in die Maßnahmen, nicht in die Ziele.',
              approved: false,
              by: 'education2',
            },
          },
        ],
      },
      {
        body: 'Integrationsbeirat Südstadt-Bult',
        status: 'submitted',
        assessment: 'agree',
        meetingDaysAgo: 3,
        resolutionRef: 'IB Südstadt-Bult, Sitzung 1/2020',
        submittedDaysAgo: 2,
        text: ['Der Integrationsbeirat Südstadt-Bult stimmt dem Kapitel zu.'],
        remarks: [
          {
            item: 0,
            quote: 'Dieses Kapitel beschreibt die Ausgangslage in Hannover.',
            text: 'Die Ausgangslage sollte auch die Schulabschlüsse nach Stadtbezirk zeigen.',
          },
        ],
      },
      {
        body: 'Runder Tisch gegen Rassismus',
        status: 'submitted',
        assessment: 'agree-with-remarks',
        meetingDaysAgo: 4,
        resolutionRef: 'RT-Sitzung Januar 2020, TOP 2',
        submittedDaysAgo: 3,
        text: ['Der Runde Tisch bittet, Diskriminierung im Bildungssystem zu benennen.'],
        remarks: [
          {
            item: 0,
            quote: 'Ziele: gleiche Bildungschancen von der Kita bis zur beruflichen Bildung.',
            text: 'Gleiche Chancen setzen voraus, Diskriminierung in Schulen zu erkennen und abzubauen.',
            proposedWording:
              'Ziele: gleiche Bildungschancen von der Kita bis zur beruflichen Bildung, frei von Diskriminierung.',
          },
        ],
      },
      {
        body: 'Integrationsbeirat Nord',
        status: 'draft',
        assessment: null,
        text: [
          'Entwurf: Der Integrationsbeirat Nord berät das Kapitel in seiner nächsten Sitzung.',
        ],
        remarks: [
          {
            item: 0,
            quote: 'Bildung ist ein Schlüssel für Teilhabe.',
            text: 'Bitte Zahlen zur Nordstadt ergänzen (Entwurf, noch nicht beschlossen).',
          },
        ],
      },
    ],
    decisions: [],
  },
];

function doc(paragraphs: string[], heading: string): unknown {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] },
      ...paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    ],
  };
}

/**
 * Seeds the review workflow of the demo workspace: round 1 evaluated with steering decisions
 * (one chapter returned with tasks, one accepted with conditions), round 2 open with some
 * councils answered and some not. Dates are relative to `now`. The rounds' versions are frozen
 * on first use (the seed runs before any collab server does).
 */
export async function seedReviewRounds(models: Models, context: ReviewSeedContext): Promise<void> {
  const { process, now } = context;
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const bodyByName = new Map(process.bodies.map((b) => [b.name, b]));
  const reviewing = process.bodies.filter((b) => b.kind !== 'steering-group');

  // Elena Petrova chairs Integrationsbeirat Nord; education answers with four eyes.
  const bodies = process.bodies.map((b) =>
    b.name === 'Integrationsbeirat Nord'
      ? { ...b, chairIds: [context.personId('councilNord')] }
      : b,
  );
  const groups = process.groups.map((g) =>
    g.actionFieldKey === 'education' ? { ...g, reviewFourEyes: true } : g,
  );
  await models.Process.updateOne({ _id: process._id }, { $set: { bodies, groups } });

  // Collected and written in one insert per collection at the end: the seed runs on every
  // fresh start and in every API test file, so round trips matter.
  const batch = {
    numbers: [] as Record<string, unknown>[],
    rounds: [] as Record<string, unknown>[],
    documents: [] as Record<string, unknown>[],
    statements: [] as Record<string, unknown>[],
    remarks: [] as Record<string, unknown>[],
    responses: [] as Record<string, unknown>[],
    tasks: [] as Record<string, unknown>[],
    decisions: [] as Record<string, unknown>[],
    activities: [] as Record<string, unknown>[],
  };

  for (const [roundIndex, seed] of ROUNDS.entries()) {
    const number = roundIndex + 1;
    const roundId = new Types.ObjectId();
    const evaluated = seed.evaluatedDaysAgo !== undefined;
    const items: ReviewItemDoc[] = seed.documentTitles.map((title, index) => {
      const document = context.documents.find((d) => d.title === title);
      if (!document) throw new Error(`seed document missing: ${title}`);
      return {
        index,
        subject: { kind: 'document', documentId: document._id, measureId: null },
        documentId: document._id,
        versionId: null,
        title,
        actionFieldKey: document.actionFieldKey,
        groupId: document.groupId,
        statusBefore: 'draft',
        measureSnapshot: null,
      };
    });
    const roundBodies =
      seed.bodies === 'all' ? reviewing : seed.bodies.map((n) => bodyByName.get(n)!);
    const deadline = at(seed.deadlineInDays);
    batch.numbers.push({ _id: `${String(process._id)}:${number}`, roundId });
    batch.rounds.push({
      _id: roundId,
      processId: process._id,
      number,
      title: seed.title,
      status: evaluated ? 'evaluated' : 'open',
      items,
      bodyIds: roundBodies.map((b) => b._id),
      deadline,
      createdById: context.personId('coordination'),
      createdAt: at(-seed.openedDaysAgo - 2),
      openedAt: at(-seed.openedDaysAgo),
      openedById: context.personId('coordination'),
      closedAt: evaluated ? deadline : null,
      cancelledAt: null,
      cancelReason: null,
      evaluatedAt: evaluated ? at(-seed.evaluatedDaysAgo!) : null,
      updatedAt: at(-(seed.evaluatedDaysAgo ?? 0)),
    });
    if (!evaluated) {
      await models.Document.updateMany(
        { _id: op({ $in: items.map((i) => i.documentId) }) },
        {
          $set: {
            status: 'in-review',
            sharedWithBodyIds: roundBodies.map((b) => b._id),
            reviewDeadline: deadline,
          },
        },
      );
    }

    for (const statementSeed of seed.statements) {
      const body = bodyByName.get(statementSeed.body);
      if (!body) throw new Error(`seed body missing: ${statementSeed.body}`);
      const statementId = `${String(roundId)}:${String(body._id)}`;
      const textDocumentId = new Types.ObjectId();
      const submitted = statementSeed.status === 'submitted';
      const author = body.memberIds[0] ?? context.personId('coordination');
      batch.documents.push({
        _id: textDocumentId,
        processId: process._id,
        actionFieldKey: items[0]!.actionFieldKey,
        groupId: items[0]!.groupId,
        kind: 'statement',
        title: `Stellungnahme ${body.name} zu Beratungsrunde ${number}`,
        status: 'draft',
        order: 0,
        sharedWithBodyIds: [],
        reviewDeadline: null,
        seedContent: doc(statementSeed.text, `Stellungnahme: ${body.name}`),
        createdById: author,
        createdAt: at(-seed.openedDaysAgo + 1),
        updatedAt: at(-(statementSeed.submittedDaysAgo ?? 0)),
        statementOf: {
          roundId,
          bodyId: body._id,
          state: submitted ? 'submitted' : evaluated ? 'closed' : 'draft',
          groupIds: [...new Set(items.map((i) => String(i.groupId)))].map(
            (g) => new Types.ObjectId(g),
          ),
          roundBodyIds: roundBodies.map((b) => b._id),
          published: evaluated && submitted,
        },
      });
      batch.statements.push({
        _id: statementId,
        roundId,
        processId: process._id,
        bodyId: body._id,
        textDocumentId,
        assessment: statementSeed.assessment,
        meetingDate: statementSeed.meetingDaysAgo ? at(-statementSeed.meetingDaysAgo) : null,
        resolutionRef: statementSeed.resolutionRef ?? '',
        status: statementSeed.status,
        submittedById: submitted ? author : null,
        submittedAt: submitted ? at(-statementSeed.submittedDaysAgo!) : null,
        late: false,
        withdrawnAt: null,
        withdrawnById: null,
        createdById: author,
        createdAt: at(-seed.openedDaysAgo + 1),
        updatedAt: at(-(statementSeed.submittedDaysAgo ?? 0)),
      });
      for (const [remarkIndex, remarkSeed] of statementSeed.remarks.entries()) {
        const remarkId = `${statementId}:${remarkIndex + 1}`;
        const item = items[remarkSeed.item]!;
        const created = at(-(statementSeed.submittedDaysAgo ?? 1) - 1);
        let taskId: Types.ObjectId | null = null;
        if (remarkSeed.task) {
          taskId = new Types.ObjectId();
          batch.tasks.push({
            _id: taskId,
            processId: process._id,
            actionFieldKey: item.actionFieldKey,
            groupId: item.groupId,
            documentId: item.documentId,
            title: `Anmerkung ${body.name} ${remarkIndex + 1} bearbeiten`,
            description: `${remarkSeed.text}\n\nFormulierungsvorschlag: ${remarkSeed.proposedWording ?? ''}`,
            assigneeIds: [context.personId('education2')],
            deadline: at(10),
            status: 'in-progress',
            priority: 'normal',
            position: 50_000 + remarkIndex,
            createdById: context.personId('education1'),
            milestoneId: null,
            createdAt: created,
            updatedAt: created,
            origin: { kind: 'remark', roundId, remarkId, decisionId: null },
          });
        }
        batch.remarks.push({
          _id: remarkId,
          statementId,
          roundId,
          processId: process._id,
          bodyId: body._id,
          itemIndex: remarkSeed.item,
          documentId: item.documentId,
          number: remarkIndex + 1,
          anchor: null,
          quote: remarkSeed.quote,
          text: remarkSeed.text,
          proposedWording: remarkSeed.proposedWording ?? '',
          sourceThreadId: null,
          taskId,
          createdById: author,
          createdAt: created,
          updatedAt: created,
        });
        const response = remarkSeed.response;
        if (!response) continue;
        const draftedAt = at(-(seed.evaluatedDaysAgo ?? 0) - 3);
        const approvedAt = at(-(seed.evaluatedDaysAgo ?? 0) - 1);
        const revisions: ResponseRevisionDoc[] = [
          {
            action: 'drafted' as const,
            vote: response.vote,
            reason: response.reason,
            note: '',
            byId: context.personId(response.by),
            byName: context.personName(response.by),
            at: draftedAt,
          },
          ...(response.approved && response.approver
            ? [
                {
                  action: 'approved' as const,
                  vote: response.vote,
                  reason: response.reason,
                  note: '',
                  byId: context.personId(response.approver),
                  byName: context.personName(response.approver),
                  at: approvedAt,
                },
              ]
            : []),
        ];
        batch.responses.push({
          _id: remarkId,
          roundId,
          processId: process._id,
          groupId: item.groupId,
          actionFieldKey: item.actionFieldKey,
          vote: response.vote,
          reason: response.reason,
          status: response.approved ? 'approved' : 'draft',
          draftedById: context.personId(response.by),
          draftedByName: context.personName(response.by),
          draftedAt,
          approvedById:
            response.approved && response.approver ? context.personId(response.approver) : null,
          approvedByName:
            response.approved && response.approver ? context.personName(response.approver) : null,
          approvedAt: response.approved ? approvedAt : null,
          revisions,
          updatedAt: response.approved ? approvedAt : draftedAt,
        });
      }
    }

    for (const decisionSeed of seed.decisions) {
      const item = items[decisionSeed.item]!;
      const decisionId = `${String(roundId)}:document-${String(item.documentId)}:1`;
      const recordedAt = at(-decisionSeed.daysAgo);
      const taskIds: Types.ObjectId[] = [];
      if (decisionSeed.outcome === 'returned') {
        const group = process.groups.find((g) => String(g._id) === String(item.groupId));
        const speakers = (group?.members ?? [])
          .filter((m) => m.role === 'speaker' || m.role === 'lead')
          .map((m) => m.personId);
        for (const [lineIndex, line] of decisionSeed.reason.split('\n').entries()) {
          const taskId = new Types.ObjectId();
          taskIds.push(taskId);
          batch.tasks.push({
            _id: taskId,
            processId: process._id,
            actionFieldKey: item.actionFieldKey,
            groupId: item.groupId,
            documentId: item.documentId,
            title: `Überarbeiten (Lenkungsgruppe): ${line}`,
            description: `Die Lenkungsgruppe hat „${item.title}“ zur Überarbeitung zurückgegeben (Beratungsrunde ${number}).\n\nBegründung: ${decisionSeed.reason}`,
            assigneeIds: speakers,
            deadline: at(14),
            status: 'open',
            priority: 'high',
            position: 60_000 + lineIndex,
            createdById: context.personId('steering'),
            milestoneId: null,
            createdAt: recordedAt,
            updatedAt: recordedAt,
            origin: { kind: 'decision', roundId, remarkId: null, decisionId },
          });
        }
      }
      batch.decisions.push({
        _id: decisionId,
        processId: process._id,
        roundId,
        itemIndex: item.index,
        subject: item.subject,
        documentId: item.documentId,
        actionFieldKey: item.actionFieldKey,
        groupId: item.groupId,
        sequence: 1,
        outcome: decisionSeed.outcome,
        reason: decisionSeed.reason,
        conditions: decisionSeed.conditions ?? '',
        meetingDate: recordedAt,
        recordedById: context.personId('steering'),
        recordedByName: context.personName('steering'),
        recordedAt,
        supersedesId: null,
        supersededAt: null,
        supersededById: null,
        taskIds,
      });
      await models.Document.updateOne(
        { _id: item.documentId },
        {
          $set: {
            status: decisionSeed.outcome === 'returned' ? 'returned' : 'accepted',
            sharedWithBodyIds:
              decisionSeed.outcome === 'returned' ? [] : roundBodies.map((b) => b._id),
            reviewDeadline: null,
          },
        },
      );
    }

    batch.activities.push(
      ...[
        {
          processId: process._id,
          actionFieldKey: null,
          actorId: context.personId('coordination'),
          actorName: context.personName('coordination'),
          verb: 'review.round-opened',
          subjectTitle: seed.title,
          detail:
            roundBodies.length <= 3
              ? roundBodies.map((b) => b.name).join(', ')
              : `${roundBodies.length} Gremien`,
          createdAt: at(-seed.openedDaysAgo),
        },
        ...seed.decisions.map((d) => ({
          processId: process._id,
          actionFieldKey: null,
          documentId: items[d.item]!.documentId,
          actorId: context.personId('steering'),
          actorName: context.personName('steering'),
          verb: 'decision.recorded',
          subjectTitle: items[d.item]!.title,
          detail: d.outcome,
          createdAt: at(-d.daysAgo),
        })),
      ],
    );
  }
  await Promise.all([
    models.ReviewRoundNumber.insertMany(batch.numbers, { lean: true }),
    models.ReviewRound.insertMany(batch.rounds, { lean: true }),
    models.Document.insertMany(batch.documents, { lean: true }),
    models.Statement.insertMany(batch.statements, { lean: true }),
    models.Remark.insertMany(batch.remarks, { lean: true }),
    models.ReviewResponse.insertMany(batch.responses, { lean: true }),
    models.Task.insertMany(batch.tasks, { lean: true }),
    models.Decision.insertMany(batch.decisions, { lean: true }),
    models.Activity.insertMany(batch.activities, { lean: true }),
  ]);
}
