import { Types } from 'mongoose';
import type { ProcessDoc } from '../modules/process/process.model';
import {
  canAct,
  canInviteAs,
  canSee,
  canSeePersonDetail,
  collabModeFor,
  fourEyesBlocks,
  type Actor,
  type DocumentFacts,
  type RoundFacts,
} from './policy';

/** A small process: one education group, a council, the steering group. */
const ids = {
  speaker: new Types.ObjectId(),
  member: new Types.ObjectId(),
  council: new Types.ObjectId(),
  steering: new Types.ObjectId(),
  outsider: new Types.ObjectId(),
  group: new Types.ObjectId(),
  councilBody: new Types.ObjectId(),
  steeringBody: new Types.ObjectId(),
};

const process = {
  _id: new Types.ObjectId(),
  actionFields: [{ key: 'education' }, { key: 'economy' }],
  groups: [
    {
      _id: ids.group,
      actionFieldKey: 'education',
      members: [
        { personId: ids.speaker, role: 'speaker' },
        { personId: ids.member, role: 'member' },
      ],
    },
  ],
  bodies: [
    { _id: ids.councilBody, kind: 'district-council', memberIds: [ids.council] },
    { _id: ids.steeringBody, kind: 'steering-group', memberIds: [ids.steering] },
  ],
  milestones: [],
} as unknown as ProcessDoc;

const actor = (
  id: Types.ObjectId | string,
  systemRole: Actor['systemRole'] = 'member',
  keys: string[] | 'all' = [],
): Actor => ({
  personId: String(id),
  systemRole,
  coordinatorScope: { all: keys === 'all', actionFieldKeys: keys === 'all' ? [] : keys },
});

const doc = (status: DocumentFacts['status'], shared: Types.ObjectId[] = []): DocumentFacts => ({
  actionFieldKey: 'education',
  groupId: ids.group,
  status,
  sharedWithBodyIds: shared,
});

const see = (a: Actor, d: DocumentFacts) => canSee(a, process, { type: 'document', document: d });
const act = (a: Actor, action: Parameters<typeof canAct>[1], d: DocumentFacts) =>
  canAct(a, action, process, { type: 'document', document: d });

