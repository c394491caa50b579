import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import {
  CompleteSignInDocument,
  SignInDocument,
  SignInOptionsDocument,
} from '../../generated/graphql';
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

  it('offers the city account when configured, and asks for the second factor after the password', async () => {
    renderWithProviders(<SignInPage />, {
      route: '/sign-in?next=/tasks',
      mocks: [
        {
          request: { query: SignInOptionsDocument },
          result: {
            data: {
              signInOptions: {
                __typename: 'SignInOptions',
                cityAccountLabel: 'Mit dem Konto der Stadt anmelden',
                cityAccountPath: '/auth/oidc/login',
              },
            },
          },
        },
        {
          request: {
            query: SignInDocument,
            variables: { input: { email: 'admin@lip.example', password: 'richtig' } },
          },
          result: {
            data: {
              signIn: { __typename: 'SignInPayload', viewer: null, secondFactorChallenge: 'c1' },
            },
          },
        },
        {
          request: {
            query: CompleteSignInDocument,
            variables: { input: { secondFactorChallenge: 'c1', code: '000000' } },
          },
          result: {
            errors: [new GraphQLError('Wrong', { extensions: { code: 'BAD_USER_INPUT' } })],
          },
        },
      ],
    });
    const button = await screen.findByRole('link', { name: 'Mit dem Konto der Stadt anmelden' });
    expect(button).toHaveAttribute('href', '/auth/oidc/login?next=%2Ftasks');
    await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), 'admin@lip.example');
    await userEvent.type(screen.getByLabelText(/Passwort/), 'richtig');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    await userEvent.type(await screen.findByLabelText(/Code/), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Bestätigen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Dieser Code stimmt nicht');
  });

  it('follows only same-site paths after signing in', () => {
    expect(toSafeNext('/documents/abc')).toBe('/documents/abc');
    expect(toSafeNext('//evil.example')).toBe('/');
    expect(toSafeNext('https://evil.example')).toBe('/');
    expect(toSafeNext(null)).toBe('/');
  });
});
