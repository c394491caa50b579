import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockedResponse } from '@apollo/client/testing';
import {
  CreateDocumentVersionDocument,
  DocumentVersionViewDocument,
  DocumentVersionsDocument,
  RestoreDocumentVersionDocument,
} from '../../generated/graphql';
import { renderWithProviders } from '../../test-utils';
import { formatDateTime } from '../../i18n/format';
import { VersionsDialog } from './VersionsDialog';

const DOC = 'd1';

function buildVersion(overrides: Partial<{ id: string; label: string; createdAt: string }> = {}) {
  return {
    __typename: 'DocumentVersion' as const,
    id: 'v1',
    label: 'Stand vor der Beiratssitzung',
    createdByName: 'Ayşe Demir',
    createdAt: '2020-02-01T12:00:00.000Z',
    ...overrides,
  };
}

const newer = buildVersion({
  id: 'v2',
  label: 'Nach der Sitzung',
  createdAt: '2020-02-03T12:00:00.000Z',
});
const older = buildVersion();

function versionsResult(versions: unknown[]): MockedResponse {
  return {
    request: { query: DocumentVersionsDocument, variables: { documentId: DOC } },
    result: { data: { documentVersions: versions } },
  };
}

function renderDialog(canEdit: boolean, mocks: MockedResponse[]) {
  return renderWithProviders(
    <VersionsDialog documentId={DOC} canEdit={canEdit} isOpen onOpenChange={jest.fn()} />,
    { mocks },
  );
}

