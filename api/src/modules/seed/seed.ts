import { Types } from 'mongoose';
import { hashPassword } from '../../auth/password';
import type { Models } from '../../db/models';
import { seedDemoComments } from '../comment/comment.seed';
import { seedMeasures } from '../measure/measure.seed';
import { seedPaper } from '../paper/paper.seed';
import type { GroupDoc, ProcessDoc } from '../process/process.model';
import { seedReviewRounds } from '../review/review.seed';
import {
  ACTION_FIELDS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DISTRICTS,
  ORGANISATIONS,
  OTHER_BODIES,
  TIMELINE_MILESTONES,
  demoProcess,
  monthStart,
  extraMembers,
  proseMirrorDoc,
} from './seed.data';

/** What the seed did. */
export type SeedResult =
  | { seeded: true; processId: string; people: number; documents: number; tasks: number }
  | { seeded: false; reason: string };

const DAY_MS = 86_400_000;

/**
 * Seeds the Hannover demo workspace into an EMPTY database and never otherwise: it refuses when
 * any person or process exists, and claims a marker document first so two concurrent starts
 * cannot both seed. Dates of tasks, reviews and upcoming milestones are relative to `now`.
 */
export async function seedDemoWorkspace(
  models: Models,
  options: { now?: Date } = {},
): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const [people, processes] = await Promise.all([
    models.Person.countDocuments({}),
    models.Process.countDocuments({}),
  ]);
  if (people > 0 || processes > 0) return { seeded: false, reason: 'database is not empty' };
  const db = models.Person.db;
  try {
    await db
      .collection<{ _id: string; at: Date }>('seed_marker')
      .insertOne({ _id: 'demo', at: now });
  } catch {
    return { seeded: false, reason: 'already seeded' };
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = new Map(ORGANISATIONS.map((o) => [o.key, new Types.ObjectId()]));
  await models.Organisation.insertMany(
    ORGANISATIONS.map((o) => ({
      _id: orgIds.get(o.key),
      name: o.name,
      partnerType: o.partnerType,
    })),
  );

  const allPeople = [...DEMO_PEOPLE, ...extraMembers()];
  const personIds = new Map(allPeople.map((p) => [p.key, new Types.ObjectId()]));
  await models.Person.insertMany(
    allPeople.map((p) => ({
      _id: personIds.get(p.key),
      name: p.name,
      email: p.email,
      passwordHash,
      locale: p.locale ?? 'de',
      organisationId: orgIds.get(p.organisation) ?? null,
      systemRole: p.systemRole,
      coordinatorScope: { all: p.coordinatorAll ?? false, actionFieldKeys: [] },
      status: 'active',
      createdAt: now,
    })),
  );

  const orgName = (key: string) => ORGANISATIONS.find((o) => o.key === key)?.name ?? null;
  const groups: GroupDoc[] = ACTION_FIELDS.map((field) => ({
    _id: new Types.ObjectId(),
    actionFieldKey: field.key,
    name: {
      de: `Expert*innengruppe ${field.name.de}`,
      en: `Expert group ${field.name.en}`,
    },
    members: allPeople.flatMap((p) =>
      (p.groups ?? [])
        .filter((g) => g.field === field.key)
        .map((g) => ({
          personId: personIds.get(p.key) as Types.ObjectId,
          name: p.name,
          organisationId: orgIds.get(p.organisation) ?? null,
          organisationName: orgName(p.organisation),
          role: g.role,
          sector: g.sector,
        })),
    ),
  }));

  const bodyMembers = (name: string) =>
    allPeople
      .filter((p) => p.bodies?.includes(name))
      .map((p) => personIds.get(p.key) as Types.ObjectId);
  const bodies = [
    ...DISTRICTS.map((district) => {
      const name = `Integrationsbeirat ${district}`;
      return {
        _id: new Types.ObjectId(),
        kind: 'district-council' as const,
        name,
        district,
        memberIds: bodyMembers(name),
      };
    }),
    ...OTHER_BODIES.map((b) => ({
      _id: new Types.ObjectId(),
      kind: b.kind,
      name: b.name,
      district: null,
      memberIds: bodyMembers(b.name),
    })),
  ];

  const inDays = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const processData = demoProcess(now);
  const milestones = [
    ...TIMELINE_MILESTONES.map((m) => ({
      _id: new Types.ObjectId(),
      title: m.title,
      date: monthStart(processData.periodStart, m.monthsAfterStart),
      done: m.done,
      actionFieldKey: null,
    })),
    {
      _id: new Types.ObjectId(),
      title: 'Grundlagenpapier: Entwürfe der Expert*innengruppen',
      date: inDays(21),
      done: false,
      actionFieldKey: null,
    },
    {
      _id: new Types.ObjectId(),
      title: 'Sitzung der Lenkungsgruppe',
      date: inDays(35),
      done: false,
      actionFieldKey: null,
    },
    {
      _id: new Types.ObjectId(),
      title: 'Bildung: Rückmeldungen der Integrationsbeiräte eingearbeitet',
      date: inDays(28),
      done: false,
      actionFieldKey: 'education',
    },
    {
      _id: new Types.ObjectId(),
      title: 'Wirtschaft: Entwurf Grundlagenkapitel',
      date: inDays(14),
      done: false,
      actionFieldKey: 'economy',
    },
    {
      _id: new Types.ObjectId(),
      title: 'Beschluss des Rates über den aktualisierten LIP',
      date: processData.periodEnd,
      done: false,
      actionFieldKey: null,
    },
  ];

  const process: ProcessDoc = {
    _id: new Types.ObjectId(),
    ...processData,
    budgetLines: processData.budgetLines.map((b) => ({ _id: new Types.ObjectId(), ...b })),
    actionFields: ACTION_FIELDS.map((a, index) => ({
      key: a.key,
      name: { ...a.name },
      description: { ...a.description },
      order: index + 1,
    })),
    groups,
    bodies,
    milestones,
    revision: 0,
    createdAt: now,
  };
  await models.Process.create(process);

  const groupOf = (key: string) => groups.find((g) => g.actionFieldKey === key) as GroupDoc;
  const reviewBodies = bodies.filter((b) => b.kind !== 'steering-group').map((b) => b._id);
  const education = groupOf('education');
  const documents = [
    {
      _id: new Types.ObjectId(),
      actionFieldKey: 'education',
      groupId: education._id,
      kind: 'foundation-chapter',
      title: 'Bildung: Ausgangslage und Ziele',
      status: 'in-review',
      order: 1,
      sharedWithBodyIds: reviewBodies,
      reviewDeadline: inDays(14),
      seedContent: proseMirrorDoc('Ausgangslage', [
        'Bildung ist ein Schlüssel für Teilhabe. Dieses Kapitel beschreibt die Ausgangslage in Hannover.',
        'Ziele: gleiche Bildungschancen von der Kita bis zur beruflichen Bildung.',
      ]),
    },
    {
      _id: new Types.ObjectId(),
      actionFieldKey: 'education',
      groupId: education._id,
      kind: 'measure-sheet',
      title: 'Bildung: Maßnahmen (Entwurf)',
      status: 'draft',
      order: 2,
      sharedWithBodyIds: [],
      reviewDeadline: null,
      seedContent: proseMirrorDoc('Maßnahmen', [
        'Erste Sammlung von Maßnahmen der Expert*innengruppe.',
      ]),
    },
    ...ACTION_FIELDS.filter((a) => a.key !== 'education').map((a) => ({
      _id: new Types.ObjectId(),
      actionFieldKey: a.key,
      groupId: groupOf(a.key)._id,
      kind: 'foundation-chapter',
      title: `${a.name.de}: Grundlagenkapitel (Entwurf)`,
      status: 'draft',
      order: 1,
      sharedWithBodyIds: [],
      reviewDeadline: null,
      seedContent: proseMirrorDoc(a.name.de, [
        `Entwurf des Grundlagenkapitels im Handlungsfeld ${a.name.de}.`,
      ]),
      // One draft nobody has touched for weeks, so coordinators see what is stuck.
      changedDaysAgo: a.key === 'social' ? 25 : 0,
    })),
  ];
  await models.Document.insertMany(
    documents.map((entry) => {
      const { changedDaysAgo = 0, ...d } = entry as typeof entry & { changedDaysAgo?: number };
      return {
        ...d,
        processId: process._id,
        createdById: personIds.get('coordination'),
        createdAt: inDays(-changedDaysAgo),
        updatedAt: inDays(-changedDaysAgo),
      };
    }),
  );
  await seedDemoComments(models, {
    processId: process._id,
    now,
    document: (title) => documents.find((d) => d.title === title) as (typeof documents)[number],
    person: (key) => ({
      _id: personIds.get(key) as Types.ObjectId,
      organisationId: orgIds.get(allPeople.find((p) => p.key === key)?.organisation ?? '') ?? null,
    }),
    body: (name) => bodies.find((b) => b.name === name) as (typeof bodies)[number],
  });

  const id = (key: string) => personIds.get(key) as Types.ObjectId;
  const tasks = [
    {
      field: 'education',
      title: 'Rückmeldungen der Integrationsbeiräte sichten',
      assignees: ['education1'],
      deadline: inDays(16),
      status: 'open',
      priority: 'high',
    },
    {
      field: 'education',
      title: 'Datenlage Schulabschlüsse aufbereiten',
      assignees: ['education2'],
      deadline: inDays(-3),
      status: 'in-progress',
      priority: 'normal',
    },
    {
      field: 'education',
      title: 'Maßnahmenblätter vorbereiten',
      assignees: ['education1', 'education2'],
      deadline: inDays(30),
      status: 'open',
      priority: 'normal',
    },
    {
      field: 'economy',
      title: 'Termin mit Jobcenter abstimmen',
      assignees: ['economy1'],
      deadline: inDays(-5),
      status: 'open',
      priority: 'high',
    },
    {
      field: 'economy',
      title: 'Gliederung Grundlagenkapitel',
      assignees: ['economy1'],
      deadline: inDays(7),
      status: 'in-progress',
      priority: 'normal',
    },
    {
      field: 'social',
      title: 'Expert*innen für Gesundheit gewinnen',
      assignees: [],
      deadline: inDays(-1),
      status: 'blocked',
      priority: 'normal',
    },
    {
      field: 'urban-life',
      title: 'Quartiersbegehung planen',
      assignees: [],
      deadline: inDays(20),
      status: 'open',
      priority: 'low',
    },
    {
      field: 'democracy',
      title: 'Online-Umfrage in acht Sprachen vorbereiten',
      assignees: ['coordination'],
      deadline: inDays(10),
      status: 'open',
      priority: 'high',
    },
    {
      field: 'administration',
      title: 'Interkulturelle Fortbildungen erfassen',
      assignees: [],
      deadline: inDays(-10),
      status: 'done',
      priority: 'normal',
    },
  ];
  await models.Task.insertMany(
    tasks.map((t, index) => ({
      processId: process._id,
      actionFieldKey: t.field,
      groupId: groupOf(t.field)._id,
      documentId: null,
      title: t.title,
      description: '',
      assigneeIds: t.assignees.map(id),
      deadline: t.deadline,
      status: t.status,
      priority: t.priority,
      milestoneId: null,
      position: (index + 1) * 1024,
      createdById: id('coordination'),
      createdAt: now,
      updatedAt: now,
    })),
  );

  await seedMeasures(models, {
    process,
    organisationIds: orgIds,
    author: { id: id('coordination'), name: 'Jonas Becker' },
    now,
  });
  await seedPaper(models, { process, author: id('coordination'), now });

  await models.Activity.insertMany([
    {
      processId: process._id,
      actionFieldKey: null,
      actorId: id('admin'),
      actorName: 'Miriam Schulte',
      verb: 'process.created',
      subjectTitle: process.title,
      createdAt: now,
    },
    {
      processId: process._id,
      actionFieldKey: 'education',
      groupId: education._id,
      documentId: documents[0]?._id,
      actorId: id('education1'),
      actorName: 'Ayşe Demir',
      verb: 'document.status-changed',
      subjectTitle: 'Bildung: Ausgangslage und Ziele',
      detail: 'in-review',
      createdAt: now,
    },
  ]);

  await seedReviewRounds(models, {
    process,
    documents,
    personId: id,
    personName: (key) => allPeople.find((p) => p.key === key)?.name ?? key,
    now,
  });

  return {
    seeded: true,
    processId: String(process._id),
    people: allPeople.length,
    documents: documents.length,
    tasks: tasks.length,
  };
}

