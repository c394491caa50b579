import { useMemo, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ModalDialog } from '../../ui/Dialog';
import { FormActions, FormField } from '../../ui/FormField';
import { FormErrorNotice } from '../../ui/FormErrorNotice';
import { useFormErrors } from '../../ui/useFormErrors';
import { documentPageTexts } from './documents.texts';

const RenameDocumentDocument = graphql(`
  mutation RenameDocument($input: UpdateDocumentInput!) {
    updateDocument(input: $input) {
      document {
        id
        title
      }
    }
  }
`);

/** The longest document title the API accepts. */
export const MAX_DOCUMENT_TITLE = 200;

/** Renames a document (whoever may edit it); errors sit next to the title field. */
export function RenameDocumentDialog(props: {
  documentId: string;
  title: string;
  onOpenChange: (open: boolean) => void;
  onRenamed: (title: string) => void;
}) {
  const { t } = useFeatureTranslation(documentPageTexts);
  const [title, setTitle] = useState(props.title);
  const inputRef = useRef<HTMLInputElement>(null);
  const form = useFormErrors(useMemo(() => ({ title: t('title') }), [t]));
  const [rename, { loading, error }] = useMutation(RenameDocumentDocument);
  return (
    <ModalDialog title={t('renameTitle')} isOpen onOpenChange={props.onOpenChange}>
      <FormErrorNotice form={form} error={form.summary.length > 0 ? undefined : error} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = title.trim();
          if (trimmed.length < 2) {
            form.setIssues([{ path: 'title', rule: trimmed ? 'too-short' : 'required', limit: 2 }]);
            inputRef.current?.focus();
            return;
          }
          rename({ variables: { input: { documentId: props.documentId, title: trimmed } } })
            .then(() => {
              props.onRenamed(trimmed);
              props.onOpenChange(false);
            })
            .catch((caught: unknown) => form.fromServer(caught));
        }}
      >
        <FormField label={t('title')} error={form.errorFor('title')}>
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              required
              maxLength={MAX_DOCUMENT_TITLE}
              value={title}
              onChange={(event) => {
                form.clear('title');
                setTitle(event.target.value);
              }}
              autoFocus
            />
          )}
        </FormField>
        <FormActions
          submitLabel={t('common.save')}
          busy={loading}
          onCancel={() => props.onOpenChange(false)}
        />
      </form>
    </ModalDialog>
  );
}
