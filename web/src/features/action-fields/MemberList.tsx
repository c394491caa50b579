import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../generated';

/** The group's members with role, sector and organisation. */
export const MemberList_group = graphql(`
  fragment MemberList_group on ExpertGroup {
    id
    members {
      personId
      name
      organisationName
      role
      sector
    }
  }
`);

/** The expert group as a table: name, group role, sector, organisation. */
export function MemberList(props: { group: FragmentType<typeof MemberList_group> }) {
  const { t } = useTranslation();
  const group = getFragmentData(MemberList_group, props.group);
  if (group.members.length === 0) return <p className="muted">{t('actionField.noMembers')}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t('actionField.members')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('people.name')}</th>
          <th scope="col">{t('people.groupRole')}</th>
          <th scope="col">{t('people.sector')}</th>
          <th scope="col">{t('people.organisation')}</th>
        </tr>
      </thead>
      <tbody>
        {group.members.map((member) => (
          <tr key={member.personId}>
            <th scope="row">{member.name}</th>
            <td>{t(`groupRole.${member.role}`)}</td>
            <td>{t(`sector.${member.sector}`)}</td>
            <td>{member.organisationName ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
