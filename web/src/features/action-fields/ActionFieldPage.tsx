import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { toLocalized } from '../../i18n/localized';
import { NotFoundPage } from '../errors/NotFoundPage';
import { MilestoneTimeline } from '../dashboard/MilestoneTimeline';
import { TaskWorkspace } from '../tasks/TaskWorkspace';
import { MemberList } from './MemberList';
import { DocumentList } from './DocumentList';
import { CreateDocumentDialog } from './CreateDocumentDialog';

const ActionFieldPageDocument = graphql(`
  query ActionFieldPage($key: String!) {
    actionField(key: $key) {
      key
      name {
        de
        en
      }
      description {
        de
        en
      }
      viewerCanManage
      viewerCanCreateDocument
      group {
        id
        name {
          de
          en
        }
        memberCount
        ...MemberList_group
      }
      documents {
        id
        ...DocumentList_document
      }
      milestones {
        id
        ...MilestoneTimeline_milestone
      }
    }
  }
`);

/** An action field: its expert group, documents, task board and milestones. */
export function ActionFieldPage() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error, refetch } = useQuery(ActionFieldPageDocument, {
    variables: { key },
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const field = data?.actionField;
  if (!field) return <NotFoundPage />;
  return (
    <div className="action-field">
      <PageTitle>{toLocalized(field.name, lng)}</PageTitle>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <p className="lead">{toLocalized(field.description, lng)}</p>
      <section aria-labelledby="group-heading">
        <h2 id="group-heading">
          {field.group ? toLocalized(field.group.name, lng) : t('actionField.group')}
        </h2>
        {field.group ? (
          <MemberList
            group={field.group}
            canManage={field.viewerCanManage}
            onChanged={(message) => {
              setAnnouncement(message);
              void refetch();
            }}
          />
        ) : (
          <p className="muted">{t('actionField.noGroup')}</p>
        )}
      </section>
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('actionField.documents')}</h2>
        {field.viewerCanCreateDocument && field.group ? (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('documents.create')}
          </button>
        ) : null}
        <DocumentList documents={field.documents} />
        {creating && field.group ? (
          <CreateDocumentDialog groupId={field.group.id} isOpen onOpenChange={setCreating} />
        ) : null}
      </section>
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">{t('actionField.tasks')}</h2>
        <TaskWorkspace
          filter={{ actionFieldKey: field.key }}
          view="board"
          defaultFieldKey={field.key}
        />
      </section>
      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('actionField.milestones')}</h2>
        <MilestoneTimeline milestones={field.milestones} />
        <p>
          <Link to={`/milestones#${field.key}`}>{t('dashboard.allMilestones')}</Link>
        </p>
      </section>
    </div>
  );
}
