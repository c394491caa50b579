import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDate } from '../../i18n/format';
import { toLocalized } from '../../i18n/localized';
import { ModalDialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { MilestoneDialog, type MilestoneDraft } from './MilestoneDialog';
import { milestoneTexts } from './milestones.texts';

const MilestonesPageDocument = graphql(`
  query MilestonesPage {
    process {
      id
      viewerCanManageMilestones
      actionFields {
        key
        name {
          de
          en
        }
        viewerCanManageMilestones
      }
      milestones {
        id
        title
        date
        done
        actionFieldKey
        viewerCanManage
      }
    }
  }
`);

const DeleteMilestoneDocument = graphql(`
  mutation DeleteMilestone($milestoneId: ID!) {
    deleteMilestone(milestoneId: $milestoneId) {
      deletedMilestoneId
    }
  }
`);

/**
 * All milestones, process-wide first, then per action field, in date order. People the policy
 * allows create, edit (title, date, reached) and delete them here; everyone else reads.
 */
export function MilestonesPage() {
  const { t, i18n } = useFeatureTranslation(milestoneTexts);
  const lng = i18n.language;
  const { data, loading, error, refetch } = useQuery(MilestonesPageDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<MilestoneDraft | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [deleteMilestone, deleteState] = useMutation(DeleteMilestoneDocument);

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} />;
  const process = data?.process;
  if (!process) return <ErrorNotice code="NOT_FOUND" />;

  const scopes = [
    ...(process.viewerCanManageMilestones ? [{ id: '', name: t('processWide') }] : []),
    ...process.actionFields
      .filter((field) => field.viewerCanManageMilestones)
      .map((field) => ({ id: field.key, name: toLocalized(field.name, lng) })),
  ];
  const groups = [
    { key: '', name: t('processWide') },
    ...process.actionFields.map((field) => ({
      key: field.key,
      name: toLocalized(field.name, lng),
    })),
  ];

  return (
    <div className="milestones-page">
      <PageTitle>{t('pageTitle')}</PageTitle>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <p className="lead">{t('intro')}</p>
      {scopes.length > 0 ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() =>
            setDialog({ title: '', date: '', done: false, actionFieldKey: scopes[0]?.id ?? '' })
          }
        >
          {t('create')}
        </button>
      ) : (
        <p className="hint">{t('readOnly')}</p>
      )}
      {groups.map((group) => {
        const milestones = process.milestones.filter((m) => (m.actionFieldKey ?? '') === group.key);
        const headingId = `milestones-${group.key || 'process'}`;
        return (
          <section key={group.key} aria-labelledby={headingId} id={group.key || undefined}>
            <h2 id={headingId}>{group.name}</h2>
            {milestones.length === 0 ? (
              <p className="muted">{t('empty')}</p>
            ) : (
              <ol className="timeline">
                {milestones.map((m) => (
                  <li key={m.id} className={m.done ? 'timeline__item is-done' : 'timeline__item'}>
                    <time dateTime={m.date}>{formatDate(m.date, lng)}</time>
                    <span className="timeline__title">{m.title}</span>
                    {m.done ? <span className="badge badge--accepted">{t('done')}</span> : null}
                    {m.viewerCanManage ? (
                      <span className="timeline__actions">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('editLabel', { title: m.title })}
                          onClick={() =>
                            setDialog({
                              id: m.id,
                              title: m.title,
                              date: m.date,
                              done: m.done,
                              actionFieldKey: m.actionFieldKey ?? '',
                            })
                          }
                        >
                          {t('edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small button--danger"
                          aria-label={t('deleteLabel', { title: m.title })}
                          onClick={() => setDeleting({ id: m.id, title: m.title })}
                        >
                          {t('delete')}
                        </button>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
      {dialog ? (
        <MilestoneDialog
          key={dialog.id ?? 'new'}
          initial={dialog}
          scopes={scopes}
          onOpenChange={(open) => !open && setDialog(null)}
          onSaved={(title, created) => {
            setAnnouncement(t(created ? 'created' : 'saved', { title }));
            void refetch();
          }}
        />
      ) : null}
      {deleting ? (
        <ModalDialog
          title={t('deleteTitle', { title: deleting.title })}
          isOpen
          onOpenChange={(open) => !open && setDeleting(null)}
        >
          {deleteState.error ? <ErrorNotice error={deleteState.error} /> : null}
          <p>{t('deleteText')}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger-solid"
              disabled={deleteState.loading}
              onClick={() => {
                deleteMilestone({
                  variables: { milestoneId: deleting.id },
                  // Gone from every list at once, not only after the refetch below answers.
                  update: (cache) => {
                    cache.evict({
                      id: cache.identify({ __typename: 'Milestone', id: deleting.id }),
                    });
                    cache.gc();
                  },
                })
                  .then(() => {
                    setAnnouncement(t('deleted', { title: deleting.title }));
                    setDeleting(null);
                    return refetch();
                  })
                  .catch(() => undefined);
              }}
            >
              {t('deleteConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </div>
  );
}
