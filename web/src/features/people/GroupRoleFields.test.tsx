import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEventDefault from '@testing-library/user-event';
import type { GroupRole, Sector } from '../../generated/graphql';
import { renderWithProviders } from '../../test-utils';
import { GroupFields } from './GroupRoleFields';

const userEvent = userEventDefault.setup({ delay: null });

function Picker({ onChange }: { onChange: (value: string) => void }) {
  const [groupId, setGroupId] = useState('');
  const [role, setRole] = useState<GroupRole>('MEMBER');
  const [sector, setSector] = useState<Sector>('CIVIL_SOCIETY');
  onChange(`${groupId}/${role}/${sector}`);
  return (
    <GroupFields
      groups={[{ id: 'g1', name: 'Expert*innengruppe Bildung' }]}
      groupId={groupId}
      onGroupId={setGroupId}
      role={role}
      onRole={setRole}
      sector={sector}
      onSector={setSector}
    />
  );
}

describe('GroupFields', () => {
  it('asks for the role and sector only once a group is chosen', async () => {
    let value = '';
    renderWithProviders(<Picker onChange={(next) => (value = next)} />);
    expect(screen.queryByLabelText('Rolle in der Gruppe')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Expert*innengruppe'), 'g1');
    await userEvent.selectOptions(screen.getByLabelText('Rolle in der Gruppe'), 'SPEAKER');
    await userEvent.selectOptions(screen.getByLabelText('Bereich'), 'ADMINISTRATION');
    expect(value).toBe('g1/SPEAKER/ADMINISTRATION');
  });
});
