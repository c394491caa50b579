import { useRef, useState } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import type { TaskPriority } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate } from '../../i18n/format';
import { ModalDialog } from '../../ui/Dialog';
import { FormActions, FormField } from '../../ui/FormField';
import { FormErrorNotice } from '../../ui/FormErrorNotice';
import type { FormErrors } from '../../ui/useFormErrors';
import { taskEditTexts } from './tasks.texts';

/** The editable fields of a task. */
export interface TaskDraft {
  title: string;
  description: string;
  actionFieldKey: string;
  /** Everyone assigned, in the order chosen. */
  assigneeIds: string[];
  priority: TaskPriority;
  /** `YYYY-MM-DD` or empty. */
  deadline: string;
}

/** An option of a select: a value with its visible label. */
export interface Option {
  id: string;
  name: string;
}

/** The longest task title the API accepts. */
export const MAX_TASK_TITLE = 200;
const PRIORITIES: TaskPriority[] = ['LOW', 'NORMAL', 'HIGH'];

/** Today as `YYYY-MM-DD` in the person's time zone (what the date input shows). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Creates or edits a task in a dialog: title, description, action field, any number of
 * assignees (a searchable combobox adds, a button per person removes), priority and deadline.
 * A deadline changed to a day before today asks for confirmation. Field errors (checked here, or
 * reported by the API) sit next to their field and go away when it changes.
 */
export function TaskDialog(props: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  initial: TaskDraft;
  actionFields: readonly Option[];
  people: readonly Option[];
  /** Whether the action field can still be chosen (not when editing). */
  canChooseField: boolean;
  submitting: boolean;
  error?: unknown;
  form: FormErrors;
  onSubmit: (draft: TaskDraft) => void;
}) {
  const { t, i18n } = useFeatureTranslation(taskEditTexts);
  const { form } = props;
  const [draft, setDraft] = useState<TaskDraft>(props.initial);
  const [search, setSearch] = useState('');
  const [added, setAdded] = useState(0);
  const [confirmPast, setConfirmPast] = useState(false);
  const deadlineRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<TaskDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const nameOf = (id: string) => props.people.find((p) => p.id === id)?.name ?? id;
  const choosable = props.people.filter((p) => !draft.assigneeIds.includes(p.id));
  const pastAndChanged =
    draft.deadline !== '' && draft.deadline < today() && draft.deadline !== props.initial.deadline;

  const submit = () => {
    const title = draft.title.trim();
    if (title.length < 2) {
      form.setIssues([{ path: 'title', rule: title ? 'too-short' : 'required', limit: 2 }]);
      titleRef.current?.focus();
      return;
    }
    if (pastAndChanged && !confirmPast) {
      setConfirmPast(true);
      return;
    }
    props.onSubmit({ ...draft, title });
  };

  return (
    <ModalDialog title={props.title} isOpen={props.isOpen} onOpenChange={props.onOpenChange}>
      <FormErrorNotice form={form} error={props.error} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormField label={t('tasks.title')} error={form.errorFor('title')}>
          {(control) => (
            <input
              {...control}
              ref={titleRef}
              required
              maxLength={MAX_TASK_TITLE}
              value={draft.title}
              onChange={(event) => {
                form.clear('title');
                set({ title: event.target.value });
              }}
              autoFocus
            />
          )}
        </FormField>
        <FormField label={t('tasks.description')} error={form.errorFor('description')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.description}
              onChange={(event) => {
                form.clear('description');
                set({ description: event.target.value });
              }}
            />
          )}
        </FormField>
        <FormField label={t('tasks.actionField')}>
          {(control) => (
            <select
              {...control}
              required
              disabled={!props.canChooseField}
              value={draft.actionFieldKey}
              onChange={(event) => set({ actionFieldKey: event.target.value })}
            >
              {props.actionFields.map((field) => (
                <option key={field.id} value={field.id}>
                  {field.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset className="fieldset">
          <legend>{t('assignees')}</legend>
          {draft.assigneeIds.length === 0 ? (
            <p className="muted">{t('noAssignees')}</p>
          ) : (
            <ul className="chips" aria-label={t('assignees')}>
              {draft.assigneeIds.map((id) => (
                <li key={id} className="chip">
                  <span>{nameOf(id)}</span>
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={t('removeAssignee', { name: nameOf(id) })}
                    onClick={() => {
                      form.clear('assigneeIds');
                      set({ assigneeIds: draft.assigneeIds.filter((other) => other !== id) });
                    }}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ComboBox
            // A fresh combobox after each person added: empty and closed, focus kept in it.
            key={added}
            className="field combobox"
            selectedKey={null}
            inputValue={search}
            onInputChange={setSearch}
            onSelectionChange={(key) => {
              if (key === null) return;
              form.clear('assigneeIds');
              set({ assigneeIds: [...draft.assigneeIds, String(key)] });
              setSearch('');
              setAdded((count) => count + 1);
            }}
            defaultItems={choosable}
            // Opens on typing (or the button), so it is closed again after each person added.
            menuTrigger="input"
          >
            <Label>{t('addAssignee')}</Label>
            <div className="combobox__control">
              <Input autoFocus={added > 0} />
              <Button className="button button--small" aria-label={t('tasks.showPeople')}>
                ▾
              </Button>
            </div>
            <Text slot="description" className="hint">
              {t('addAssigneeHint')}
            </Text>
            <Popover className="popover">
              <ListBox className="menu">
                {(person: Option) => (
                  <ListBoxItem id={person.id} className="menu__item" textValue={person.name}>
                    {person.name}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
          {form.errorFor('assigneeIds') ? (
            <p className="field__error">{form.errorFor('assigneeIds')}</p>
          ) : null}
        </fieldset>
        <div className="form__row">
          <FormField label={t('priorityLabel')}>
            {(control) => (
              <select
                {...control}
                value={draft.priority}
                onChange={(event) => set({ priority: event.target.value as TaskPriority })}
              >
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`priority.${priority}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('tasks.deadline')} error={form.errorFor('deadline')}>
            {(control) => (
              <input
                {...control}
                ref={deadlineRef}
                type="date"
                value={draft.deadline}
                onChange={(event) => {
                  form.clear('deadline');
                  setConfirmPast(false);
                  set({ deadline: event.target.value });
                }}
              />
            )}
          </FormField>
        </div>
        {confirmPast && pastAndChanged ? (
          <div className="notice notice--warning" role="alert">
            <p>
              {t('pastDeadline', {
                date: formatDate(`${draft.deadline}T12:00:00Z`, i18n.language),
              })}
            </p>
            <div className="form__actions">
              <button type="submit" className="button button--primary">
                {t('pastDeadlineConfirm')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setConfirmPast(false);
                  deadlineRef.current?.focus();
                }}
              >
                {t('pastDeadlineChange')}
              </button>
            </div>
          </div>
        ) : (
          <FormActions
            submitLabel={t('common.save')}
            busy={props.submitting}
            onCancel={() => props.onOpenChange(false)}
          />
        )}
      </form>
    </ModalDialog>
  );
}
