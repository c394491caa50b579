import { useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { versionsTexts } from './versions.texts';
import { graphql } from '../../generated';
import { FormActions, FormField } from '../../ui/FormField';
import { MAX_VERSION_LABEL_LENGTH, VersionErrorNotice } from './VersionErrorNotice';

const CreateDocumentVersionDocument = graphql(`
  mutation CreateDocumentVersion($input: CreateDocumentVersionInput!) {
    createDocumentVersion(input: $input) {
      version {
        id
        label
        ...VersionListItem_version
      }
    }
  }
`);

/**
 * Saves the document's current text as a named version. The name is required (checked here
 * before asking the API, which trims it and allows 1-200 characters); on an empty name focus
 * returns to the field, whose error is linked to it.
 */
export function SaveVersionForm(props: { documentId: string; onSaved: (label: string) => void }) {
  const { t } = useFeatureTranslation(versionsTexts);
  const inputRef = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [createVersion, { loading, error }] = useMutation(CreateDocumentVersionDocument);

  return (
    <form
      className="form versions__save"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = label.trim();
        if (!trimmed) {
          setLabelError(t('labelRequired'));
          inputRef.current?.focus();
          return;
        }
        setLabelError(null);
        createVersion({ variables: { input: { documentId: props.documentId, label: trimmed } } })
          .then((result) => {
            setLabel('');
            props.onSaved(result.data?.createDocumentVersion.version.label ?? trimmed);
          })
          .catch(() => undefined);
      }}
    >
      {error ? <VersionErrorNotice error={error} /> : null}
      <FormField
        label={t('label')}
        hint={t('labelHint', { max: MAX_VERSION_LABEL_LENGTH })}
        error={labelError}
      >
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            aria-required="true"
            maxLength={MAX_VERSION_LABEL_LENGTH}
            autoComplete="off"
            value={label}
            onChange={(event) => {
              setLabel(event.target.value);
              if (labelError && event.target.value.trim()) setLabelError(null);
            }}
          />
        )}
      </FormField>
      <FormActions submitLabel={t('save')} busyLabel={t('saving')} busy={loading} />
    </form>
  );
}
