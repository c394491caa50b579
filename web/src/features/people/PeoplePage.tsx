import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../generated';
import { useViewer } from '../../app/session';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EmptyState } from '../../ui/EmptyState';
import { ModalDialog } from '../../ui/Dialog';
import { toLocalized } from '../../i18n/localized';
import { InviteDialog } from './InviteDialog';
import { AssignDialog } from './AssignDialog';
import {
  GroupRoleDialog,
  RemoveMembershipDialog,
  type GroupMembershipRef,
} from './MembershipDialogs';
import { peopleAdminTexts } from './people-admin.texts';
import { SignInMethods } from '../account/SignInMethods';

const PeoplePageDocument = graphql(`
  query PeoplePage($filter: PeopleFilter) {
    people(filter: $filter) {
      id
      name
      email
      status
      systemRole
      signInMethods {
        ...SignInMethods_methods
      }
      organisation {
        id
        name
      }
      groupMemberships {
        role
        sector
        group {
          id
          actionFieldKey
          name {
            de
            en
          }
        }
      }
      pendingGroupMemberships {
        role
        group {
          id
          name {
            de
            en
          }
        }
      }
      bodies {
        id
        name
      }
    }
    organisations {
      id
      name
      partnerType
    }
    process {
      id
      actionFields {
        key
        group {
          id
          name {
            de
            en
          }
        }
      }
      bodies {
        id
        name
        kind
      }
    }
  }
`);

const DeactivatePersonDocument = graphql(`
  mutation DeactivatePerson($personId: ID!) {
    deactivatePerson(personId: $personId) {
      person {
        id
        status
      }
    }
  }
`);

const ReactivatePersonDocument = graphql(`
  mutation ReactivatePerson($personId: ID!) {
    reactivatePerson(personId: $personId) {
      person {
        id
        status
      }
    }
  }
`);

type RemoveTarget = Parameters<typeof RemoveMembershipDialog>[0]['target'];

/**
 * People and organisations: a searchable directory with roles and memberships (pending ones of
 * invited people included). Coordinators invite people and assign them to groups and bodies,
 * change their group role or remove them, each as far as the policy lets them; admins also
 * deactivate and reactivate accounts. On a phone each person is a block instead of a table row.
 */
