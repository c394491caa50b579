import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../generated';
import type { TaskStatus, WorkRole } from '../../generated/graphql';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate, formatEuro } from '../../i18n/format';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { TaskCard } from '../tasks/TaskCard';
import { WorkList } from '../work/WorkList';
import { workTexts } from '../work/work.texts';
import { ActionFieldCard } from './ActionFieldCard';
import { MilestoneTimeline } from './MilestoneTimeline';
import { ActivityList } from './ActivityList';
import { ReviewOverview } from './ReviewOverview';

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
      myWork {
        roles
        items {
          id
          role
          kind
          ...WorkList_item
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
 * The start page, role first: what the person needs to do, one section per role they hold
 * (their body's statements due, the steering group's decisions, their group's tasks, comments and
 * remarks, the coordinators' overdue and stuck work), then milestones and recent activity, and
 * the six action-field cards as the overview at the end.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const work = useFeatureTranslation(workTexts);
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
  const { process, myWork } = dashboard;
  // Assigned tasks are shown as movable cards below, not a second time in the list.
  const itemsOf = (role: WorkRole) =>
    myWork.items.filter((item) => item.role === role && item.kind !== 'TASK_ASSIGNED');
  const taskCards =
    dashboard.myTasks.length > 0 ? (
      <div className="work-tasks">
        <h3 id="my-tasks-heading">{work.t('myTasks')}</h3>
        <ul className="stack" aria-labelledby="my-tasks-heading">
          {dashboard.myTasks.map((task) => (
            <li key={task.id}>
              <TaskCard task={task} onMove={onMove} headingLevel={4} />
            </li>
          ))}
        </ul>
        <Link to="/tasks?assignee=me&view=list">{t('dashboard.allTasks')}</Link>
      </div>
    ) : null;
  const membersHaveTasks = myWork.roles.includes('MEMBER');

  return (
    <div className="dashboard">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <p className="dashboard__process muted">
        {process.title} ·{' '}
        {t('dashboard.period', {
          start: formatDate(process.periodStart, lng),
          end: formatDate(process.periodEnd, lng),
        })}
      </p>

      <section aria-labelledby="work-heading" className="work">
        <h2 id="work-heading">{work.t('heading')}</h2>
        {myWork.roles.map((role) => {
          const items = itemsOf(role);
          const headingId = `work-${role.toLowerCase()}`;
          const empty = items.length === 0 && !(role === 'MEMBER' && taskCards);
          return (
            <section key={role} aria-labelledby={headingId} className="work__role">
              <h3 id={headingId}>{work.t(`roles.${role}`)}</h3>
              {empty ? <p className="muted">{work.t(`nothing.${role}`)}</p> : null}
              {items.length > 0 ? <WorkList items={items} /> : null}
              {role === 'MEMBER' ? taskCards : null}
            </section>
          );
        })}
        {!membersHaveTasks && taskCards ? (
          <section className="work__role" aria-labelledby="my-tasks-heading">
            {taskCards}
          </section>
        ) : null}
        {myWork.roles.length === 0 && !taskCards ? (
          <EmptyState action={<Link to="/tasks">{t('dashboard.allTasks')}</Link>}>
            {t('dashboard.noTasks')}
          </EmptyState>
        ) : null}
      </section>

      <ReviewOverview review={dashboard.review} />

      <div className="two-columns">
        <section aria-labelledby="milestones-heading">
          <h2 id="milestones-heading">{t('dashboard.milestones')}</h2>
          <MilestoneTimeline milestones={dashboard.upcomingMilestones} />
          <p>
            <Link to="/milestones">{t('dashboard.allMilestones')}</Link>
          </p>
        </section>
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">{t('dashboard.recentActivity')}</h2>
          <ActivityList activities={dashboard.recentActivity} />
        </section>
      </div>

      <section aria-labelledby="fields-heading" className="overview">
        <h2 id="fields-heading">{t('dashboard.actionFields')}</h2>
        <p className="muted">{process.description}</p>
        {process.budgetLines.length > 0 ? (
          <p className="muted">
            {t('dashboard.budget')}:{' '}
            {process.budgetLines
              .map((line) => `${line.year}: ${formatEuro(line.amountEur, lng)} (${line.source})`)
              .join(' · ')}
          </p>
        ) : null}
        <div className="card-grid">
          {dashboard.actionFields.map((summary) => (
            <ActionFieldCard key={summary.actionField.key} summary={summary} />
          ))}
        </div>
      </section>
    </div>
  );
}
