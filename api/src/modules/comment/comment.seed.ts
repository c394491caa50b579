import type { Types } from 'mongoose';
import type { Models } from '../../db/models';

/** What the demo comments refer to, from the workspace seed. */
export interface CommentSeedRefs {
  processId: Types.ObjectId;
  now: Date;
  /** Documents by title. */
  document: (title: string) => { _id: Types.ObjectId; actionFieldKey: string };
  /** People by demo key, with their organisation. */
  person: (key: string) => { _id: Types.ObjectId; organisationId: Types.ObjectId | null };
  /** Bodies by name. */
  body: (name: string) => { _id: Types.ObjectId };
}

const HOUR_MS = 3_600_000;

/**
 * Two demo conversations: a council's remark on the draft shared for review (waiting for the
 * group's answer) and a group-internal question on the measures draft (new for the other member).
 * Unanchored, so they show in the sidebar without a highlighted passage.
 */
export async function seedDemoComments(models: Models, refs: CommentSeedRefs): Promise<void> {
  const at = (hoursAgo: number) => new Date(refs.now.getTime() - hoursAgo * HOUR_MS);
  const comment = (key: string, body: string, hoursAgo: number, forBody?: string) => ({
    body,
    authorId: refs.person(key)._id,
    organisationId: refs.person(key).organisationId,
    bodyId: forBody ? refs.body(forBody)._id : null,
    createdAt: at(hoursAgo),
  });
  const shared = refs.document('Bildung: Ausgangslage und Ziele');
  const measures = refs.document('Bildung: Maßnahmen (Entwurf)');
  await models.CommentThread.insertMany([
    {
      documentId: shared._id,
      processId: refs.processId,
      actionFieldKey: shared.actionFieldKey,
      anchor: null,
      quote: 'Bildung ist ein Schlüssel für Teilhabe.',
      visibility: 'shared',
      comments: [
        comment(
          'councilNord',
          'Der Integrationsbeirat Nord bittet, die Lage der Sprachkitas in Vahrenheide und Sahlkamp aufzunehmen.',
          50,
          'Integrationsbeirat Nord',
        ),
      ],
      createdAt: at(50),
      updatedAt: at(50),
    },
    {
      documentId: measures._id,
      processId: refs.processId,
      actionFieldKey: measures.actionFieldKey,
      anchor: null,
      quote: null,
      visibility: 'group',
      comments: [
        comment(
          'education1',
          'Sollen wir die Maßnahmen nach Altersgruppen gliedern (Kita, Schule, Ausbildung)?',
          20,
        ),
      ],
      createdAt: at(20),
      updatedAt: at(20),
    },
  ]);
}
