import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GraphQLErrorCode, Locale } from '@lip/common';
import { DomainError, type DomainErrorCode, type FieldIssue, type FieldRule } from '../errors';

/** Thrown by the exhaustive switch when a code is not handled (a compile error first). */
class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${String(value)}`);
  }
}

/**
 * Maps each domain error code to its GraphQL code and a message in German and English. The one
 * place where this decision lives; exhaustive by construction.
 */
export function describeDomainError(code: DomainErrorCode): {
  code: GraphQLErrorCode;
  message: Record<Locale, string>;
} {
  switch (code) {
    case 'unauthenticated':
      return {
        code: 'UNAUTHENTICATED',
        message: { de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
      };
    case 'invalid-credentials':
      return {
        code: 'UNAUTHENTICATED',
        message: {
          de: 'E-Mail-Adresse oder Passwort ist falsch.',
          en: 'Email address or password is wrong.',
        },
      };
    case 'forbidden':
      return {
        code: 'FORBIDDEN',
        message: {
          de: 'Dafür fehlt Ihnen die Berechtigung.',
          en: 'You are not allowed to do this.',
        },
      };
    case 'not-found':
      return {
        code: 'NOT_FOUND',
        message: { de: 'Nicht gefunden.', en: 'Not found.' },
      };
    case 'invalid-input':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Einige Angaben sind ungültig.',
          en: 'Some of the input is invalid.',
        },
      };
    case 'invalid-transition':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Dieser Statuswechsel ist nicht möglich.',
          en: 'This status change is not possible.',
        },
      };
    case 'invitation-invalid':
      return {
        code: 'NOT_FOUND',
        message: {
          de: 'Die Einladung ist ungültig, abgelaufen oder wurde schon angenommen.',
          en: 'The invitation is invalid, expired or was already accepted.',
        },
      };
    case 'already-exists':
      return {
        code: 'CONFLICT',
        message: { de: 'Das gibt es schon.', en: 'This already exists.' },
      };
    case 'conflict':
      return {
        code: 'CONFLICT',
        message: {
          de: 'Jemand hat gleichzeitig geändert. Bitte erneut versuchen.',
          en: 'Someone changed this at the same time. Please try again.',
        },
      };
    case 'rate-limited':
      return {
        code: 'RATE_LIMITED',
        message: {
          de: 'Zu viele Versuche. Bitte warten Sie kurz.',
          en: 'Too many attempts. Please wait a moment.',
        },
      };
    case 'bad-request':
      return {
        code: 'BAD_REQUEST',
        message: {
          de: 'Die Anfrage ist fehlerhaft und wurde nicht bearbeitet.',
          en: 'The request is malformed and was not processed.',
        },
      };
    case 'query-too-complex':
      return {
        code: 'QUERY_TOO_COMPLEX',
        message: {
          de: 'Die Abfrage ist zu umfangreich. Bitte fragen Sie weniger auf einmal ab.',
          en: 'The query asks for too much at once. Please ask for less.',
        },
      };
    case 'response-too-large':
      return {
        code: 'RESPONSE_TOO_LARGE',
        message: {
          de: 'Die Antwort wäre zu groß. Bitte fragen Sie weniger auf einmal ab.',
          en: 'The answer would be too large. Please ask for less at once.',
        },
      };
    case 'operation-timeout':
      return {
        code: 'OPERATION_TIMEOUT',
        message: {
          de: 'Die Abfrage hat zu lange gedauert und wurde abgebrochen.',
          en: 'The query took too long and was stopped.',
        },
      };
    case 'deadline-in-past':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Die Frist muss in der Zukunft liegen.',
          en: 'The deadline must be in the future.',
        },
      };
    case 'nothing-to-review':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Eine Beratungsrunde braucht mindestens ein Dokument und mindestens ein Gremium.',
          en: 'A review round needs at least one document and at least one body.',
        },
      };
    case 'document-in-review':
      return {
        code: 'CONFLICT',
        message: {
          de: 'Ein Dokument ist schon in einer anderen Beratungsrunde oder bereits angenommen.',
          en: 'A document is already in another review round or has been accepted.',
        },
      };
    case 'in-other-round':
      return {
        code: 'CONFLICT',
        message: {
          de: 'Ein Dokument oder eine Maßnahme dieser Runde wird schon in einer anderen Beratungsrunde beraten.',
          en: 'A document or measure of this round is already being reviewed in another review round.',
        },
      };
    case 'round-not-open':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Die Beratungsrunde nimmt keine Stellungnahmen oder Antworten mehr an (abgesagt oder ausgewertet).',
          en: 'The review round no longer takes statements or responses (cancelled or evaluated).',
        },
      };
    case 'already-submitted':
      return {
        code: 'CONFLICT',
        message: {
          de: 'Für dieses Gremium wurde in dieser Runde schon eine Stellungnahme abgegeben.',
          en: 'This body has already submitted a statement in this round.',
        },
      };
    case 'assessment-required':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Bitte wählen Sie vor dem Abgeben eine Gesamteinschätzung.',
          en: 'Please choose an overall assessment before submitting.',
        },
      };
    case 'reason-required':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Bitte geben Sie eine Begründung an.',
          en: 'Please give a reason.',
        },
      };
    case 'response-locked':
      return {
        code: 'CONFLICT',
        message: {
          de: 'Diese Antwort ist freigegeben und gesperrt. Eine Sprecherin oder ein Sprecher kann sie zurückgeben.',
          en: 'This response is approved and locked. A speaker can send it back.',
        },
      };
    case 'four-eyes':
      return {
        code: 'FORBIDDEN',
        message: {
          de: 'In dieser Expert*innengruppe gibt eine zweite Person die Antwort frei, nicht die Person, die sie verfasst hat.',
          en: 'In this expert group a second person approves a response, not the person who drafted it.',
        },
      };
    case 'responses-pending':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Auswerten geht erst, wenn jede Anmerkung eine freigegebene Antwort hat.',
          en: 'The round can be evaluated only once every remark has an approved response.',
        },
      };
    case 'round-not-evaluated':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Die Lenkungsgruppe entscheidet erst, wenn die Beratungsrunde ausgewertet ist.',
          en: 'The steering group decides only once the review round has been evaluated.',
        },
      };
    case 'confirmation-required':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Bitte bestätigen Sie die Entscheidung ausdrücklich.',
          en: 'Please confirm the decision explicitly.',
        },
      };
    case 'already-decided':
      return {
        code: 'CONFLICT',
        message: {
          de: 'Dazu ist schon eine Entscheidung erfasst. Sie kann von der Person korrigiert werden, die sie erfasst hat.',
          en: 'A decision has already been recorded. The person who recorded it can correct it.',
        },
      };
    case 'collab-unavailable':
      return {
        code: 'CONFLICT',
        message: {
          de: 'Der Textdienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
          en: 'The text service cannot be reached right now. Please try again in a moment.',
        },
      };
    case 'second-factor-required':
      return {
        code: 'SECOND_FACTOR_REQUIRED',
        message: {
          de: 'Bitte richten Sie zuerst einen zweiten Faktor ein (Einstellungen → Anmeldung und Sicherheit). Ihre Rolle verlangt ihn, bevor Sie etwas ändern können.',
          en: 'Please set up a second factor first (Settings → Sign-in and security). Your role needs it before you can change anything.',
        },
      };
    case 'second-factor-invalid':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code aus Ihrer Authenticator-App oder einen unbenutzten Wiederherstellungscode ein.',
          en: 'The code is wrong or has expired. Please enter the current code from your authenticator app or an unused recovery code.',
        },
      };
    case 'second-factor-needed-for-role':
      return {
        code: 'FORBIDDEN',
        message: {
          de: 'Für Ihre Rolle ist der zweite Faktor Pflicht; er lässt sich nicht ausschalten.',
          en: 'Your role requires a second factor; it cannot be switched off.',
        },
      };
    case 'sign-in-expired':
      return {
        code: 'UNAUTHENTICATED',
        message: {
          de: 'Die Anmeldung ist abgelaufen. Bitte melden Sie sich noch einmal mit E-Mail-Adresse und Passwort an.',
          en: 'The sign-in has expired. Please sign in again with your email address and password.',
        },
      };
    case 'password-sign-in-disabled':
      return {
        code: 'FORBIDDEN',
        message: {
          de: 'Ihr Konto ist mit dem Konto der Stadt verbunden. Bitte melden Sie sich über die Schaltfläche für das Konto der Stadt an.',
          en: 'Your account is linked to your city account. Please sign in with the city account button.',
        },
      };
    case 'last-admin':
      return {
        code: 'CONFLICT',
        message: {
          de: 'Das ist die letzte Person mit Administrationsrechten. Bitte geben Sie zuerst einer anderen Person diese Rolle.',
          en: 'This is the last person with administrator rights. Please give another person this role first.',
        },
      };
    case 'confirmation-mismatch':
      return {
        code: 'BAD_USER_INPUT',
        message: {
          de: 'Die Bestätigung stimmt nicht. Bitte geben Sie die E-Mail-Adresse des Kontos genau so ein, wie sie angezeigt wird.',
          en: 'The confirmation does not match. Please type the account’s email address exactly as shown.',
        },
      };
    default:
      throw new UnreachableCaseError(code);
  }
}

/**
 * The sentence for a broken field rule, without the field's name (the client puts it next to the
 * field, or prefixes its label): "höchstens 200 Zeichen". Exhaustive like the codes above.
 */
export function describeFieldRule(rule: FieldRule, limit: number | undefined, locale: Locale) {
  const n = String(limit ?? '');
  const de = locale === 'de';
  switch (rule) {
    case 'required':
      return de ? 'Bitte ausfüllen' : 'Please fill in';
    case 'too-short':
      return de ? `mindestens ${n} Zeichen` : `at least ${n} characters`;
    case 'too-long':
      return de ? `höchstens ${n} Zeichen` : `at most ${n} characters`;
    case 'too-few':
      return de ? `mindestens ${n} Einträge` : `at least ${n} entries`;
    case 'too-many':
      return de ? `höchstens ${n} Einträge` : `at most ${n} entries`;
    case 'too-small':
      return de ? `mindestens ${n}` : `at least ${n}`;
    case 'too-large':
      return de ? `höchstens ${n}` : `at most ${n}`;
    case 'format':
      return de ? 'ungültiges Format' : 'invalid format';
    case 'invalid':
      return de ? 'ungültiger Wert' : 'invalid value';
    case 'future':
      return de ? 'muss in der Zukunft liegen' : 'must be in the future';
    case 'taken':
      return de ? 'ist schon vergeben' : 'is already taken';
    default:
      throw new UnreachableCaseError(rule);
  }
}

/** A field issue as clients receive it: the rule, its limit and the sentence in their language. */
function toClientIssue(issue: FieldIssue, locale: Locale) {
  return {
    path: issue.path,
    rule: issue.rule,
    ...(issue.limit !== undefined ? { limit: issue.limit } : {}),
    message: issue.text ? issue.text[locale] : describeFieldRule(issue.rule, issue.limit, locale),
  };
}

/** Turns a domain error into a GraphQL error in the caller's language. */
export function toGraphQLError(error: DomainError, locale: Locale): GraphQLError {
  const { code, message } = describeDomainError(error.code);
  // Issues worded for people are appended, so the message itself names the field.
  const worded = error.issues.flatMap((issue) => (issue.text ? [issue.text[locale]] : []));
  const fields = error.issues.map((issue) => toClientIssue(issue, locale));
  return new GraphQLError(
    worded.length > 0 ? `${message[locale]} ${worded.join(' ')}` : message[locale],
    {
      extensions: {
        code,
        reason: error.code,
        ...(fields.length > 0 ? { fields } : {}),
        ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      },
    },
  );
}

/**
 * Apollo's `formatError`. Resolvers already turn domain errors into localised GraphQL errors
 * (see `schema.ts`); one that escapes elsewhere is mapped here in German. Domain errors become coded, localised errors; anything unexpected is
 * logged and, in production, reported without details or stack.
 */
export function createErrorFormatter(options: {
  production: boolean;
  log: (error: unknown) => void;
}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof DomainError) {
      const mapped = toGraphQLError(original, 'de');
      return { ...formatted, message: mapped.message, extensions: mapped.extensions };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // Parse, validation and armor errors: keep them, minus any stack trace.
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    options.log(original);
    if (!options.production) return formatted;
    return {
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
      ...(formatted.path ? { path: formatted.path } : {}),
    };
  };
}
