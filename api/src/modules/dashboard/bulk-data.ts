import { Types } from 'mongoose';
import type { Models } from '../../db/models';
import type { ProcessDoc } from '../process/process.model';

/**
 * Adds `scale` documents (each with a comment thread), tasks and activities per action field (and
 * `scale` members per group) to the seeded process, for round-trip tests and the benchmark.
 * Deterministic, no randomness.
 */
export async function addBulkData(models: Models, scale: number): Promise<void> {
  const process = await models.Process.findOne({}).lean<ProcessDoc>();
  if (!process) throw new Error('seed the demo workspace first');
  const people = await models.Person.find({}, { _id: 1, name: 1 }).lean();
  const now = Date.now();
  const docs = [];
  const threads = [];
  const tasks = [];
  const activities = [];
  for (const group of process.groups) {
    for (let i = 0; i < scale; i += 1) {
      const statuses = ['draft', 'in-review', 'returned', 'accepted'] as const;
      const status = statuses[i % 4] ?? 'draft';
      const documentId = new Types.ObjectId();
      const author = people[(i + 1) % people.length];
      threads.push({
        documentId,
        processId: process._id,
        actionFieldKey: group.actionFieldKey,
        visibility: i % 2 === 0 ? 'group' : 'shared',
        resolved: i % 3 === 0,
        comments: [0, 1].map((n) => ({
          body: `Kommentar ${n + 1} zu Maßnahme ${i + 1}`,
          authorId: author?._id ?? new Types.ObjectId(),
          createdAt: new Date(now - (n + 1) * 3_600_000),
        })),
      });
      docs.push({
        _id: documentId,
        processId: process._id,
        actionFieldKey: group.actionFieldKey,
        groupId: group._id,
        kind: 'measure-sheet',
        title: `Maßnahme ${group.actionFieldKey} ${i + 1}`,
        status,
        order: 100 + i,
        sharedWithBodyIds: status === 'draft' ? [] : process.bodies.slice(0, 3).map((b) => b._id),
        reviewDeadline: new Date(now + (i % 30) * 86_400_000),
        contentText: 'Text '.repeat(200),
        contentHtml: `<p>${'Text '.repeat(200)}</p>`,
      });
      const person = people[i % people.length];
      tasks.push({
        processId: process._id,
        actionFieldKey: group.actionFieldKey,
        groupId: group._id,
        title: `Aufgabe ${group.actionFieldKey} ${i + 1}`,
        description: 'Beschreibung '.repeat(20),
        assigneeIds: person ? [person._id] : [],
        deadline: new Date(now + ((i % 20) - 10) * 86_400_000),
        status: (['open', 'in-progress', 'blocked', 'done'] as const)[i % 4],
        priority: 'normal',
        position: 10_000 + i,
      });
      activities.push({
        processId: process._id,
        actionFieldKey: group.actionFieldKey,
        groupId: group._id,
        actorId: person?._id ?? null,
        actorName: person?.name ?? 'Jemand',
        verb: 'task.updated',
        subjectTitle: `Aufgabe ${i + 1}`,
      });
    }
  }
  await models.Document.insertMany(docs);
  await models.CommentThread.insertMany(threads);
  await models.Task.insertMany(tasks);
  await models.Activity.insertMany(activities);

  const groups = process.groups.map((group) => ({
    ...group,
    members: [
      ...group.members,
      ...Array.from({ length: scale }, (_, i) => ({
        personId: new Types.ObjectId(),
        name: `Mitglied ${group.actionFieldKey} ${i + 1}`,
        organisationId: null,
        organisationName: null,
        role: 'member' as const,
        sector: i % 2 === 0 ? ('administration' as const) : ('civil-society' as const),
      })),
    ],
  }));
  await models.Process.updateOne(
    { _id: process._id },
    { $set: { groups, revision: process.revision + 1 } },
  );
}
