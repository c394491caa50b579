import { Types } from 'mongoose';
import { op } from '../../db/connection';
import type { Models } from '../../db/models';
import type { DocumentDoc } from '../document/document.model';
import type { ProcessDoc } from '../process/process.model';
import { paperIdOf } from './paper.model';
import { defaultOutline } from './paper.service';

const paragraphs = (texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/**
 * Seeds the demo paper: a preface and an introduction written by the project team (kept with
 * the administration field's group, where the project team's city staff sit), then the default
 * outline of parts, chapters and measures per field, and an annex part.
 */
export async function seedPaper(
  models: Models,
  input: { process: ProcessDoc; author: Types.ObjectId; now: Date },
): Promise<void> {
  const { process, author, now } = input;
  const group = process.groups.find((g) => g.actionFieldKey === 'administration');
  if (!group) return;
  const front = [
    {
      title: 'Vorwort',
      text: [
        'Zehn Jahre nach dem ersten Lokalen Integrationsplan legen Verwaltung, Zivilgesellschaft und die Integrationsbeiräte gemeinsam die Grundlagen für die nächsten Jahre vor.',
      ],
    },
    {
      title: 'Einleitung',
      text: [
        'Das Grundlagenpapier beschreibt für jedes der sechs Handlungsfelder die Ausgangslage, die Ziele und die Maßnahmen.',
        'Es wurde in sechs Expert*innengruppen erarbeitet, von den Integrationsbeiräten und dem Runden Tisch kommentiert und von der Lenkungsgruppe beraten.',
      ],
    },
  ].map((doc, index) => ({
    _id: new Types.ObjectId(),
    processId: process._id,
    actionFieldKey: group.actionFieldKey,
    groupId: group._id,
    kind: 'foundation-chapter' as const,
    title: doc.title,
    status: 'draft' as const,
    order: 100 + index,
    sharedWithBodyIds: [],
    reviewDeadline: null,
    seedContent: paragraphs(doc.text),
    createdById: author,
    createdAt: now,
    updatedAt: now,
  }));
  await models.Document.insertMany(front);
  const documents = await models.Document.find(
    { processId: process._id, _id: op({ $nin: front.map((d) => d._id) }) },
    { _id: 1, actionFieldKey: 1, kind: 1, order: 1 },
  ).lean<DocumentDoc[]>();
  const frontEntries = front.map((doc) => ({
    id: new Types.ObjectId().toHexString(),
    kind: 'document' as const,
    title: null,
    documentId: doc._id,
    measureId: null,
    actionFieldKey: null,
  }));
  await models.Paper.create({
    _id: paperIdOf(process._id),
    processId: process._id,
    title: 'Grundlagenpapier',
    subtitle: process.title,
    outline: [...frontEntries, ...defaultOutline(process, documents)],
    revision: 0,
    updatedById: null,
    createdAt: now,
    updatedAt: now,
  });
}
