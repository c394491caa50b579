import { useMemo, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toDayInput, toDeadline } from '../../i18n/format';
import { ModalDialog } from '../../ui/Dialog';
import { FormActions, FormField } from '../../ui/FormField';
import { FormErrorNotice } from '../../ui/FormErrorNotice';
import { useFormErrors } from '../../ui/useFormErrors';
import { milestoneTexts } from './milestones.texts';

const CreateMilestoneDocument = graphql(`
  mutation CreateMilestone($input: CreateMilestoneInput!) {
    createMilestone(input: $input) {
      milestone {
        id
        title
      }
    }
  }
`);

const UpdateMilestoneDocument = graphql(`
  mutation UpdateMilestone($input: UpdateMilestoneInput!) {
    updateMilestone(input: $input) {
      milestone {
        id
        title
        date
        done
      }
    }
  }
`);

/** A milestone being edited, or the defaults of a new one. */
export interface MilestoneDraft {
  id?: string;
  title: string;
  /** ISO date-time, or empty for a new one. */
  date: string;
  done: boolean;
  /** '' for process-wide. */
  actionFieldKey: string;
}

/** The longest milestone title the API accepts. */
export const MAX_MILESTONE_TITLE = 200;

/**
 * Creates or edits a milestone: title, date, and (when creating) whether it belongs to the whole
 * process or one field, among the scopes the viewer may manage; when editing, whether it is
 * reached. Errors sit next to their field.
 */
export function MilestoneDialog(props: {
  initial: MilestoneDraft;
  scopes: readonly { id: string; name: string }[];
  onOpenChange: (open: boolean) => void;
  onSaved: (title: string, created: boolean) => void;
}) {
  const { t } = useFeatureTranslation(milestoneTexts);
  const editing = Boolean(props.initial.id);
  const [title, setTitle] = useState(props.initial.title);
  const [day, setDay] = useState(toDayInput(props.initial.date));
  const [done, setDone] = useState(props.initial.done);
  const [scope, setScope] = useState(props.initial.actionFieldKey || props.scopes[0]?.id || '');
  const titleRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const form = useFormErrors(useMemo(() => ({ title: t('title'), date: t('date') }), [t]));
  const [create, createState] = useMutation(CreateMilestoneDocument);
  const [update, updateState] = useMutation(UpdateMilestoneDocument);
  const error = createState.error ?? updateState.error;

  const submit = async () => {
    const trimmed = title.trim();
    const date = toDeadline(day);
    const issues = [
      ...(trimmed.length < 2
        ? [
            {
              path: 'title',
              rule: trimmed ? ('too-short' as const) : ('required' as const),
              limit: 2,
            },
          ]
        : []),
      ...(date ? [] : [{ path: 'date', rule: 'required' as const }]),
    ];
    if (issues.length > 0 || !date) {
      form.setIssues(issues);
      (issues[0]?.path === 'title' ? titleRef : dateRef).current?.focus();
      return;
    }
    try {
      if (editing && props.initial.id) {
        await update({
          variables: { input: { milestoneId: props.initial.id, title: trimmed, date, done } },
        });
      } else {
        await create({
          variables: { input: { title: trimmed, date, actionFieldKey: scope || null } },
        });
      }
      props.onSaved(trimmed, !editing);
      props.onOpenChange(false);
    } catch (caught) {
      form.fromServer(caught);
    }
  };

  return (
    <ModalDialog
      title={editing ? t('editTitle') : t('createTitle')}
      isOpen
      onOpenChange={props.onOpenChange}
    >
      <FormErrorNotice form={form} error={form.summary.length > 0 ? undefined : error} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FormField label={t('title')} error={form.errorFor('title')}>
          {(control) => (
            <input
              {...control}
              ref={titleRef}
              required
              maxLength={MAX_MILESTONE_TITLE}
              value={title}
              onChange={(event) => {
                form.clear('title');
                setTitle(event.target.value);
              }}
              autoFocus
            />
          )}
        </FormField>
        <FormField label={t('date')} error={form.errorFor('date')}>
          {(control) => (
            <input
              {...control}
              ref={dateRef}
              type="date"
              required
              value={day}
              onChange={(event) => {
                form.clear('date');
                setDay(event.target.value);
              }}
            />
          )}
        </FormField>
        {editing ? (
          <label className="checkbox">
            <input type="checkbox" checked={done} onChange={(e) => setDone(e.target.checked)} />
            {t('markDone')}
          </label>
        ) : (
          <FormField label={t('scope')}>
            {(control) => (
              <select {...control} value={scope} onChange={(e) => setScope(e.target.value)}>
                {props.scopes.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormActions
          submitLabel={t('common.save')}
          busy={createState.loading || updateState.loading}
          onCancel={() => props.onOpenChange(false)}
        />
      </form>
    </ModalDialog>
  );
}