describe('VersionsDialog', () => {
  it('lists versions in the order the API gives (newest first) with name, author and local date', async () => {
    renderDialog(true, [versionsResult([newer, older])]);
    const dialog = await screen.findByRole('dialog', { name: 'Versionen' });
    const list = await within(dialog).findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Nach der Sitzung');
    expect(items[1]).toHaveTextContent('Stand vor der Beiratssitzung');
    expect(items[1]).toHaveTextContent(
      `Gespeichert von Ayşe Demir am ${formatDateTime(older.createdAt, 'de')}`,
    );
    expect(items[1]).toHaveTextContent('01.02.2020');
  });

  it('says so when no version was saved yet', async () => {
    renderDialog(true, [versionsResult([])]);
    expect(await screen.findByText('Noch keine Versionen gespeichert.')).toBeInTheDocument();
  });

  it('refuses to save a version without a name and points to the field', async () => {
    const create = jest.fn(() => ({
      data: {
        createDocumentVersion: {
          __typename: 'CreateDocumentVersionPayload',
          version: buildVersion({ id: 'v3', label: 'Entwurf 2' }),
        },
      },
    }));
    renderDialog(true, [
      versionsResult([older]),
      {
        request: {
          query: CreateDocumentVersionDocument,
          variables: { input: { documentId: DOC, label: 'Entwurf 2' } },
        },
        result: create,
      },
      versionsResult([buildVersion({ id: 'v3', label: 'Entwurf 2' }), older]),
    ]);
    const field = await screen.findByLabelText('Name der Version');
    await userEvent.type(field, '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Version speichern' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Bitte geben Sie einen Namen für die Version ein\./);
    expect(field).toHaveFocus();
    expect(create).not.toHaveBeenCalled();

    await userEvent.clear(field);
    await userEvent.type(field, ' Entwurf 2 ');
    await userEvent.click(screen.getByRole('button', { name: 'Version speichern' }));
    expect(await screen.findByText('Version „Entwurf 2“ gespeichert.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(create).toHaveBeenCalledTimes(1);
    expect(field).toHaveValue('');
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(await screen.findByText('Entwurf 2')).toBeInTheDocument();
  });

  it('limits the name to the 200 characters the API accepts', async () => {
    renderDialog(true, [versionsResult([])]);
    expect(await screen.findByLabelText('Name der Version')).toHaveAttribute('maxLength', '200');
  });

  it('shows a read-only viewer the list and the view button, but no save or restore', async () => {
    renderDialog(false, [versionsResult([newer, older])]);
    const dialog = await screen.findByRole('dialog', { name: 'Versionen' });
    await within(dialog).findByRole('button', { name: 'Version „Nach der Sitzung“ ansehen' });
    expect(within(dialog).getAllByRole('button', { name: /ansehen/ })).toHaveLength(2);
    expect(within(dialog).queryByRole('button', { name: /wiederherstellen/ })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Version speichern' })).toBeNull();
    expect(within(dialog).queryByLabelText('Name der Version')).toBeNull();
    expect(
      within(dialog).getByText(/Speichern und wiederherstellen kann nur, wer das Dokument/),
    ).toBeInTheDocument();
  });

  it('asks for confirmation, explaining the new change on top, before restoring', async () => {
    const restore = jest.fn(() => ({
      data: {
        restoreDocumentVersion: {
          __typename: 'RestoreDocumentVersionPayload',
          version: { __typename: 'DocumentVersion', id: 'v1', label: older.label },
        },
      },
    }));
    renderDialog(true, [
      versionsResult([newer, older]),
      {
        request: {
          query: RestoreDocumentVersionDocument,
          variables: { input: { documentId: DOC, versionId: 'v1' } },
        },
        result: restore,
      },
    ]);
    const restoreButton = await screen.findByRole('button', {
      name: 'Version „Stand vor der Beiratssitzung“ wiederherstellen',
    });

    // Cancelling does nothing.
    await userEvent.click(restoreButton);
    let confirm = await screen.findByRole('dialog', {
      name: 'Version „Stand vor der Beiratssitzung“ wiederherstellen?',
    });
    expect(confirm).toHaveTextContent('als neue Änderung auf den aktuellen Stand');
    expect(confirm).toHaveTextContent('ihre Eingaben gehen nicht verloren');
    expect(within(confirm).getByRole('button', { name: 'Abbrechen' })).toHaveFocus();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(screen.queryAllByRole('dialog')).toHaveLength(1));
    expect(restore).not.toHaveBeenCalled();

    // Confirming restores and announces it.
    await userEvent.click(restoreButton);
    confirm = await screen.findByRole('dialog', {
      name: 'Version „Stand vor der Beiratssitzung“ wiederherstellen?',
    });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ja, wiederherstellen' }));
    expect(
      await screen.findByText('Version „Stand vor der Beiratssitzung“ wiederhergestellt.'),
    ).toHaveAttribute('role', 'status');
    expect(restore).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryAllByRole('dialog')).toHaveLength(1));
  });

  it('words an unreachable version store as such, not as a conflicting edit', async () => {
    renderDialog(true, [
      versionsResult([older]),
      {
        request: {
          query: RestoreDocumentVersionDocument,
          variables: { input: { documentId: DOC, versionId: 'v1' } },
        },
        result: { errors: [{ message: 'conflict', extensions: { code: 'CONFLICT' } }] },
      },
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: /Version „Stand vor der Beiratssitzung“ wieder/ }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Ja, wiederherstellen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Versionen sind gerade nicht erreichbar.',
    );
  });

  it('opens a version read-only, keeping only what the editor schema allows', async () => {
    renderDialog(false, [
      versionsResult([older]),
      {
        request: {
          query: DocumentVersionViewDocument,
          variables: { documentId: DOC, versionId: 'v1' },
        },
        result: {
          data: {
            documentVersion: {
              __typename: 'DocumentVersionContent',
              version: { __typename: 'DocumentVersion', id: 'v1', label: older.label },
              html:
                '<h2>Ausgangslage</h2><p>Alter Text <a href="javascript:alert(1)">Link</a></p>' +
                '<img src="x" onerror="alert(2)"><script>alert(3)</script>',
            },
          },
        },
      },
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Version „Stand vor der Beiratssitzung“ ansehen' }),
    );
    const view = await screen.findByRole('dialog', {
      name: 'Version „Stand vor der Beiratssitzung“',
    });
    const content = await within(view).findByRole('region', {
      name: 'Text der Version „Stand vor der Beiratssitzung“',
    });
    await within(content).findByText(/Alter Text/);
    expect(within(content).getByRole('heading', { name: 'Ausgangslage' })).toBeInTheDocument();
    expect(content.querySelector('[contenteditable="true"]')).toBeNull();
    expect(content.querySelector('script, img, [onerror]')).toBeNull();
    expect(content.querySelector('a[href^="javascript"]')).toBeNull();
  });
});
