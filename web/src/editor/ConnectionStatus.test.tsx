import { screen } from '@testing-library/react';
import { renderWithProviders } from '../test-utils';
import { ConnectionStatus, toStatusKind } from './ConnectionStatus';
import type { CollabState } from './collab-connection';
import { readableTextColor } from './colors';

const base: CollabState = {
  phase: 'connected',
  synced: true,
  pending: false,
  mode: 'edit',
  name: 'Ada',
  color: '#112233',
  closeCode: null,
};

describe('connection indicator', () => {
  it('says saving while local changes are not yet sent, and saved afterwards', () => {
    expect(toStatusKind({ ...base, pending: true })).toBe('saving');
    expect(toStatusKind(base)).toBe('saved');
  });

  it('says read-only for council members and offline when the socket dropped with changes', () => {
    expect(toStatusKind({ ...base, mode: 'comment' })).toBe('readOnly');
    expect(toStatusKind({ ...base, phase: 'offline' })).toBe('offline');
    expect(toStatusKind({ ...base, phase: 'connecting', pending: true })).toBe('offline');
    expect(toStatusKind({ ...base, phase: 'no-access' })).toBe('noAccess');
  });

  it('announces the state in a live region, in the chosen language', () => {
    renderWithProviders(<ConnectionStatus state={{ ...base, mode: 'read' }} />, { locale: 'en' });
    expect(screen.getByRole('status')).toHaveTextContent('Connected, read only');
  });

  it('picks caret label text colours with enough contrast', () => {
    expect(readableTextColor('#ffff00')).toBe('#000000');
    expect(readableTextColor('#1f5f99')).toBe('#ffffff');
  });
});
