import { Types } from 'mongoose';
import type { ProcessDoc } from '../modules/process/process.model';
import {
  canAct,
  canInviteAs,
  canSee,
  canSeePersonDetail,
  collabModeFor,
  type Actor,
  type DocumentFacts,
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

  it('lets only speakers, leads and coordinators send for review, and only the steering group decide', () => {
    expect(act(actor(ids.speaker), 'sendForReview', doc('draft'))).toBe(true);
    expect(act(actor(ids.member), 'sendForReview', doc('draft'))).toBe(false);
    expect(
      act(actor(ids.outsider, 'coordinator', ['education']), 'sendForReview', doc('returned')),
    ).toBe(true);
    expect(
      act(actor(ids.outsider, 'coordinator', ['economy']), 'sendForReview', doc('draft')),
    ).toBe(false);
    expect(act(actor(ids.steering), 'decideReview', doc('in-review'))).toBe(true);
    expect(act(actor(ids.speaker), 'decideReview', doc('in-review'))).toBe(false);
    expect(act(actor(ids.steering), 'decideReview', doc('draft'))).toBe(false);
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
