import { useMemo, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import type { GroupRole, Sector, SystemRole } from '../../generated/graphql';
import { ModalDialog } from '../../ui/Dialog';
import { FormErrorNotice } from '../../ui/FormErrorNotice';
import { useFormErrors } from '../../ui/useFormErrors';
import { FormActions, FormField, OptionalSelectField } from '../../ui/FormField';
import { GroupFields } from './GroupRoleFields';

const CreateInvitationDocument = graphql(`
  mutation CreateInvitation($input: CreateInvitationInput!) {
    createInvitation(input: $input) {
      invitation {
        id
        email
        name
        link
        expiresAt
      }
    }
  }
`);

interface Option {
  id: string;
  name: string;
}

/** The absolute invitation URL for a relative link from the API. */
export function toInvitationUrl(link: string, origin: string): string {
  return new URL(link, origin).toString();
}

/**
 * Invites a person: name, email, role, optionally an expert group (role, sector) and a body.
 * Afterwards shows the one-time invitation link with a copy button (there is no mail server).
 */
export function InviteDialog(props: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  groups: readonly Option[];
  bodies: readonly Option[];
  organisations: readonly Option[];
  canInviteCoordinators: boolean;
  onInvited: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [systemRole, setSystemRole] = useState<SystemRole>('MEMBER');
  const [organisationId, setOrganisationId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [groupRole, setGroupRole] = useState<GroupRole>('MEMBER');
  const [sector, setSector] = useState<Sector>('CIVIL_SOCIETY');
  const [bodyId, setBodyId] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const [createInvitation, { loading, error }] = useMutation(CreateInvitationDocument);
  const labels = useMemo(() => ({ name: t('people.name'), email: t('auth.email') }), [t]);
  const overrides = useMemo(() => ({ email: { taken: t('invite.emailTaken') } }), [t]);
  const form = useFormErrors(labels, overrides);
  const roles: SystemRole[] = props.canInviteCoordinators
    ? ['MEMBER', 'OBSERVER', 'COORDINATOR', 'ADMIN']
    : ['MEMBER', 'OBSERVER'];

  return (
    <ModalDialog title={t('invite.title')} isOpen={props.isOpen} onOpenChange={props.onOpenChange}>
      <FormErrorNotice form={form} error={form.summary.length > 0 ? undefined : error} />
      {link ? (
        <div className="form">
          <p>{t('invite.created', { name })}</p>
          <FormField label={t('invite.link')}>
            {(control) => (
              <input
                {...control}
                readOnly
                value={link}
                onFocus={(event) => event.target.select()}
              />
            )}
          </FormField>
          <p role="status" aria-live="polite" className="muted">
            {copied}
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                navigator.clipboard
                  ?.writeText(link)
                  .then(() => setCopied(t('invite.copied')))
                  .catch(() => setCopied(t('invite.copyFailed')));
              }}
            >
              {t('invite.copy')}
            </button>
            <button type="button" className="button" onClick={() => props.onOpenChange(false)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            createInvitation({
              variables: {
                input: {
                  name: name.trim(),
                  email: email.trim(),
                  systemRole,
                  organisationId: organisationId || null,
                  groups: groupId ? [{ groupId, role: groupRole, sector }] : [],
                  bodyIds: bodyId ? [bodyId] : [],
                },
              },
            })
              .then((result) => {
                const created = result.data?.createInvitation.invitation.link;
                if (created) setLink(toInvitationUrl(created, window.location.origin));
                props.onInvited();
              })
              .catch((caught: unknown) => form.fromServer(caught));
          }}
        >
          <FormField label={t('people.name')} error={form.errorFor('name')}>
            {(control) => (
              <input
                {...control}
                required
                maxLength={120}
                value={name}
                onChange={(event) => {
                  form.clear('name');
                  setName(event.target.value);
                }}
                autoFocus
              />
            )}
          </FormField>
          <FormField label={t('auth.email')} error={form.errorFor('email')}>
            {(control) => (
              <input
                {...control}
                type="email"
                required
                value={email}
                onChange={(event) => {
                  form.clear('email');
                  setEmail(event.target.value);
                }}
              />
            )}
          </FormField>
          <FormField label={t('people.role')}>
            {(control) => (
              <select
                {...control}
                value={systemRole}
                onChange={(event) => setSystemRole(event.target.value as SystemRole)}
              >
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t(`systemRole.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <OptionalSelectField
            label={t('people.organisation')}
            value={organisationId}
            onChange={setOrganisationId}
            items={props.organisations}
          />
          <GroupFields
            groups={props.groups}
            groupId={groupId}
            onGroupId={setGroupId}
            role={groupRole}
            onRole={setGroupRole}
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
            submitLabel={t('invite.submit')}
            busy={loading}
            onCancel={() => props.onOpenChange(false)}
          />
        </form>
      )}
    </ModalDialog>
  );
}
