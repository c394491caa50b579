import { useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../generated';
import { useViewer } from '../../app/session';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { PageTitle } from '../../ui/PageTitle';
import { Loading } from '../../ui/Loading';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EmptyState } from '../../ui/EmptyState';
import { reviewTexts } from './review.texts';
import { RoundCard } from './RoundCard';
import { CreateRoundDialog } from './CreateRoundDialog';
import './review.css';

const ReviewRoundsDocument = graphql(`
  query ReviewRounds {
    reviewRounds {
      id
      ...RoundCard_round
    }
  }
`);

/** Live updates of every round the viewer may see (pages refetch on each). */
export const ReviewChangedDocument = graphql(`
  subscription ReviewChanged($roundId: ID) {
    reviewChanged(roundId: $roundId) {
      kind
      roundId
    }
  }
`);

/**
 * The review area's start: every round the viewer may see, newest first; coordinators create
 * rounds here (`?new=<documentId>` opens the dialog with that document chosen).
 */
export function ReviewRoundsPage() {
  const { t } = useFeatureTranslation(reviewTexts);
  const viewer = useViewer();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const preselected = params.get('new');
  const [creating, setCreating] = useState(preselected !== null);
  const { data, loading, error, refetch } = useQuery(ReviewRoundsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  useSubscription(ReviewChangedDocument, { variables: {}, onData: () => void refetch() });
  const canCreate =
    viewer.person.systemRole === 'ADMIN' || viewer.person.systemRole === 'COORDINATOR';
  const steering = viewer.person.bodies.some((b) => b.kind === 'STEERING_GROUP');

  return (
    <div className="review">
      <PageTitle>{t('title')}</PageTitle>
      <p className="lead">{t('intro')}</p>
      <div className="toolbar-row">
        {canCreate ? (
          <button
            type="button"
            className="button button--primary"
            aria-haspopup="dialog"
            onClick={() => setCreating(true)}
          >
            {t('newRound')}
          </button>
        ) : null}
        {steering || viewer.person.systemRole === 'ADMIN' ? (
          <Link className="button" to="/review/inbox">
            {t('inbox')}
          </Link>
        ) : null}
      </div>
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('roundsHeading')}</h2>
        {loading && !data ? <Loading /> : null}
        {error && !data ? <ErrorNotice error={error} /> : null}
        {data && data.reviewRounds.length === 0 ? <EmptyState>{t('noRounds')}</EmptyState> : null}
        <ul className="stack review-list">
          {(data?.reviewRounds ?? []).map((round) => (
            <li key={round.id}>
              <RoundCard round={round} />
            </li>
          ))}
        </ul>
      </section>
      {canCreate && creating ? (
        <CreateRoundDialog
          isOpen={creating}
          preselectedDocumentId={preselected}
          onOpenChange={(open) => {
            setCreating(open);
            if (!open && preselected) setParams({}, { replace: true });
          }}
          onCreated={(round) => {
            setCreating(false);
            void navigate(`/review/rounds/${round.id}`);
          }}
        />
      ) : null}
    </div>
  );
}

export default ReviewRoundsPage;
