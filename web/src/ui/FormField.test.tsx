import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import { FormActions, FormField, OptionalSelectField } from './FormField';

describe('FormField', () => {
  it('names the control by its label and describes it with the hint and the error', () => {
    render(
      <FormField label="Titel" hint="Höchstens 200 Zeichen." error="Bitte einen Titel eingeben.">
        {(control) => <input {...control} />}
      </FormField>,
    );
    const input = screen.getByLabelText('Titel');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Höchstens 200 Zeichen. Bitte einen Titel eingeben.');
  });

  it('leaves a control without error valid and undescribed', () => {
    render(<FormField label="Art">{(control) => <select {...control} />}</FormField>);
    const select = screen.getByLabelText('Art');
    expect(select).not.toHaveAttribute('aria-invalid');
    expect(select).not.toHaveAttribute('aria-describedby');
  });
});

describe('FormActions', () => {
  it('shows the busy text and blocks a second submit while busy, and cancels', async () => {
    const onCancel = jest.fn();
    render(
      <I18nextProvider i18n={createI18n('de')}>
        <FormActions
          submitLabel="Speichern"
          busyLabel="Wird gespeichert …"
          busy
          onCancel={onCancel}
        />
      </I18nextProvider>,
    );
    expect(screen.getByRole('button', { name: 'Wird gespeichert …' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('OptionalSelectField', () => {
  it('offers "none" first, then the items, and reports the chosen id', async () => {
    const onChange = jest.fn();
    render(
      <I18nextProvider i18n={createI18n('de')}>
        <OptionalSelectField
          label="Organisation"
          value=""
          onChange={onChange}
          items={[
            { id: 'o1', name: 'Caritas Hannover' },
            { id: 'o2', name: 'kargah e.V.' },
          ]}
        />
      </I18nextProvider>,
    );
    const select = screen.getByLabelText('Organisation');
    expect(Array.from((select as HTMLSelectElement).options, (o) => o.value)).toEqual([
      '',
      'o1',
      'o2',
    ]);
    await userEvent.selectOptions(select, 'kargah e.V.');
    expect(onChange).toHaveBeenCalledWith('o2');
  });
});