/** What {@link seedOnStart} found or did. */
export interface SeedOnStartResult {
  /** The demo accounts (published password) are in this database, seeded now or earlier. */
  demoPresent: boolean;
  seeded: boolean;
}

/**
 * The start-up decision, shared by `npm start` and the API's `main.ts`: seed the demo workspace
 * into an empty database only when `SEED_DEMO` allows it (default: on unless
 * NODE_ENV=production). Forced on in production, it warns at every start, because anyone who
 * read the README can sign in as admin.
 */
export async function seedOnStart(
  models: Models,
  options: {
    config: { seedDemo: boolean; env: string };
    logger: {
      info(fields: object, message: string): void;
      warn(fields: object, message: string): void;
    };
  },
): Promise<SeedOnStartResult> {
  const { config, logger } = options;
  let seeded = false;
  if (config.seedDemo) {
    if (config.env === 'production') {
      logger.warn(
        { SEED_DEMO: 'true', NODE_ENV: 'production' },
        'SEED_DEMO=true IN PRODUCTION: an empty database gets the demo accounts with the published password; never do this on a reachable server',
      );
    }
    const result = await seedDemoWorkspace(models);
    if (result.seeded) {
      seeded = true;
      logger.info(
        { people: result.people, documents: result.documents },
        'seeded the demo workspace',
      );
    }
  }
  const marker = await models.Person.db
    .collection<{ _id: string }>('seed_marker')
    .findOne({ _id: 'demo' });
  if (marker && config.env === 'production') {
    logger.warn({}, 'this production database holds the demo workspace and its demo accounts');
  }
  return { demoPresent: marker !== null, seeded };
}
