import { useState } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toLocalized } from '../../i18n/localized';
import {
  GroupRoleDialog,
  RemoveMembershipDialog,
  type GroupMembershipRef,
} from '../people/MembershipDialogs';
import { peopleAdminTexts } from '../people/people-admin.texts';

/** The group's members with role, sector and organisation, and who is invited. */
export const MemberList_group = graphql(`
  fragment MemberList_group on ExpertGroup {
    id
    name {
      de
      en
    }
    members {
      personId
      name
      organisationName
      role
      sector
    }
    pendingMembers {
      personId
      name
      role
      sector
    }
  }
`);

/**
 * The expert group as a table: name, group role, sector, organisation; invited people follow,
 * marked as pending until they accept. The group's coordinators change roles and remove members
 * from here. On a phone each member is a block.
 */
export function MemberList(props: {
  group: FragmentType<typeof MemberList_group>;
  canManage: boolean;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useFeatureTranslation(peopleAdminTexts);
  const group = getFragmentData(MemberList_group, props.group);
  const groupName = toLocalized(group.name, i18n.language);
  const [roleTarget, setRoleTarget] = useState<GroupMembershipRef | null>(null);
  const [removeTarget, setRemoveTarget] = useState<{ personId: string; name: string } | null>(null);
  if (group.members.length === 0 && group.pendingMembers.length === 0) {
    return <p className="muted">{t('actionField.noMembers')}</p>;
  }
  return (
    <>
      <table className="table table--stack">
        <caption className="visually-hidden">{t('actionField.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.groupRole')}</th>
            <th scope="col">{t('people.sector')}</th>
            <th scope="col">{t('people.organisation')}</th>
            {props.canManage ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {group.members.map((member) => {
            const names = { name: member.name, group: groupName };
            return (
              <tr key={member.personId}>
                <th scope="row">{member.name}</th>
                <td data-label={t('people.groupRole')}>{t(`groupRole.${member.role}`)}</td>
                <td data-label={t('people.sector')}>{t(`sector.${member.sector}`)}</td>
                <td data-label={t('people.organisation')}>{member.organisationName ?? '–'}</td>
                {props.canManage ? (
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('changeRoleLabel', names)}
                        onClick={() =>
                          setRoleTarget({
                            personId: member.personId,
                            name: member.name,
                            groupId: group.id,
                            groupName,
                            role: member.role,
                            sector: member.sector,
                          })
                        }
                      >
                        {t('changeRole')}
                      </button>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={t('removeLabel', names)}
                        onClick={() =>
                          setRemoveTarget({ personId: member.personId, name: member.name })
                        }
                      >
                        {t('remove')}
                      </button>
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
          {group.pendingMembers.map((member) => (
            <tr key={`pending-${member.personId}`} className="is-pending-row">
              <th scope="row">
                {member.name} <span className="badge badge--draft">{t('pending')}</span>
              </th>
              <td data-label={t('people.groupRole')}>{t(`groupRole.${member.role}`)}</td>
              <td data-label={t('people.sector')}>{t(`sector.${member.sector}`)}</td>
              <td data-label={t('people.organisation')}>–</td>
              {props.canManage ? <td /> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {roleTarget ? (
        <GroupRoleDialog
          membership={roleTarget}
          onOpenChange={(open) => !open && setRoleTarget(null)}
          onDone={props.onChanged}
        />
      ) : null}
      {removeTarget ? (
        <RemoveMembershipDialog
          target={{ kind: 'group', groupId: group.id, groupName, ...removeTarget }}
          onOpenChange={(open) => !open && setRemoveTarget(null)}
          onDone={props.onChanged}
        />
      ) : null}
    </>
  );
}
