import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { reviewTexts } from './review.texts';

export const RemarkItem_remark = graphql(`
  fragment RemarkItem_remark on Remark {
    id
    number
    label
    itemIndex
    anchor
    quote
    text
    proposedWording
    viewerCanEdit
    response {
      id
      vote
      reason
      status
    }
  }
`);

/** One remark of a statement: its passage, text, proposed wording and, once published, the response. */
export function RemarkItem(props: {
  remark: FragmentType<typeof RemarkItem_remark>;
  onDelete?: (id: string) => void;
  onReveal?: (anchor: string) => void;
  busy?: boolean;
}) {
  const { t } = useFeatureTranslation(reviewTexts);
  const remark = getFragmentData(RemarkItem_remark, props.remark);
  return (
    <article className="thread review-remark" aria-labelledby={`remark-${remark.id}`}>
      <h4 id={`remark-${remark.id}`} className="thread__heading">
        {remark.label}
      </h4>
      {remark.quote ? (
        remark.anchor && props.onReveal ? (
          <button
            type="button"
            className="link-button thread__quote"
            onClick={() => props.onReveal?.(remark.anchor!)}
          >
            „{remark.quote}“
          </button>
        ) : (
          <blockquote className="thread__quote">„{remark.quote}“</blockquote>
        )
      ) : null}
      <p>{remark.text}</p>
      {remark.proposedWording ? (
        <p>
          <strong>{t('statement.proposed')}: </strong>
          {remark.proposedWording}
        </p>
      ) : null}
      {remark.response ? (
        <p className="review-response">
          <strong>
            {t('statement.response')} (
            {remark.response.vote ? t(`vote.${remark.response.vote}`) : ''}):{' '}
          </strong>
          {remark.response.reason}
        </p>
      ) : null}
      {remark.viewerCanEdit && props.onDelete ? (
        <button
          type="button"
          className="button button--small"
          disabled={props.busy}
          onClick={() => props.onDelete?.(remark.id)}
        >
          {t('statement.deleteRemark', { label: remark.label })}
        </button>
      ) : null}
    </article>
  );
}
