import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ComboBox,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  TextArea,
  TextField,
} from 'react-aria-components';
import { ModalDialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** The editable fields of a task. */
export interface TaskDraft {
  title: string;
  description: string;
  actionFieldKey: string;
  assigneeId: string | null;
  /** `YYYY-MM-DD` or empty. */
  deadline: string;
}

/** An option of a select: a value with its visible label. */
export interface Option {
  id: string;
  name: string;
}

/**
 * Creates or edits a task in a React Aria dialog: title, description, action field, one
 * assignee (searchable combobox) and a deadline.
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
  onSubmit: (draft: TaskDraft) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TaskDraft>(props.initial);
  const set = (patch: Partial<TaskDraft>) => setDraft((current) => ({ ...current, ...patch }));
  return (
    <ModalDialog title={props.title} isOpen={props.isOpen} onOpenChange={props.onOpenChange}>
      {props.error ? <ErrorNotice error={props.error} /> : null}
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit({ ...draft, title: draft.title.trim() });
        }}
      >
        <TextField
          className="field"
          isRequired
          maxLength={200}
          value={draft.title}
          onChange={(title) => set({ title })}
          autoFocus
        >
          <Label>{t('tasks.title')}</Label>
          <Input />
        </TextField>
        <TextField
          className="field"
          value={draft.description}
          onChange={(description) => set({ description })}
        >
          <Label>{t('tasks.description')}</Label>
          <TextArea rows={3} />
        </TextField>
        <div className="field">
          <label htmlFor="task-field">{t('tasks.actionField')}</label>
          <select
            id="task-field"
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
        </div>
        <ComboBox
          className="field combobox"
          selectedKey={draft.assigneeId}
          onSelectionChange={(key) => set({ assigneeId: key === null ? null : String(key) })}
          defaultItems={props.people}
          menuTrigger="focus"
        >
          <Label>{t('tasks.assignee')}</Label>
          <div className="combobox__control">
            <Input />
            <Button className="button button--small" aria-label={t('tasks.showPeople')}>
              ▾
            </Button>
          </div>
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
        <div className="field">
          <label htmlFor="task-deadline">{t('tasks.deadline')}</label>
          <input
            id="task-deadline"
            type="date"
            value={draft.deadline}
            onChange={(event) => set({ deadline: event.target.value })}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" className="button button--primary" isDisabled={props.submitting}>
            {t('common.save')}
          </Button>
          <Button className="button" onPress={() => props.onOpenChange(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
