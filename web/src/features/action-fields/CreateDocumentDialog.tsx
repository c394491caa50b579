import { useMemo, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import type { DocumentKind } from '../../generated/graphql';
import { ModalDialog } from '../../ui/Dialog';
import { FormErrorNotice } from '../../ui/FormErrorNotice';
import { useFormErrors } from '../../ui/useFormErrors';
import { FormActions, FormField } from '../../ui/FormField';

const CreateDocumentDocument = graphql(`
  mutation CreateDocument($input: CreateDocumentInput!) {
    createDocument(input: $input) {
      document {
        id
      }
    }
  }
`);

const KINDS: DocumentKind[] = ['FOUNDATION_CHAPTER', 'MEASURE_SHEET', 'MINUTES', 'OTHER'];

/** Creates a document for an expert group and opens it in the editor. */
export function CreateDocumentDialog(props: {
  groupId: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('FOUNDATION_CHAPTER');
  const [createDocument, { loading, error }] = useMutation(CreateDocumentDocument);
  const form = useFormErrors(useMemo(() => ({ title: t('tasks.title') }), [t]));
  return (
    <ModalDialog
      title={t('documents.createTitle')}
      isOpen={props.isOpen}
      onOpenChange={props.onOpenChange}
    >
      <FormErrorNotice form={form} error={form.summary.length > 0 ? undefined : error} />
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          createDocument({
            variables: { input: { groupId: props.groupId, kind, title: title.trim() } },
          })
            .then((result) => {
              const created = result.data?.createDocument.document.id;
              if (created) void navigate(`/documents/${created}`);
            })
            .catch((caught: unknown) => form.fromServer(caught));
        }}
      >
        <FormField label={t('tasks.title')} error={form.errorFor('title')}>
          {(control) => (
            <input
              {...control}
              required
              maxLength={200}
              value={title}
              onChange={(event) => {
                form.clear('title');
                setTitle(event.target.value);
              }}
              autoFocus
            />
          )}
        </FormField>
        <FormField label={t('documents.kind')}>
          {(control) => (
            <select
              {...control}
              value={kind}
              onChange={(event) => setKind(event.target.value as DocumentKind)}
            >
              {KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`documentKind.${option}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormActions
          submitLabel={t('documents.create')}
          busy={loading}
          disabled={!title.trim()}
          onCancel={() => props.onOpenChange(false)}
        />
      </form>
    </ModalDialog>
  );
}
