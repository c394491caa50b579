import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The attributes {@link FormField} hands to its control so label, hint and error are linked. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * One labelled form control with an optional hint and error. The control is rendered by the
 * caller (input, select, textarea) with the props given, so the label names it and assistive
 * technology reads the hint and the error with it.
 */
export function FormField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  /** A sentence saying what to fix; marks the control invalid while set. */
  error?: string | null;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
      })}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A labelled select of named items with a first "none" choice (value `''`), for optional links
 * such as an organisation or a body.
 */
export function OptionalSelectField({
  label,
  value,
  onChange,
  items,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  items: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  return (
    <FormField label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('common.none')}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/**
 * The submit and cancel buttons at the end of a dialog's form. `busyLabel` replaces the submit
 * text while the request runs.
 */
export function FormActions({
  submitLabel,
  busyLabel,
  busy = false,
  disabled = false,
  onCancel,
}: {
  submitLabel: string;
  busyLabel?: string;
  busy?: boolean;
  disabled?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={busy || disabled}>
        {busy && busyLabel ? busyLabel : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
