import { useId, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toLocalized } from '../../i18n/localized';
import { EmptyState } from '../../ui/EmptyState';
import { ApiErrorNotice, ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { AdminOnly } from '../people/AdminOnly';
import type { AuditEntryList_entry } from './AuditEntryList';
import { AuditEntryList } from './AuditEntryList';
import { auditTexts } from './audit.texts';

/** Entries per page (the API allows up to 200). */
const PAGE_SIZE = 50;

const AuditTrailDocument = graphql(`
  query AuditTrail($first: Int!, $subjectId: ID) {
    auditEntries(first: $first, subjectId: $subjectId) {
      id
      subjectId
      subjectName
      ...AuditEntryList_entry
    }
    people {
      id
      name
    }
    process {
      id
      actionFields {
        key
        name {
          de
          en
        }
      }
    }
  }
`);

const OlderAuditEntriesDocument = graphql(`
  query OlderAuditEntries($first: Int!, $before: ID!, $subjectId: ID) {
    auditEntries(first: $first, before: $before, subjectId: $subjectId) {
      id
      ...AuditEntryList_entry
    }
  }
`);

type EntryRef = FragmentType<typeof AuditEntryList_entry> & { id: string };

/** Older pages loaded for one filter; dropped when the filter changes. */
interface OlderPages {
  filter: string | null;
  entries: EntryRef[];
  more: boolean;
}

/**
 * The audit trail for admins: newest first, older entries page by page ("Ältere Einträge
 * laden", paged by the last entry's id), filtered by person through `?person=<id>` (also the
 * link from a person's data page and from each entry). Everyone else gets a "no access" page.
 */
export function AuditTrailPage() {
  const { t } = useFeatureTranslation(auditTexts);
  return (
    <AdminOnly reason={t('noAccess')}>
      <AuditTrail />
    </AdminOnly>
  );
}

function AuditTrail() {
  const { t, i18n } = useFeatureTranslation(auditTexts);
  const id = useId();
  const client = useApolloClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const subjectId = searchParams.get('person');
  const [older, setOlder] = useState<OlderPages | null>(null);
  const [olderLoading, setOlderLoading] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error } = useQuery(AuditTrailDocument, {
    variables: { first: PAGE_SIZE, subjectId },
    // A trail read from the cache could miss what just happened.
    fetchPolicy: 'network-only',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;

  const firstPage = data.auditEntries as EntryRef[];
  const olderPages = older?.filter === subjectId ? older : null;
  const entries = [...firstPage, ...(olderPages?.entries ?? [])];
  const more = olderPages ? olderPages.more : firstPage.length === PAGE_SIZE;
  const fieldNames = new Map(
    (data.process?.actionFields ?? []).map((field) => [
      field.key,
      toLocalized(field.name, i18n.language),
    ]),
  );
  const people = [...data.people].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  // A deleted person is no longer in the directory; the entries still carry the name.
  const filteredName =
    subjectId === null
      ? null
      : (people.find((person) => person.id === subjectId)?.name ??
        (data.auditEntries[0]?.subjectName
          ? t('formerPerson', { name: data.auditEntries[0].subjectName })
          : t('unknownPerson')));

  const loadOlder = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setOlderLoading(true);
    setOlderError(null);
    try {
      const result = await client.query({
        query: OlderAuditEntriesDocument,
        variables: { first: PAGE_SIZE, before: last.id, subjectId },
        fetchPolicy: 'network-only',
      });
      const page = (result.data?.auditEntries ?? []) as EntryRef[];
      setOlder({
        filter: subjectId,
        entries: [...(olderPages?.entries ?? []), ...page],
        more: page.length === PAGE_SIZE,
      });
      setAnnouncement(page.length ? t('loadedOlder', { count: page.length }) : t('noOlder'));
    } catch (caught) {
      setOlderError(caught);
    } finally {
      setOlderLoading(false);
    }
  };

  return (
    <div className="audit-trail">
      <nav aria-label={t('breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/people">{t('people.title')}</Link>
          </li>
          <li>
            <span aria-current="page">{t('title')}</span>
          </li>
        </ol>
      </nav>
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <div className="toolbar-row">
        <div className="field">
          <label htmlFor={`${id}-person`}>{t('person')}</label>
          <select
            id={`${id}-person`}
            value={subjectId ?? ''}
            onChange={(event) => {
              setSearchParams(event.target.value ? { person: event.target.value } : {});
            }}
          >
            <option value="">{t('allPeople')}</option>
            {subjectId !== null && !people.some((person) => person.id === subjectId) ? (
              <option value={subjectId}>{filteredName}</option>
            ) : null}
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        {subjectId !== null ? <Link to="/audit">{t('showAll')}</Link> : null}
      </div>
      <section aria-labelledby={`${id}-entries`}>
        <h2 id={`${id}-entries`}>
          {filteredName ? t('filteredBy', { name: filteredName }) : t('allEntries')}
        </h2>
        {entries.length === 0 ? (
          <EmptyState>{subjectId ? t('emptyForPerson') : t('empty')}</EmptyState>
        ) : (
          <AuditEntryList entries={entries} fieldNames={fieldNames} />
        )}
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {more ? (
          <div className="audit-trail__more">
            {olderError ? <ApiErrorNotice error={olderError} /> : null}
            <button
              type="button"
              className="button"
              disabled={olderLoading}
              onClick={() => void loadOlder()}
            >
              {t('loadOlder')}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
