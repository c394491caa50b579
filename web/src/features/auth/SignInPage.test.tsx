import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { SignInDocument } from '../../generated/graphql';
import { renderWithProviders } from '../../test-utils';
import { SignInPage, toSafeNext } from './SignInPage';

describe('SignInPage', () => {
  it('says in plain words when email or password is wrong', async () => {
    renderWithProviders(<SignInPage />, {
      route: '/sign-in',
      mocks: [
        {
          request: {
            query: SignInDocument,
            variables: { input: { email: 'bildung@lip.example', password: 'falsch' } },
          },
          result: {
            errors: [new GraphQLError('Invalid', { extensions: { code: 'UNAUTHENTICATED' } })],
          },
        },
      ],
    });
    await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), 'bildung@lip.example');
    await userEvent.type(screen.getByLabelText(/Passwort/), 'falsch');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'E-Mail-Adresse oder Passwort ist nicht richtig.',
    );
  });

  it('follows only same-site paths after signing in', () => {
    expect(toSafeNext('/documents/abc')).toBe('/documents/abc');
    expect(toSafeNext('//evil.example')).toBe('/');
    expect(toSafeNext('https://evil.example')).toBe('/');
    expect(toSafeNext(null)).toBe('/');
  });
});
