import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toFieldIssues, type FieldIssue, type FieldRule } from './form-errors';

/** Per field and rule, a sentence that says it better than the generic rule text. */
export type RuleOverrides = Partial<Record<string, Partial<Record<FieldRule, string>>>>;

/** What {@link useFormErrors} gives a form. */
export interface FormErrors {
  /** "Titel: höchstens 200 Zeichen" for a field with an error, else null (for `FormField`). */
  errorFor(path: string): string | null;
  /** Every current error worded with its field's label, for the summary above the form. */
  summary: string[];
  /** Sets the errors found before sending (replaces all current ones). */
  setIssues(issues: FieldIssue[]): void;
  /** Takes the field issues of a failed mutation; returns whether there were any. */
  fromServer(error: unknown): boolean;
  /** Drops a field's error once the person changes it. */
  clear(path: string): void;
}

/**
 * Field errors of one form: from the API's `extensions.fields` or from checks before sending,
 * worded with the field's label and the rule ("Titel: höchstens 200 Zeichen"), shown next to the
 * field by `FormField` (aria-invalid, aria-describedby), and gone as soon as the field changes.
 * `labels` maps input paths to visible labels; issues of unknown paths use the path's last part.
 */
export function useFormErrors(
  labels: Record<string, string>,
  overrides: RuleOverrides = {},
): FormErrors {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const word = useCallback(
    (issue: FieldIssue) => {
      const label = labels[issue.path] ?? issue.path.split('.').pop() ?? issue.path;
      const rule =
        overrides[issue.path]?.[issue.rule] ??
        t(`fieldRules.${issue.rule}`, { count: issue.limit ?? 0 });
      return t('fieldRules.withLabel', { label, rule });
    },
    [labels, overrides, t],
  );
  const clear = useCallback(
    (path: string) => setIssues((current) => current.filter((issue) => issue.path !== path)),
    [],
  );
  const fromServer = useCallback((error: unknown) => {
    const found = toFieldIssues(error);
    setIssues(found);
    return found.length > 0;
  }, []);
  return useMemo(
    () => ({
      errorFor: (path: string) => {
        const issue = issues.find((item) => item.path === path);
        return issue ? word(issue) : null;
      },
      summary: issues.map(word),
      setIssues,
      fromServer,
      clear,
    }),
    [issues, word, fromServer, clear],
  );
}
