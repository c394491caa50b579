import { useTranslation } from 'react-i18next';
import type { GroupRole, Sector } from '../../generated/graphql';
import { FormField } from '../../ui/FormField';

/** A group's roles, in the order the pickers offer them. */
const GROUP_ROLES: GroupRole[] = ['MEMBER', 'SPEAKER', 'LEAD', 'ADVISER'];
const SECTORS: Sector[] = ['ADMINISTRATION', 'CIVIL_SOCIETY'];

/**
 * The group-role and sector selects of a membership: in the invite and assign dialogs (below the
 * group picker) and when a member's role changes. `autoFocus` puts focus on the role.
 */
export function RoleSectorFields(props: {
  role: GroupRole;
  onRole: (value: GroupRole) => void;
  sector: Sector;
  onSector: (value: Sector) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormField label={t('people.groupRole')}>
        {(control) => (
          <select
            {...control}
            value={props.role}
            onChange={(event) => props.onRole(event.target.value as GroupRole)}
            autoFocus={props.autoFocus}
          >
            {GROUP_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`groupRole.${role}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('people.sector')}>
        {(control) => (
          <select
            {...control}
            value={props.sector}
            onChange={(event) => props.onSector(event.target.value as Sector)}
          >
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`sector.${sector}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}

/**
 * The expert-group picker ("none" first) and, once a group is chosen, its role and sector;
 * shared by the invite and assign dialogs. Renders nothing when the viewer may add to no group.
 */
export function GroupFields(props: {
  groups: readonly { id: string; name: string }[];
  groupId: string;
  onGroupId: (value: string) => void;
  role: GroupRole;
  onRole: (value: GroupRole) => void;
  sector: Sector;
  onSector: (value: Sector) => void;
}) {
  const { t } = useTranslation();
  if (props.groups.length === 0) return null;
  return (
    <>
      <FormField label={t('people.group')}>
        {(control) => (
          <select
            {...control}
            value={props.groupId}
            onChange={(event) => props.onGroupId(event.target.value)}
          >
            <option value="">{t('common.none')}</option>
            {props.groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {props.groupId ? (
        <RoleSectorFields
          role={props.role}
          onRole={props.onRole}
          sector={props.sector}
          onSector={props.onSector}
        />
      ) : null}
    </>
  );
}
