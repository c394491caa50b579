import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useTranslation } from 'react-i18next';
import { readableTextColor } from './colors';

interface Present {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

function toPresent(awareness: Awareness): Present[] {
  const people: Present[] = [];
  awareness.getStates().forEach((value, clientId) => {
    const user = (value as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') return;
    people.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#1f5f99',
      isSelf: clientId === awareness.clientID,
    });
  });
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

/** Names and colours of everyone currently in the document (from Yjs awareness). */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Present[]>(() => toPresent(awareness));
  useEffect(() => {
    const refresh = () => setPeople(toPresent(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return (
    <div className="presence">
      <h2 className="visually-hidden">{t('editor.presence')}</h2>
      <ul className="presence__list" aria-label={t('editor.presence')}>
        {people.map((person) => (
          <li
            key={person.clientId}
            className="presence__person"
            style={{ backgroundColor: person.color, color: readableTextColor(person.color) }}
          >
            {person.isSelf ? t('editor.you', { name: person.name }) : person.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
