import { ApolloClient, ApolloLink, gql } from '@apollo/client';
import { Observable } from 'rxjs';
import { createCache, createSessionLostLink } from './apollo';

function clientAnswering(code: string, onSessionLost: () => void): ApolloClient {
  const api = new ApolloLink(
    () =>
      new Observable((observer) => {
        observer.next({ errors: [{ message: 'nope', extensions: { code } }] });
        observer.complete();
      }),
  );
  return new ApolloClient({
    link: ApolloLink.from([createSessionLostLink(onSessionLost), api]),
    cache: createCache(),
  });
}

describe('createSessionLostLink', () => {
  it('reports a lost session when any page query is answered UNAUTHENTICATED', async () => {
    const onSessionLost = jest.fn();
    const client = clientAnswering('UNAUTHENTICATED', onSessionLost);
    await expect(client.query({ query: gql('query PageProbe { ping }') })).rejects.toThrow();
    expect(onSessionLost).toHaveBeenCalledTimes(1);
  });

  it('leaves the sign-in and session checks to their pages', async () => {
    const onSessionLost = jest.fn();
    const client = clientAnswering('UNAUTHENTICATED', onSessionLost);
    await expect(client.mutate({ mutation: gql('mutation SignIn { ping }') })).rejects.toThrow();
    await expect(client.query({ query: gql('query AppViewer { ping }') })).rejects.toThrow();
    expect(onSessionLost).not.toHaveBeenCalled();
  });

  it('ignores other errors', async () => {
    const onSessionLost = jest.fn();
    const client = clientAnswering('FORBIDDEN', onSessionLost);
    await expect(client.query({ query: gql('query PageProbe { ping }') })).rejects.toThrow();
    expect(onSessionLost).not.toHaveBeenCalled();
  });
});
