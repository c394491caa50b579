import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockedResponse } from '@apollo/client/testing';
import {
  CommentChangedDocument,
  CreateCommentDocument,
  DocumentCommentsDocument,
  ReplyToCommentDocument,
  ResolveCommentDocument,
} from '../../generated/graphql';
import { renderWithProviders } from '../../test-utils';
import { CommentsSidebar } from './CommentsSidebar';

const DOC = 'd1';

function buildThread(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'CommentThread' as const,
    id: 'th1',
    anchor: '{"v":1,"from":"AQ==","to":"Ag=="}',
    quote: 'Bildung ist der Schlüssel',
    visibility: 'SHARED' as const,
    resolved: false,
    resolvedAt: null,
    resolvedBy: null,
    viewerCanReply: true,
    viewerCanResolve: true,
    createdAt: '2020-02-01T10:00:00.000Z',
    comments: [
      {
        __typename: 'Comment' as const,
        id: 'c1',
        body: 'Bitte Zahlen ergänzen.',
        createdAt: '2020-02-01T10:00:00.000Z',
        author: { __typename: 'Person' as const, id: 'p9', name: 'Elena Petrova' },
        organisation: null,
        onBehalfOf: { __typename: 'Body' as const, id: 'b1', name: 'Integrationsbeirat Nord' },
      },
    ],
    ...overrides,
  };
}

const silentSubscription: MockedResponse = {
  request: { query: CommentChangedDocument, variables: { documentId: DOC } },
  result: { data: undefined },
  delay: Infinity,
};

function commentsResult(threads: unknown[]): MockedResponse {
  return {
    request: { query: DocumentCommentsDocument, variables: { documentId: DOC } },
    result: { data: { comments: threads } },
  };
}

describe('CommentsSidebar', () => {
  it('shows threads with the quoted passage, author, the council they wrote for, and visibility', async () => {
    renderWithProviders(
      <CommentsSidebar
        documentId={DOC}
        canComment
        canChooseVisibility
        selection={null}
        activeThreadId={null}
        onActivate={jest.fn()}
      />,
      { mocks: [commentsResult([buildThread()]), silentSubscription] },
    );
    const thread = await screen.findByRole('article', { name: /Kommentar von Elena Petrova/ });
    expect(within(thread).getByText('Bildung ist der Schlüssel')).toBeInTheDocument();
    expect(within(thread).getByText(/für Integrationsbeirat Nord/)).toBeInTheDocument();
    expect(within(thread).getByText('Bitte Zahlen ergänzen.')).toBeInTheDocument();
    expect(within(thread).getByText('Mit Gremien geteilt')).toBeInTheDocument();
  });

  it('comments on the selected passage with its anchor, shared for reviewers', async () => {
    const created = buildThread({ id: 'th2', anchor: 'A', quote: 'Sprachförderung' });
    const createMock: MockedResponse = {
      request: {
        query: CreateCommentDocument,
        variables: {
          input: {
            documentId: DOC,
            body: 'Wie wird das finanziert?',
            anchor: 'A',
            quote: 'Sprachförderung',
            visibility: 'SHARED',
            mentionIds: [],
          },
        },
      },
      result: { data: { createComment: { __typename: 'CommentThreadPayload', thread: created } } },
    };
    const onCreated = jest.fn();
    renderWithProviders(
      <CommentsSidebar
        documentId={DOC}
        canComment
        canChooseVisibility={false}
        selection={{ anchor: 'A', quote: 'Sprachförderung' }}
        activeThreadId={null}
        onActivate={jest.fn()}
        onCreated={onCreated}
      />,
      { mocks: [commentsResult([]), silentSubscription, createMock, commentsResult([created])] },
    );
    expect(await screen.findByText('Noch keine offenen Kommentare.')).toBeInTheDocument();
    expect(screen.getByText('Sprachförderung')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Neuer Kommentar'), 'Wie wird das finanziert?');
    await userEvent.click(screen.getByRole('button', { name: 'Kommentieren' }));
    expect(await screen.findByText('Kommentar gespeichert.')).toBeInTheDocument();
    expect(onCreated).toHaveBeenCalled();
  });

  it('resolves a thread and moves it out of the open list', async () => {
    const resolved = buildThread({ resolved: true, resolvedAt: '2020-02-02T10:00:00.000Z' });
    renderWithProviders(
      <CommentsSidebar
        documentId={DOC}
        canComment
        canChooseVisibility
        selection={null}
        activeThreadId={null}
        onActivate={jest.fn()}
      />,
      {
        mocks: [
          commentsResult([buildThread()]),
          silentSubscription,
          {
            request: { query: ResolveCommentDocument, variables: { threadId: 'th1' } },
            result: {
              data: { resolveComment: { __typename: 'CommentThreadPayload', thread: resolved } },
            },
          },
          commentsResult([resolved]),
        ],
      },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Als erledigt markieren' }));
    expect(
      await screen.findByRole('button', { name: '1 erledigten Kommentar anzeigen' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Noch keine offenen Kommentare.')).toBeInTheDocument();
  });

  it('adds a reply to a thread', async () => {
    const reply = {
      __typename: 'Comment' as const,
      id: 'c2',
      body: 'Zahlen folgen bis Freitag.',
      createdAt: '2020-02-02T09:00:00.000Z',
      author: { __typename: 'Person' as const, id: 'p1', name: 'Ayşe Demir' },
      organisation: null,
      onBehalfOf: null,
    };
    const withReply = buildThread({ comments: [...buildThread().comments, reply] });
    renderWithProviders(
      <CommentsSidebar
        documentId={DOC}
        canComment
        canChooseVisibility
        selection={null}
        activeThreadId={null}
        onActivate={jest.fn()}
      />,
      {
        mocks: [
          commentsResult([buildThread()]),
          silentSubscription,
          {
            request: {
              query: ReplyToCommentDocument,
              variables: {
                input: { threadId: 'th1', body: 'Zahlen folgen bis Freitag.', mentionIds: [] },
              },
            },
            result: {
              data: { replyToComment: { __typename: 'CommentThreadPayload', thread: withReply } },
            },
          },
          commentsResult([withReply]),
        ],
      },
    );
    const thread = await screen.findByRole('article', { name: /Kommentar von Elena Petrova/ });
    await userEvent.type(within(thread).getByLabelText('Antwort'), 'Zahlen folgen bis Freitag.');
    await userEvent.click(within(thread).getByRole('button', { name: 'Antworten' }));
    expect(await within(thread).findByText('Zahlen folgen bis Freitag.')).toBeInTheDocument();
    await waitFor(() => expect(within(thread).getByLabelText('Antwort')).toHaveValue(''));
  });
});
