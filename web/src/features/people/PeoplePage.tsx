import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import { useViewer } from '../../app/session';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EmptyState } from '../../ui/EmptyState';
import { toLocalized } from '../../i18n/localized';
import { InviteDialog } from './InviteDialog';
import { AssignDialog } from './AssignDialog';

const PeoplePageDocument = graphql(`
  query PeoplePage($filter: PeopleFilter) {
    people(filter: $filter) {
      id
      name
      email
      status
      systemRole
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

/**
 * People and organisations: a searchable directory with roles and memberships. Coordinators
 * invite people (the invitation link is shown to copy) and assign them to groups and bodies.
 */
export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const id = useId();
  const [search, setSearch] = useState('');
  const [inviteOpen, setInviteOpen] = useState(false);
  const [assignPersonId, setAssignPersonId] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(PeoplePageDocument, {
    variables: { filter: search.trim() ? { search: search.trim() } : null },
  });
  const lng = i18n.language;
  const groups = (data?.process?.actionFields ?? []).flatMap((field) =>
    field.group ? [{ id: field.group.id, name: toLocalized(field.group.name, lng) }] : [],
  );
  const bodies = (data?.process?.bodies ?? []).map((body) => ({ id: body.id, name: body.name }));
  const canAssign = viewer.canInvite || viewer.canManageBodies;
  // System roles are personal details the API shows only to people managers (who may invite).
  const showRoles = viewer.canInvite;
  const assignPerson = data?.people.find((person) => person.id === assignPersonId);

  return (
    <div>
      <PageTitle>{t('people.title')}</PageTitle>
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
      </div>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNotice error={error} /> : null}
      {data ? (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">{t('people.directory')}</h2>
          {/* The table scrolls sideways in its own region on a phone, so the page does not. */}
          {data.people.length === 0 ? (
            <EmptyState>{t('people.empty')}</EmptyState>
          ) : (
            <div
              className="table-scroll"
              role="region"
              aria-labelledby="people-heading"
              tabIndex={0}
            >
              <table className="table">
                <caption className="visually-hidden">{t('people.directory')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('people.name')}</th>
                    {showRoles ? <th scope="col">{t('people.role')}</th> : null}
                    <th scope="col">{t('people.organisation')}</th>
                    <th scope="col">{t('people.memberships')}</th>
                    {canAssign ? <th scope="col">{t('common.actions')}</th> : null}
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
                            <span className="muted">{person.email}</span>
                          </>
                        ) : null}
                        {person.status === 'INVITED' ? (
                          <span className="badge badge--draft">{t('people.invited')}</span>
                        ) : null}
                      </th>
                      {showRoles ? (
                        <td>{person.systemRole ? t(`systemRole.${person.systemRole}`) : '–'}</td>
                      ) : null}
                      <td>{person.organisation?.name ?? '–'}</td>
                      <td>
                        <ul className="plain-list">
                          {person.groupMemberships.map((membership) => (
                            <li key={membership.group.id}>
                              {toLocalized(membership.group.name, lng)} (
                              {t(`groupRole.${membership.role}`)},{' '}
                              {t(`sector.${membership.sector}`)})
                            </li>
                          ))}
                          {person.bodies.map((body) => (
                            <li key={body.id}>{body.name}</li>
                          ))}
                        </ul>
                      </td>
                      {canAssign ? (
                        <td>
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('people.assignLabel', { name: person.name })}
                            onClick={() => setAssignPersonId(person.id)}
                          >
                            {t('people.assign')}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
    </div>
  );
}
