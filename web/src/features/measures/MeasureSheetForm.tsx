import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../generated';
import type {
  BudgetSource,
  MeasureHorizon,
  MeasurePriority,
  UpdateMeasureInput,
} from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toDayInput, toDeadline } from '../../i18n/format';
import { ApiErrorNotice } from '../../ui/ErrorNotice';
import { FormField } from '../../ui/FormField';
import { toFieldErrors } from '../../ui/error-codes';
import { measuresTexts } from './measures.texts';

const UpdateMeasureDocument = graphql(`
  mutation UpdateMeasure($input: UpdateMeasureInput!) {
    updateMeasure(input: $input) {
      measure {
        id
        ...MeasureSheetForm_measure
        changes(first: 50) {
          id
          field
          before
          after
          byName
          at
        }
      }
    }
  }
`);

/** The fields of the sheet form, colocated with it. */
export const MeasureSheetForm_measure = graphql(`
  fragment MeasureSheetForm_measure on Measure {
    id
    code
    title
    revision
    goal
    startingSituation
    targetGroups
    districts
    leadUnit
    leadOrganisation {
      id
      name
    }
    partnerOrganisations {
      id
      name
    }
    start
    end
    horizon
    priority
    indicators {
      name
      baseline
      target
      source
      interval
    }
    budget {
      amountEur
      source
      budgetLine
    }
    viewerCanEdit
  }
`);

/** What the form edits (the fragment's shape). */
export interface MeasureSheetValues {
  id: string;
  code: string;
  title: string;
  revision: number;
  goal: string;
  startingSituation: string;
  targetGroups: readonly string[];
  districts: readonly string[];
  leadUnit: string;
  leadOrganisation?: { id: string; name: string } | null;
  partnerOrganisations: readonly { id: string; name: string }[];
  start?: string | null;
  end?: string | null;
  horizon?: MeasureHorizon | null;
  priority?: MeasurePriority | null;
  indicators: readonly {
    name: string;
    baseline: string;
    target: string;
    source: string;
    interval: string;
  }[];
  budget: { amountEur?: number | null; source?: BudgetSource | null; budgetLine: string };
  viewerCanEdit: boolean;
}

const HORIZONS: MeasureHorizon[] = ['SHORT', 'MEDIUM', 'LONG'];
const PRIORITIES: MeasurePriority[] = ['HIGH', 'MEDIUM', 'LOW'];
const SOURCES: BudgetSource[] = ['CITY_BUDGET', 'THIRD_PARTY', 'COST_NEUTRAL'];

function amountText(amount: number | null | undefined, language: string): string {
  if (amount === null || amount === undefined) return '';
  return language.startsWith('de') ? String(amount).replace('.', ',') : String(amount);
}

/**
 * The structured fields of a measure as one form: code, title, goal, starting situation,
 * target groups, districts, lead and partners from the directory, dates or horizon, priority,
 * indicators and budget. It sends only what changed with the revision it was built from, so a
 * stale form gets a conflict instead of overwriting; the API's errors appear at their fields.
 */