export function PeoplePage() {
  const { t, i18n } = useFeatureTranslation(peopleAdminTexts);
  const viewer = useViewer();
  const id = useId();
  const [search, setSearch] = useState('');
  const [inviteOpen, setInviteOpen] = useState(false);
  const [assignPersonId, setAssignPersonId] = useState<string | null>(null);
  const [roleTarget, setRoleTarget] = useState<GroupMembershipRef | null>(null);
  const [removeTarget, setRemoveTarget] = useState<RemoveTarget | null>(null);
  const [deactivating, setDeactivating] = useState<{ id: string; name: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error, refetch } = useQuery(PeoplePageDocument, {
    variables: { filter: search.trim() ? { search: search.trim() } : null },
  });
  const [deactivate, deactivateState] = useMutation(DeactivatePersonDocument);
  const [reactivate] = useMutation(ReactivatePersonDocument);
  const lng = i18n.language;
  const groups = (data?.process?.actionFields ?? []).flatMap((field) =>
    field.group ? [{ id: field.group.id, name: toLocalized(field.group.name, lng) }] : [],
  );
  const bodies = (data?.process?.bodies ?? []).map((body) => ({ id: body.id, name: body.name }));
  const canAssign = viewer.canInvite || viewer.canManageBodies;
  const canManageGroup = (actionFieldKey: string) =>
    viewer.actionFieldKeysICanManage.includes(actionFieldKey);
  const withActions = canAssign || viewer.canManagePeople || viewer.canAdministerPeopleData;
  // System roles are personal details the API shows only to people managers (who may invite).
  const showRoles = viewer.canInvite;
  const assignPerson = data?.people.find((person) => person.id === assignPersonId);
  const done = (message: string) => {
    setAnnouncement(message);
    void refetch();
  };

  return (
    <div>
      <PageTitle>{t('people.title')}</PageTitle>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="toolbar-row">
        <div className="field">
          <label htmlFor={`${id}-search`}>
            {showRoles ? t('people.search') : t('people.searchByName')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        {viewer.canInvite ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setInviteOpen(true)}
          >
            {t('people.invite')}
          </button>
        ) : null}
        {viewer.canAdministerPeopleData ? (
          <Link className="button" to="/audit">
            {t('auditLink')}
          </Link>
        ) : null}
      </div>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNotice error={error} /> : null}
      {data ? (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">{t('people.directory')}</h2>
          {data.people.length === 0 ? (
            <EmptyState>{t('people.empty')}</EmptyState>
          ) : (
            <table className="table table--stack">
              <caption className="visually-hidden">{t('people.directory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  {showRoles ? <th scope="col">{t('people.role')}</th> : null}
                  <th scope="col">{t('people.organisation')}</th>
                  <th scope="col">{t('people.memberships')}</th>
                  {withActions ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.people.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">
                      {person.name}
                      {person.email ? (
                        <>
                          <br />
                          <span className="muted break-anywhere">{person.email}</span>
                        </>
                      ) : null}
                      {person.status === 'INVITED' ? (
                        <span className="badge badge--draft">{t('people.invited')}</span>
                      ) : null}
                      {person.status === 'DEACTIVATED' ? (
                        <span className="badge badge--returned">{t('deactivated')}</span>
                      ) : null}
                    </th>
                    {showRoles ? (
                      <td data-label={t('people.role')}>
                        {person.systemRole ? t(`systemRole.${person.systemRole}`) : '–'}
                        {person.signInMethods ? (
                          <>
                            <br />
                            <SignInMethods methods={person.signInMethods} />
                          </>
                        ) : null}
                      </td>
                    ) : null}
                    <td data-label={t('people.organisation')}>
                      {person.organisation?.name ?? '–'}
                    </td>
                    <td data-label={t('people.memberships')}>
                      <ul className="plain-list memberships">
                        {person.groupMemberships.map((membership) => {
                          const groupName = toLocalized(membership.group.name, lng);
                          const names = { name: person.name, group: groupName };
                          return (
                            <li key={membership.group.id}>
                              <span>
                                {groupName} ({t(`groupRole.${membership.role}`)},{' '}
                                {t(`sector.${membership.sector}`)})
                              </span>
                              {canManageGroup(membership.group.actionFieldKey) ? (
                                <span className="memberships__actions">
                                  <button
                                    type="button"
                                    className="link-button"
                                    aria-label={t('changeRoleLabel', names)}
                                    onClick={() =>
                                      setRoleTarget({
                                        personId: person.id,
                                        name: person.name,
                                        groupId: membership.group.id,
                                        groupName,
                                        role: membership.role,
                                        sector: membership.sector,
                                      })
                                    }
                                  >
                                    {t('changeRole')}
                                  </button>
                                  <button
                                    type="button"
                                    className="link-button"
                                    aria-label={t('removeLabel', names)}
                                    onClick={() =>
                                      setRemoveTarget({
                                        kind: 'group',
                                        groupId: membership.group.id,
                                        groupName,
                                        personId: person.id,
                                        name: person.name,
                                      })
                                    }
                                  >
                                    {t('remove')}
                                  </button>
                                </span>
                              ) : null}
                            </li>
                          );
                        })}
                        {person.pendingGroupMemberships.map((pending) => (
                          <li key={`pending-${pending.group.id}`} className="muted">
                            {t('pendingMembership', {
                              group: toLocalized(pending.group.name, lng),
                              role: t(`groupRole.${pending.role}`),
                            })}
                          </li>
                        ))}
                        {person.bodies.map((body) => (
                          <li key={body.id}>
                            <span>{body.name}</span>
                            {viewer.canManageBodies ? (
                              <span className="memberships__actions">
                                <button
                                  type="button"
                                  className="link-button"
                                  aria-label={t('removeLabel', {
                                    name: person.name,
                                    group: body.name,
                                  })}
                                  onClick={() =>
                                    setRemoveTarget({
                                      kind: 'body',
                                      bodyId: body.id,
                                      groupName: body.name,
                                      personId: person.id,
                                      name: person.name,
                                    })
                                  }
                                >
                                  {t('remove')}
                                </button>
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                    {withActions ? (
                      <td>
                        <div className="row-actions">
                          {viewer.canAdministerPeopleData && person.id !== viewer.person.id ? (
                            <Link
                              className="button button--small"
                              to={`/people/${person.id}/data`}
                              aria-label={t('personData.linkLabel', { name: person.name })}
                            >
                              {t('personData.link')}
                            </Link>
                          ) : null}
                          {canAssign && person.status !== 'DEACTIVATED' ? (
                            <button
                              type="button"
                              className="button button--small"
                              aria-label={t('people.assignLabel', { name: person.name })}
                              onClick={() => setAssignPersonId(person.id)}
                            >
                              {t('people.assign')}
                            </button>
                          ) : null}
                          {viewer.canManagePeople && person.id !== viewer.person.id ? (
                            person.status === 'DEACTIVATED' ? (
                              <button
                                type="button"
                                className="button button--small"
                                aria-label={t('reactivateLabel', { name: person.name })}
                                onClick={() => {
                                  reactivate({ variables: { personId: person.id } })
                                    .then(() => done(t('reactivatedNotice', { name: person.name })))
                                    .catch(() => setAnnouncement(t('errors.UNKNOWN')));
                                }}
                              >
                                {t('reactivate')}
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button button--small button--danger"
                                aria-label={t('deactivateLabel', { name: person.name })}
                                onClick={() =>
                                  setDeactivating({ id: person.id, name: person.name })
                                }
                              >
                                {t('deactivate')}
                              </button>
                            )
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      {data ? (
        <section aria-labelledby="organisations-heading">
          <h2 id="organisations-heading">{t('people.organisations')}</h2>
          {data.organisations.length === 0 ? (
            <p className="muted">{t('people.noOrganisations')}</p>
          ) : (
            <ul className="organisation-list">
              {data.organisations.map((organisation) => (
                <li key={organisation.id}>
                  <strong>{organisation.name}</strong>{' '}
                  <span className="muted">{t(`partnerType.${organisation.partnerType}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {inviteOpen ? (
        <InviteDialog
          isOpen
          onOpenChange={setInviteOpen}
          groups={groups}
          bodies={bodies}
          organisations={(data?.organisations ?? []).map((item) => ({
            id: item.id,
            name: item.name,
          }))}
          canInviteCoordinators={viewer.canManagePeople}
          onInvited={() => void refetch()}
        />
      ) : null}
      {assignPerson ? (
        <AssignDialog
          isOpen
          onOpenChange={(open) => !open && setAssignPersonId(null)}
          person={{ id: assignPerson.id, name: assignPerson.name }}
          groups={viewer.canInvite ? groups : []}
          bodies={viewer.canManageBodies ? bodies : []}
          onAssigned={() => void refetch()}
        />
      ) : null}
      {roleTarget ? (
        <GroupRoleDialog
          membership={roleTarget}
          onOpenChange={(open) => !open && setRoleTarget(null)}
          onDone={done}
        />
      ) : null}
      {removeTarget ? (
        <RemoveMembershipDialog
          target={removeTarget}
          onOpenChange={(open) => !open && setRemoveTarget(null)}
          onDone={done}
        />
      ) : null}
      {deactivating ? (
        <ModalDialog
          title={t('deactivateTitle', { name: deactivating.name })}
          isOpen
          onOpenChange={(open) => !open && setDeactivating(null)}
        >
          {deactivateState.error ? <ErrorNotice error={deactivateState.error} /> : null}
          <p>{t('deactivateText', { name: deactivating.name })}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger-solid"
              disabled={deactivateState.loading}
              onClick={() => {
                deactivate({ variables: { personId: deactivating.id } })
                  .then(() => {
                    done(t('deactivatedNotice', { name: deactivating.name }));
                    setDeactivating(null);
                  })
                  .catch(() => undefined);
              }}
            >
              {t('deactivateConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setDeactivating(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </div>
  );
}
