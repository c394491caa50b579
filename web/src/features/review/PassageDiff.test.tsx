import { screen } from '@testing-library/react';
import { makeFragmentData } from '../../generated';
import type { PassageDiff_PassageFragment } from '../../generated/graphql';
import { renderWithProviders } from '../../test-utils';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { PassageDiff as PassageDiffWithT, PassageDiff_passage } from './PassageDiff';
import { reviewTexts } from './review.texts';
import { ReviewErrorNotice } from './ReviewErrorNotice';

/** The diff with the review texts, as the table hands them down. */
function PassageDiff(props: { passage: Parameters<typeof PassageDiffWithT>[0]['passage'] }) {
  const { t } = useFeatureTranslation(reviewTexts);
  return <PassageDiffWithT passage={props.passage} t={t} />;
}

function passage(overrides: Partial<PassageDiff_PassageFragment>) {
  return makeFragmentData(
    { status: 'FOUND', changed: true, currentText: '', parts: [], ...overrides },
    PassageDiff_passage,
  );
}

describe('PassageDiff', () => {
  it('shows inserted and deleted words marked up and named for screen readers', () => {
    renderWithProviders(
      <PassageDiff
        passage={passage({
          parts: [
            { kind: 'EQUAL', text: 'Sprachkitas ' },
            { kind: 'DELETED', text: 'ausbauen' },
            { kind: 'INSERTED', text: 'in allen Bezirken ausbauen' },
          ],
        })}
      />,
    );
    const inserted = document.querySelector('ins');
    expect(inserted).toHaveTextContent('[eingefügt: in allen Bezirken ausbauen]');
    expect(document.querySelector('del')).toHaveTextContent('[gelöscht: ausbauen]');
  });

  it('says when a passage is unchanged, deleted or cannot be read', () => {
    const { rerender } = renderWithProviders(<PassageDiff passage={passage({ changed: false })} />);
    expect(screen.getByText('Unverändert.')).toBeInTheDocument();
    rerender(<PassageDiff passage={passage({ status: 'DELETED', currentText: null })} />);
    expect(screen.getByText('Die Textstelle wurde gelöscht.')).toBeInTheDocument();
    rerender(<PassageDiff passage={null} />);
    expect(screen.getByText('Die aktuelle Fassung ist gerade nicht abrufbar.')).toBeInTheDocument();
  });
});

describe('ReviewErrorNotice', () => {
  it('words the workflow’s own refusals, and falls back to the app’s sentences', () => {
    const { rerender } = renderWithProviders(
      <ReviewErrorNotice
        error={{ errors: [{ extensions: { code: 'FORBIDDEN', reason: 'four-eyes' } }] }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Freigeben muss eine zweite Person, nicht wer die Antwort verfasst hat.',
    );
    rerender(
      <ReviewErrorNotice
        error={{ errors: [{ extensions: { code: 'FORBIDDEN', reason: 'forbidden' } }] }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Dafür fehlt Ihnen die Berechtigung.');
  });

  it('names the other round that already reviews a document', () => {
    const named =
      '„Bildung: Ausgangslage und Ziele“ wird schon in Beratungsrunde 2 („Bildung“, offen) beraten.';
    renderWithProviders(
      <ReviewErrorNotice
        error={{
          errors: [
            {
              extensions: {
                code: 'CONFLICT',
                reason: 'in-other-round',
                fields: [{ path: 'documentIds.0', rule: 'invalid', message: named }],
              },
            },
          ],
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'Ein Dokument oder eine Maßnahme wird schon in einer anderen Runde beraten.',
    );
    expect(alert).toHaveTextContent(named);
  });
});
