import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import type { GroupRole, Sector } from '../../generated/graphql';
import { ModalDialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormActions, OptionalSelectField } from '../../ui/FormField';
import { GroupFields } from './GroupRoleFields';

const AddGroupMemberDocument = graphql(`
  mutation AddGroupMember($input: AddGroupMemberInput!) {
    addGroupMember(input: $input) {
      group {
        id
        memberCount
      }
    }
  }
`);

const AddBodyMemberDocument = graphql(`
  mutation AddBodyMember($input: BodyMemberInput!) {
    addBodyMember(input: $input) {
      body {
        id
        memberCount
      }
    }
  }
`);

interface Option {
  id: string;
  name: string;
}

/** Assigns a person to an expert group (with role and sector) and/or a body. */
export function AssignDialog(props: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  person: Option;
  groups: readonly Option[];
  bodies: readonly Option[];
  onAssigned: () => void;
}) {
  const { t } = useTranslation();
  const [groupId, setGroupId] = useState('');
  const [role, setRole] = useState<GroupRole>('MEMBER');
  const [sector, setSector] = useState<Sector>('CIVIL_SOCIETY');
  const [bodyId, setBodyId] = useState('');
  const [addGroupMember, groupState] = useMutation(AddGroupMemberDocument);
  const [addBodyMember, bodyState] = useMutation(AddBodyMemberDocument);
  const personId = props.person.id;

  return (
    <ModalDialog
      title={t('people.assignTitle', { name: props.person.name })}
      isOpen={props.isOpen}
      onOpenChange={props.onOpenChange}
    >
      {groupState.error || bodyState.error ? (
        <ErrorNotice error={groupState.error ?? bodyState.error} />
      ) : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const work: Promise<unknown>[] = [];
          if (groupId)
            work.push(
              addGroupMember({ variables: { input: { groupId, personId, role, sector } } }),
            );
          if (bodyId) work.push(addBodyMember({ variables: { input: { bodyId, personId } } }));
          Promise.all(work)
            .then(() => {
              props.onAssigned();
              props.onOpenChange(false);
            })
            .catch(() => undefined);
        }}
      >
        <GroupFields
          groups={props.groups}
          groupId={groupId}
          onGroupId={setGroupId}
          role={role}
          onRole={setRole}
          sector={sector}
          onSector={setSector}
        />
        {props.bodies.length > 0 ? (
          <OptionalSelectField
            label={t('people.body')}
            value={bodyId}
            onChange={setBodyId}
            items={props.bodies}
          />
        ) : null}
        <FormActions
          submitLabel={t('common.save')}
          busy={groupState.loading || bodyState.loading}
          disabled={!groupId && !bodyId}
          onCancel={() => props.onOpenChange(false)}
        />
      </form>
    </ModalDialog>
  );
}