export function MeasureSheetForm(props: {
  measure: MeasureSheetValues;
  organisations: readonly { id: string; name: string }[];
  districts: readonly string[];
  targetGroupSuggestions: readonly string[];
  onSaved: (message: string) => void;
}) {
  const { t, i18n } = useFeatureTranslation(measuresTexts);
  const m = props.measure;
  const id = useId();
  const [code, setCode] = useState(m.code);
  const [title, setTitle] = useState(m.title);
  const [goal, setGoal] = useState(m.goal);
  const [situation, setSituation] = useState(m.startingSituation);
  const [targetGroups, setTargetGroups] = useState(m.targetGroups.join('\n'));
  const [districts, setDistricts] = useState<string[]>([...m.districts]);
  const [lead, setLead] = useState(m.leadOrganisation?.id ?? '');
  const [leadUnit, setLeadUnit] = useState(m.leadUnit);
  const [partners, setPartners] = useState<string[]>(m.partnerOrganisations.map((p) => p.id));
  const [start, setStart] = useState(toDayInput(m.start));
  const [end, setEnd] = useState(toDayInput(m.end));
  const [horizon, setHorizon] = useState<string>(m.horizon ?? '');
  const [priority, setPriority] = useState<string>(m.priority ?? '');
  const [indicators, setIndicators] = useState(m.indicators.map((i) => ({ ...i })));
  const [amount, setAmount] = useState(amountText(m.budget.amountEur, i18n.language));
  const [source, setSource] = useState<string>(m.budget.source ?? '');
  const [budgetLine, setBudgetLine] = useState(m.budget.budgetLine);
  const [update, { loading, error }] = useMutation(UpdateMeasureDocument);
  const errors = toFieldErrors(error);

  const submit = () => {
    const lines = targetGroups
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const input: UpdateMeasureInput = {
      measureId: m.id,
      revision: m.revision,
      code: code.trim(),
      title: title.trim(),
      goal,
      startingSituation: situation,
      targetGroups: lines,
      districts,
      leadUnit,
      partnerOrganisationIds: partners,
      indicators: indicators.map((i) => ({ ...i })),
      budget: { amount, source: (source || null) as BudgetSource | null, budgetLine },
      clearDates: !start && !end ? true : null,
      start: start ? toDeadline(start) : null,
      end: end ? toDeadline(end) : null,
      horizon: (horizon || null) as MeasureHorizon | null,
      priority: (priority || null) as MeasurePriority | null,
      ...(lead ? { leadOrganisationId: lead } : { clearLeadOrganisation: true }),
    };
    update({ variables: { input } })
      .then(() => props.onSaved(t('saved')))
      .catch(() => undefined);
  };

  return (
    <form
      className="form measure-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id={`${id}-heading`}>{t('sheet')}</h2>
      {error ? <ApiErrorNotice error={error} /> : null}
      <div className="measure-form__row">
        <FormField label={t('field.code')} error={errors.code}>
          {(control) => (
            <input
              {...control}
              value={code}
              maxLength={10}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.title')} error={errors.title}>
          {(control) => (
            <input
              {...control}
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField label={t('field.goal')} error={errors.goal}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={5000}
            value={goal}
            onChange={(e) => setGoal(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('field.startingSituation')} error={errors.startingSituation}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={5000}
            value={situation}
            onChange={(e) => setSituation(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('field.targetGroups')} hint={t('listHint')} error={errors.targetGroups}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={targetGroups}
            onChange={(e) => setTargetGroups(e.target.value)}
          />
        )}
      </FormField>
      <div className="suggestions" role="group" aria-label={t('suggestions')}>
        {props.targetGroupSuggestions
          .filter(
            (g) =>
              !targetGroups
                .split('\n')
                .map((l) => l.trim())
                .includes(g),
          )
          .slice(0, 10)
          .map((g) => (
            <button
              key={g}
              type="button"
              className="button button--small"
              onClick={() =>
                setTargetGroups((current) => (current.trim() ? `${current.trim()}\n${g}` : g))
              }
            >
              + {g}
            </button>
          ))}
      </div>
      <fieldset className="measure-form__districts">
        <legend>{t('field.districts')}</legend>
        {errors['districts.0'] ? <p className="field__error">{errors['districts.0']}</p> : null}
        <div className="checkbox-grid">
          {props.districts.map((d) => (
            <label key={d} className="checkbox">
              <input
                type="checkbox"
                checked={districts.includes(d)}
                onChange={(e) =>
                  setDistricts((current) =>
                    e.target.checked ? [...current, d] : current.filter((x) => x !== d),
                  )
                }
              />
              {d === 'citywide' ? t('citywide') : d}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="measure-form__row">
        <FormField label={t('field.leadOrganisation')} error={errors.leadOrganisationId}>
          {(control) => (
            <select {...control} value={lead} onChange={(e) => setLead(e.target.value)}>
              <option value="">{t('none')}</option>
              {props.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('field.leadUnit')} error={errors.leadUnit}>
          {(control) => (
            <input
              {...control}
              maxLength={200}
              value={leadUnit}
              onChange={(e) => setLeadUnit(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField
        label={t('field.partnerOrganisations')}
        hint={t('partnersHint')}
        error={errors.partnerOrganisationIds}
      >
        {(control) => (
          <select
            {...control}
            multiple
            size={Math.min(6, Math.max(3, props.organisations.length))}
            value={partners}
            onChange={(e) => setPartners(Array.from(e.target.selectedOptions, (o) => o.value))}
          >
            {props.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="measure-form__row">
        <FormField label={t('field.start')} error={errors.start}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.end')} error={errors.end}>
          {(control) => (
            <input {...control} type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
          )}
        </FormField>
        <FormField label={t('field.horizon')}>
          {(control) => (
            <select {...control} value={horizon} onChange={(e) => setHorizon(e.target.value)}>
              <option value="">{t('none')}</option>
              {HORIZONS.map((h) => (
                <option key={h} value={h}>
                  {t(`horizon.${h}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('field.priority')}>
          {(control) => (
            <select {...control} value={priority} onChange={(e) => setPriority(e.target.value)}>
              <option value="">{t('none')}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="measure-form__indicators">
        <legend>{t('field.indicators')}</legend>
        {indicators.map((indicator, index) => (
          <fieldset key={index} className="indicator">
            <legend>{t('indicator', { n: index + 1 })}</legend>
            {(['name', 'baseline', 'target', 'source', 'interval'] as const).map((key) => (
              <FormField
                key={key}
                label={t(`indicator${key[0]?.toUpperCase()}${key.slice(1)}` as 'indicatorName')}
                error={errors[`indicators.${index}.${key}`]}
              >
                {(control) => (
                  <input
                    {...control}
                    maxLength={300}
                    value={indicator[key]}
                    onChange={(e) =>
                      setIndicators((current) =>
                        current.map((item, i) =>
                          i === index ? { ...item, [key]: e.target.value } : item,
                        ),
                      )
                    }
                  />
                )}
              </FormField>
            ))}
            <button
              type="button"
              className="button button--small"
              onClick={() => setIndicators((current) => current.filter((_, i) => i !== index))}
            >
              {t('removeIndicator', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            setIndicators((current) => [
              ...current,
              { name: '', baseline: '', target: '', source: '', interval: '' },
            ])
          }
        >
          {t('addIndicator')}
        </button>
      </fieldset>
      <fieldset className="measure-form__budget">
        <legend>{t('field.budget')}</legend>
        <div className="measure-form__row">
          <FormField
            label={t('budgetAmount')}
            hint={t('budgetAmountHint')}
            error={errors['budget.amount']}
          >
            {(control) => (
              <input
                {...control}
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('budgetSourceLabel')}>
            {(control) => (
              <select {...control} value={source} onChange={(e) => setSource(e.target.value)}>
                <option value="">{t('none')}</option>
                {SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`budgetSource.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('budgetLine')} error={errors['budget.budgetLine']}>
            {(control) => (
              <input
                {...control}
                maxLength={200}
                value={budgetLine}
                onChange={(e) => setBudgetLine(e.target.value)}
              />
            )}
          </FormField>
        </div>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('saving') : t('saveSheet')}
        </button>
      </div>
    </form>
  );
}
