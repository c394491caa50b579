import { graphql, getFragmentData, type FragmentType } from '../../generated';
import type { ReviewT } from './useReviewTexts';

export const PassageDiff_passage = graphql(`
  fragment PassageDiff_passage on PassageChange {
    status
    changed
    currentText
    parts {
      kind
      text
    }
  }
`);

/**
 * What happened to a remark's passage since the frozen version: a word diff (inserted words
 * underlined, deleted ones struck through, each also named for screen readers), "unchanged",
 * "deleted" or "not available".
 */
export function PassageDiff(props: {
  passage: FragmentType<typeof PassageDiff_passage> | null;
  /** The review texts' `t`, from the table (see {@link ReviewT}). */
  t: ReviewT;
}) {
  const { t } = props;
  const passage = props.passage ? getFragmentData(PassageDiff_passage, props.passage) : null;
  if (!passage || passage.status === 'UNKNOWN')
    return <p className="muted">{t('table.unknown')}</p>;
  if (passage.status === 'DELETED')
    return <p className="review-diff__deleted">{t('table.deleted')}</p>;
  if (passage.changed === false) return <p className="muted">{t('table.unchanged')}</p>;
  return (
    <>
      <p className="review-diff">
        {passage.parts.map((part, index) =>
          part.kind === 'INSERTED' ? (
            <ins key={index}>
              <span className="visually-hidden">[{t('table.inserted')}: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          ) : part.kind === 'DELETED' ? (
            <del key={index}>
              <span className="visually-hidden">[{t('table.removed')}: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
      {passage.status === 'FOUND_BY_QUOTE' ? (
        <p className="hint">{t('table.foundByQuote')}</p>
      ) : null}
    </>
  );
}
