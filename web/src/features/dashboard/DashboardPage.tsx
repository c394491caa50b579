import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import type { TaskStatus } from '../../generated/graphql';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate, formatEuro } from '../../i18n/format';
import { toLocalized } from '../../i18n/localized';
import { TaskCard } from '../tasks/TaskCard';
import { ActionFieldCard } from './ActionFieldCard';
import { MilestoneTimeline } from './MilestoneTimeline';
import { ActivityList } from './ActivityList';
import { ReviewOverview, StatementDueBanner } from './ReviewOverview';

const DashboardDocument = graphql(`
  query Dashboard {
    dashboard {
      process {
        id
        title
        description
        periodStart
        periodEnd
        budgetLines {
          id
          amountEur
          year
          source
        }
      }
      actionFields {
        actionField {
          key
        }
        ...ActionFieldCard_summary
      }
      upcomingMilestones {
        id
        ...MilestoneTimeline_milestone
      }
      myTasks {
        id
        ...TaskCard_task
      }
      awaitingMyReview {
        id
        title
        reviewDeadline
        group {
          id
          name {
            de
            en
          }
        }
      }
      recentActivity {
        id
        ...ActivityList_activity
      }
      review {
        ...ReviewOverview_review
      }
    }
  }
`);

const DashboardReviewChangedDocument = graphql(`
  subscription DashboardReviewChanged {
    reviewChanged {
      kind
      roundId
    }
  }
`);

const DashboardTaskChangedDocument = graphql(`
  subscription DashboardTaskChanged {
    taskChanged {
      kind
      taskId
    }
  }
`);

const DashboardMoveTaskDocument = graphql(`
  mutation DashboardMoveTask($input: MoveTaskInput!) {
    moveTask(input: $input) {
      task {
        id
        ...TaskCard_task
      }
    }
  }
`);

/**
 * The start page: the process at a glance. Six action-field cards, the milestone timeline, my
 * tasks (movable from here), drafts waiting for my comment (councils), and recent activity.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [announcement, setAnnouncement] = useState('');
  const { data, loading, error, refetch } = useQuery(DashboardDocument, {
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(DashboardTaskChangedDocument, { onData: () => void refetch() });
  useSubscription(DashboardReviewChangedDocument, { onData: () => void refetch() });
  const [moveTask] = useMutation(DashboardMoveTaskDocument);

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const dashboard = data?.dashboard;
  if (!dashboard) {
    return (
      <>
        <PageTitle>{t('dashboard.title')}</PageTitle>
        <EmptyState>{t('dashboard.noProcess')}</EmptyState>
      </>
    );
  }
  const onMove = (taskId: string, status: TaskStatus) => {
    moveTask({ variables: { input: { taskId, status } } })
      .then(() => {
        setAnnouncement(t('tasks.movedShort', { status: t(`taskStatus.${status}`) }));
        return refetch();
      })
      .catch(() => setAnnouncement(t('errors.UNKNOWN')));
  };
  const { process } = dashboard;
  return (
    <div className="dashboard">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <StatementDueBanner review={dashboard.review} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <section className="intro" aria-labelledby="process-title">
        <h2 id="process-title">{process.title}</h2>
        <p>
          {t('dashboard.period', {
            start: formatDate(process.periodStart, lng),
            end: formatDate(process.periodEnd, lng),
          })}
        </p>
        {process.budgetLines.length > 0 ? (
          <p className="muted">
            {t('dashboard.budget')}:{' '}
            {process.budgetLines
              .map((line) => `${line.year}: ${formatEuro(line.amountEur, lng)} (${line.source})`)
              .join(' · ')}
          </p>
        ) : null}
      </section>

      <ReviewOverview review={dashboard.review} />

      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">{t('dashboard.actionFields')}</h2>
        <div className="card-grid">
          {dashboard.actionFields.map((summary) => (
            <ActionFieldCard key={summary.actionField.key} summary={summary} />
          ))}
        </div>
      </section>

      <div className="two-columns">
        <section aria-labelledby="my-tasks-heading">
          <h2 id="my-tasks-heading">{t('dashboard.myTasks')}</h2>
          {dashboard.myTasks.length === 0 ? (
            <EmptyState action={<Link to="/tasks">{t('dashboard.allTasks')}</Link>}>
              {t('dashboard.noTasks')}
            </EmptyState>
          ) : (
            <ul className="stack" aria-label={t('dashboard.myTasks')}>
              {dashboard.myTasks.map((task) => (
                <li key={task.id}>
                  <TaskCard task={task} onMove={onMove} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="milestones-heading">
          <h2 id="milestones-heading">{t('dashboard.milestones')}</h2>
          <MilestoneTimeline milestones={dashboard.upcomingMilestones} />
        </section>
      </div>

      <div className="two-columns">
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t('dashboard.awaitingReview')}</h2>
          {dashboard.awaitingMyReview.length === 0 ? (
            <p className="muted">{t('dashboard.noReviews')}</p>
          ) : (
            <ul className="stack">
              {dashboard.awaitingMyReview.map((document) => (
                <li key={document.id}>
                  <Link to={`/documents/${document.id}`}>{document.title}</Link>{' '}
                  <span className="muted">
                    {toLocalized(document.group.name, lng)}
                    {document.reviewDeadline
                      ? ` · ${t('documents.reviewDeadline')}: ${formatDate(document.reviewDeadline, lng)}`
                      : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">{t('dashboard.recentActivity')}</h2>
          <ActivityList activities={dashboard.recentActivity} />
        </section>
      </div>
    </div>
  );
}
