import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../generated';
import type { GroupRole, Sector } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ModalDialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormActions } from '../../ui/FormField';
import { peopleAdminTexts } from './people-admin.texts';
import { RoleSectorFields } from './GroupRoleFields';

const ChangeGroupRoleDocument = graphql(`
  mutation ChangeGroupRole($input: AddGroupMemberInput!) {
    addGroupMember(input: $input) {
      group {
        id
        memberCount
      }
    }
  }
`);

const RemoveGroupMemberDocument = graphql(`
  mutation RemoveGroupMember($input: RemoveGroupMemberInput!) {
    removeGroupMember(input: $input) {
      group {
        id
        memberCount
      }
    }
  }
`);

const RemoveBodyMemberDocument = graphql(`
  mutation RemoveBodyMember($input: BodyMemberInput!) {
    removeBodyMember(input: $input) {
      body {
        id
        memberCount
      }
    }
  }
`);

/** A person's membership in an expert group, as the dialogs need it. */
export interface GroupMembershipRef {
  personId: string;
  name: string;
  groupId: string;
  groupName: string;
  role: GroupRole;
  sector: Sector;
}

/** Changes a member's role and sector in their expert group (the group's coordinators). */
export function GroupRoleDialog(props: {
  membership: GroupMembershipRef;
  onOpenChange: (open: boolean) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useFeatureTranslation(peopleAdminTexts);
  const { membership } = props;
  const [role, setRole] = useState<GroupRole>(membership.role);
  const [sector, setSector] = useState<Sector>(membership.sector);
  const [change, { loading, error }] = useMutation(ChangeGroupRoleDocument);
  return (
    <ModalDialog
      title={t('changeRoleTitle', { name: membership.name, group: membership.groupName })}
      isOpen
      onOpenChange={props.onOpenChange}
    >
      {error ? <ErrorNotice error={error} /> : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          change({
            variables: {
              input: {
                groupId: membership.groupId,
                personId: membership.personId,
                role,
                sector,
              },
            },
          })
            .then(() => {
              props.onDone(t('roleChanged', { name: membership.name }));
              props.onOpenChange(false);
            })
            .catch(() => undefined);
        }}
      >
        <RoleSectorFields
          role={role}
          onRole={setRole}
          sector={sector}
          onSector={setSector}
          autoFocus
        />
        <FormActions
          submitLabel={t('common.save')}
          busy={loading}
          onCancel={() => props.onOpenChange(false)}
        />
      </form>
    </ModalDialog>
  );
}

/**
 * Asks before removing a person from an expert group or a body, saying what they lose (their
 * open editor closes through the API's revocation), then removes them.
 */
export function RemoveMembershipDialog(props: {
  target:
    | { kind: 'group'; groupId: string; groupName: string; personId: string; name: string }
    | { kind: 'body'; bodyId: string; groupName: string; personId: string; name: string };
  onOpenChange: (open: boolean) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useFeatureTranslation(peopleAdminTexts);
  const { target } = props;
  const [removeFromGroup, groupState] = useMutation(RemoveGroupMemberDocument);
  const [removeFromBody, bodyState] = useMutation(RemoveBodyMemberDocument);
  const names = { name: target.name, group: target.groupName };
  const remove = () =>
    target.kind === 'group'
      ? removeFromGroup({
          variables: { input: { groupId: target.groupId, personId: target.personId } },
        })
      : removeFromBody({
          variables: { input: { bodyId: target.bodyId, personId: target.personId } },
        });
  const error = groupState.error ?? bodyState.error;
  return (
    <ModalDialog title={t('removeTitle', names)} isOpen onOpenChange={props.onOpenChange}>
      {error ? <ErrorNotice error={error} /> : null}
      <p>{t(target.kind === 'group' ? 'removeText' : 'removeBodyText', names)}</p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger-solid"
          disabled={groupState.loading || bodyState.loading}
          onClick={() => {
            remove()
              .then(() => {
                props.onDone(t('removed', names));
                props.onOpenChange(false);
              })
              .catch(() => undefined);
          }}
        >
          {t('removeConfirm')}
        </button>
        <button type="button" className="button" onClick={() => props.onOpenChange(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