describe('access policy', () => {
  it('lets group members see and edit their drafts, and hides them from other groups', () => {
    expect(see(actor(ids.member), doc('draft'))).toBe(true);
    expect(act(actor(ids.member), 'editDocument', doc('draft'))).toBe(true);
    expect(see(actor(ids.outsider), doc('draft'))).toBe(false);
    expect(act(actor(ids.outsider), 'editDocument', doc('draft'))).toBe(false);
  });

  it('lets a council member read and comment on a document shared with the council, never edit', () => {
    const shared = doc('in-review', [ids.councilBody]);
    expect(see(actor(ids.council), shared)).toBe(true);
    expect(act(actor(ids.council), 'comment', shared)).toBe(true);
    expect(act(actor(ids.council), 'editDocument', shared)).toBe(false);
    expect(collabModeFor(actor(ids.council), process, shared)).toBe('comment');
    expect(see(actor(ids.council), doc('in-review'))).toBe(false);
  });

  it('lets observers see everything and do nothing', () => {
    const observer = actor(ids.outsider, 'observer');
    expect(see(observer, doc('draft'))).toBe(true);
    expect(act(observer, 'comment', doc('draft'))).toBe(false);
    expect(
      canAct(observer, 'workOnTasks', process, { type: 'actionField', key: 'education' }),
    ).toBe(false);
    expect(collabModeFor(observer, process, doc('draft'))).toBe('read');
  });

  it('lets coordinators of every item’s field run a review round, and nobody from the groups', () => {
    const round = (status: RoundFacts['status']) => ({
      type: 'reviewRound' as const,
      round: {
        status,
        bodyIds: [ids.councilBody],
        items: [{ actionFieldKey: 'education', groupId: ids.group }],
      },
    });
    const manage = (a: Actor) => canAct(a, 'manageReviewRound', process, round('draft'));
    expect(manage(actor(ids.outsider, 'coordinator', ['education']))).toBe(true);
    expect(manage(actor(ids.outsider, 'coordinator', ['economy']))).toBe(false);
    expect(manage(actor(ids.speaker))).toBe(false);
    expect(manage(actor(ids.outsider, 'admin'))).toBe(true);
    expect(manage(actor(ids.outsider, 'observer'))).toBe(false);
    // Councils see a round once it is open, never its draft.
    expect(canSee(actor(ids.council), process, round('draft'))).toBe(false);
    expect(canSee(actor(ids.council), process, round('open'))).toBe(true);
  });

  it('lets the steering group decide only on an evaluated round, and only the recorder correct', () => {
    const decision = (status: RoundFacts['status'], recordedById: Types.ObjectId | null) => ({
      type: 'decision' as const,
      round: { status, bodyIds: [ids.councilBody], items: [] },
      item: { actionFieldKey: 'education', groupId: ids.group },
      decision: recordedById ? { recordedById, superseded: false } : null,
    });
    expect(
      canAct(actor(ids.steering), 'recordDecision', process, decision('evaluated', null)),
    ).toBe(true);
    expect(canAct(actor(ids.steering), 'recordDecision', process, decision('closed', null))).toBe(
      false,
    );
    expect(canAct(actor(ids.speaker), 'recordDecision', process, decision('evaluated', null))).toBe(
      false,
    );
    expect(
      canAct(actor(ids.steering), 'correctDecision', process, decision('evaluated', ids.steering)),
    ).toBe(true);
    expect(
      canAct(actor(ids.steering), 'correctDecision', process, decision('evaluated', ids.outsider)),
    ).toBe(false);
  });

  it('refuses a speaker approving their own response when the group has the four-eyes rule', () => {
    const item = { actionFieldKey: 'education', groupId: ids.group };
    const own = { status: 'draft' as const, draftedById: ids.speaker };
    const strict = {
      ...process,
      groups: process.groups.map((g) => ({ ...g, reviewFourEyes: true })),
    } as unknown as ProcessDoc;
    expect(fourEyesBlocks(actor(ids.speaker), process, item, own)).toBe(false);
    expect(fourEyesBlocks(actor(ids.speaker), strict, item, own)).toBe(true);
    const resource = {
      type: 'response' as const,
      round: { status: 'closed' as const, bodyIds: [], items: [item] },
      item,
      response: own,
    };
    expect(canAct(actor(ids.speaker), 'approveResponse', process, resource)).toBe(true);
    expect(canAct(actor(ids.member), 'approveResponse', process, resource)).toBe(false);
    expect(
      canAct(actor(ids.member), 'draftResponse', process, { ...resource, response: null }),
    ).toBe(true);
  });

  it('lets only a body’s chair submit its statement when it has one, any member otherwise', () => {
    const statement = {
      type: 'statement' as const,
      round: { status: 'open' as const, bodyIds: [ids.councilBody], items: [] },
      statement: { bodyId: ids.councilBody, status: 'draft' as const },
    };
    expect(canAct(actor(ids.council), 'submitStatement', process, statement)).toBe(true);
    const chaired = {
      ...process,
      bodies: process.bodies.map((b) => ({ ...b, chairIds: [ids.outsider] })),
    } as unknown as ProcessDoc;
    expect(canAct(actor(ids.council), 'submitStatement', chaired, statement)).toBe(false);
    expect(canAct(actor(ids.council), 'writeStatement', chaired, statement)).toBe(true);
  });

  it('gives the steering group the comment mode on drafts before it, since it may comment', () => {
    const inReview = doc('in-review', [ids.councilBody]);
    expect(act(actor(ids.steering), 'comment', inReview)).toBe(true);
    expect(collabModeFor(actor(ids.steering), process, inReview)).toBe('comment');
    expect(act(actor(ids.steering), 'editDocument', inReview)).toBe(false);
  });

  it('separates seeing from acting for coordinators of other fields', () => {
    const economyCoordinator = actor(ids.outsider, 'coordinator', ['economy']);
    expect(see(economyCoordinator, doc('draft'))).toBe(true);
    expect(act(economyCoordinator, 'editDocument', doc('draft'))).toBe(false);
    expect(collabModeFor(economyCoordinator, process, doc('draft'))).toBe('comment');
  });

  it('freezes accepted documents for everyone, admins included', () => {
    expect(act(actor(ids.outsider, 'admin'), 'editDocument', doc('accepted'))).toBe(false);
    expect(see(actor(ids.outsider), doc('accepted'))).toBe(true);
  });

  it('shows group-internal threads only to the group side', () => {
    const shared = doc('in-review', [ids.councilBody]);
    const thread = (visibility: 'group' | 'shared') => ({
      type: 'thread' as const,
      document: shared,
      visibility,
      authorId: String(ids.member),
    });
    expect(canSee(actor(ids.council), process, thread('group'))).toBe(false);
    expect(canSee(actor(ids.council), process, thread('shared'))).toBe(true);
    expect(canSee(actor(ids.member), process, thread('group'))).toBe(true);
  });

  it('lets only admins and coordinators of all fields invite observers, only admins invite staff', () => {
    const limited = actor(ids.outsider, 'coordinator', ['education']);
    const full = actor(ids.outsider, 'coordinator', 'all');
    const admin = actor(ids.outsider, 'admin');
    expect(canInviteAs(limited, process, 'member')).toBe(true);
    expect(canInviteAs(limited, process, 'observer')).toBe(false);
    expect(canInviteAs(full, process, 'observer')).toBe(true);
    expect(canInviteAs(full, process, 'coordinator')).toBe(false);
    expect(canInviteAs(admin, process, 'admin')).toBe(true);
    expect(canInviteAs(actor(ids.speaker), process, 'member')).toBe(false);
  });

  it('shows personal details only to the person and to people managers', () => {
    const other = String(ids.member);
    for (const detail of ['email', 'status', 'systemRole', 'coordinatorScope', 'locale'] as const) {
      expect(canSeePersonDetail(actor(ids.council), other, detail)).toBe(false);
      expect(canSeePersonDetail(actor(ids.outsider, 'observer'), other, detail)).toBe(false);
      expect(canSeePersonDetail(actor(ids.speaker), other, detail)).toBe(false);
      expect(canSeePersonDetail(actor(ids.member), other, detail)).toBe(true);
      expect(
        canSeePersonDetail(actor(ids.outsider, 'coordinator', ['economy']), other, detail),
      ).toBe(true);
      expect(canSeePersonDetail(actor(ids.outsider, 'admin'), other, detail)).toBe(true);
    }
  });
});
