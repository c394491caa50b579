import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ModalDialog } from '../../ui/Dialog';
import { ApiErrorNotice } from '../../ui/ErrorNotice';
import { FormActions, FormField } from '../../ui/FormField';
import { toFieldErrors } from '../../ui/error-codes';
import { measuresTexts } from './measures.texts';

const CreateMeasureDocument = graphql(`
  mutation CreateMeasure($input: CreateMeasureInput!) {
    createMeasure(input: $input) {
      measure {
        id
        code
      }
    }
  }
`);

/** Creates a draft measure in a field the viewer may write in, then opens its sheet. */
export function CreateMeasureDialog(props: {
  fields: { key: string; name: string; groupId: string }[];
  defaultField: string;
  onClose: () => void;
}) {
  const { t } = useFeatureTranslation(measuresTexts);
  const navigate = useNavigate();
  const [fieldKey, setFieldKey] = useState(
    props.fields.some((f) => f.key === props.defaultField)
      ? props.defaultField
      : (props.fields[0]?.key ?? ''),
  );
  const [title, setTitle] = useState('');
  const [code, setCode] = useState('');
  const [create, { loading, error }] = useMutation(CreateMeasureDocument);
  const fieldErrors = toFieldErrors(error);
  const groupId = props.fields.find((f) => f.key === fieldKey)?.groupId ?? '';
  return (
    <ModalDialog title={t('createTitle')} isOpen onOpenChange={(open) => !open && props.onClose()}>
      {error ? <ApiErrorNotice error={error} /> : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          create({
            variables: { input: { groupId, title: title.trim(), code: code.trim() || null } },
          })
            .then((result) => {
              const created = result.data?.createMeasure.measure.id;
              if (created) void navigate(`/measures/${created}`);
            })
            .catch(() => undefined);
        }}
      >
        <FormField label={t('createField')}>
          {(control) => (
            <select
              {...control}
              value={fieldKey}
              onChange={(event) => setFieldKey(event.target.value)}
            >
              {props.fields.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('field.title')} error={fieldErrors.title}>
          {(control) => (
            <input
              {...control}
              required
              minLength={2}
              maxLength={200}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              autoFocus
            />
          )}
        </FormField>
        <FormField label={t('createCode')} hint={t('createCodeHint')} error={fieldErrors.code}>
          {(control) => (
            <input
              {...control}
              maxLength={10}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </FormField>
        <FormActions
          submitLabel={t('create')}
          busy={loading}
          disabled={title.trim().length < 2 || !groupId}
          onCancel={props.onClose}
        />
      </form>
    </ModalDialog>
  );
}
