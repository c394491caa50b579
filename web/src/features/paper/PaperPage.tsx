import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { toLocalized } from '../../i18n/localized';
import { formatDateTime } from '../../i18n/format';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ApiErrorNotice, ErrorNotice } from '../../ui/ErrorNotice';
import { FormField } from '../../ui/FormField';
import { toFieldErrors } from '../../ui/error-codes';
import { ExportButtons } from '../exports/ExportButtons';
import { OutlineEditor } from './OutlineEditor';
import { paperTexts } from './paper.texts';
import './paper.css';

const PaperPageDocument = graphql(`
  query PaperPage {
    paper {
      id
      title
      revision
      viewerCanManage
      outline {
        id
        kind
        title
        documentId
        measureId
        actionFieldKey
        label
        missing
      }
      editions {
        id
        name
        createdByName
        createdAt
      }
    }
    documents {
      id
      title
    }
    measures {
      items {
        id
        code
        title
      }
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

const CreateEditionDocument = graphql(`
  mutation CreatePaperEdition($input: CreatePaperEditionInput!) {
    createPaperEdition(input: $input) {
      edition {
        id
        name
        createdByName
        createdAt
      }
    }
  }
`);

function EditionForm({
  paperId,
  onCreated,
}: {
  paperId: string;
  onCreated: (name: string) => void;
}) {
  const { t } = useFeatureTranslation(paperTexts);
  const [name, setName] = useState('');
  const [create, { loading, error }] = useMutation(CreateEditionDocument, {
    refetchQueries: ['PaperPage'],
    awaitRefetchQueries: true,
  });
  const errors = toFieldErrors(error);
  return (
    <form
      className="form edition-form"
      onSubmit={(event) => {
        event.preventDefault();
        create({ variables: { input: { paperId, name: name.trim() } } })
          .then(() => {
            onCreated(name.trim());
            setName('');
          })
          .catch(() => undefined);
      }}
    >
      {error ? <ApiErrorNotice error={error} /> : null}
      <FormField label={t('editionName')} hint={t('editionNameHint')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FormField>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading || !name.trim()}>
          {loading ? t('creatingEdition') : t('createEdition')}
        </button>
      </div>
    </form>
  );
}

/**
 * The foundation paper: its outline (reordered by coordinators), its editions (taken in one
 * step), a link to the reading view and an export of the working state.
 */
export function PaperPage() {
  const { t, i18n } = useFeatureTranslation(paperTexts);
  const lng = i18n.language;
  const editionsId = useId();
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error } = useQuery(PaperPageDocument, {
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const paper = data?.paper;
  if (!paper) return <Loading />;
  return (
    <div className="paper-page">
      <PageTitle>{paper.title}</PageTitle>
      <p className="lead">{t('intro')}</p>
      <p>
        <Link className="button button--primary" to="/paper/read">
          {t('read')}
        </Link>
      </p>
      <p className={announcement ? 'notice' : 'visually-hidden'} role="status">
        {announcement}
      </p>
      <div className="paper-page__layout">
        <OutlineEditor
          key={paper.id}
          paperId={paper.id}
          revision={paper.revision}
          canManage={paper.viewerCanManage}
          outline={paper.outline.map((entry) => ({ ...entry, key: entry.id }))}
          candidates={{
            documents: data.documents,
            measures: data.measures.items,
            fields: (data.process?.actionFields ?? []).map((f) => ({
              key: f.key,
              name: toLocalized(f.name, lng),
            })),
          }}
        />
        <div>
          <section aria-labelledby={editionsId} className="editions">
            <h2 id={editionsId}>{t('editions')}</h2>
            <p className="hint">{t('editionsIntro')}</p>
            {paper.viewerCanManage ? (
              <EditionForm
                paperId={paper.id}
                onCreated={(name) => setAnnouncement(t('editionCreated', { name }))}
              />
            ) : null}
            {paper.editions.length === 0 ? (
              <p className="muted">{t('noEditions')}</p>
            ) : (
              <ul className="edition-list">
                {paper.editions.map((edition) => (
                  <li key={edition.id}>
                    <Link
                      to={`/paper/editions/${edition.id}`}
                      aria-label={t('openEdition', { name: edition.name })}
                    >
                      {edition.name}
                    </Link>
                    <span className="muted">
                      {' '}
                      {t('editionBy', {
                        name: edition.createdByName,
                        date: formatDateTime(edition.createdAt, lng),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ExportButtons target={{ kind: 'PAPER' }} />
        </div>
      </div>
    </div>
  );
}
