import { defineFeatureTexts } from '../../i18n/feature-texts';

/** Texts of editing, assigning and deleting tasks (namespace `taskEdit`). */
export const taskEditTexts = defineFeatureTexts(
  'taskEdit',
  {
    assignees: 'Zuständig',
    addAssignee: 'Person hinzufügen',
    addAssigneeHint: 'Mehrere Personen möglich. Namen eintippen und aus der Liste wählen.',
    noAssignees: 'Noch niemand zuständig.',
    removeAssignee: '{{name}} entfernen',
    priorityLabel: 'Priorität',
    pastDeadline:
      'Die Frist {{date}} liegt in der Vergangenheit. Die Aufgabe wäre sofort überfällig.',
    pastDeadlineConfirm: 'Trotzdem speichern',
    pastDeadlineChange: 'Frist ändern',
    delete: 'Löschen',
    deleteLabel: '„{{title}}“ löschen',
    deleted: 'Aufgabe „{{title}}“ gelöscht.',
    undo: 'Rückgängig',
    undoLabel: 'Löschen von „{{title}}“ rückgängig machen',
    restored: 'Aufgabe „{{title}}“ wiederhergestellt.',
    deleteFailed: '„{{title}}“ konnte nicht gelöscht werden.',
    restoreFailed: '„{{title}}“ konnte nicht wiederhergestellt werden.',
    keyboardHint:
      'Tipp: Karten mit der Maus ziehen, über „Verschieben“ oder mit Alt + Pfeil links/rechts in eine andere Spalte bringen.',
    dueSoonSorted: 'Offene Aufgaben mit Frist in den nächsten 14 Tagen, nach Frist sortiert.',
  },
  {
    assignees: 'Assigned to',
    addAssignee: 'Add a person',
    addAssigneeHint: 'Several people are possible. Type a name and pick it from the list.',
    noAssignees: 'Nobody assigned yet.',
    removeAssignee: 'Remove {{name}}',
    priorityLabel: 'Priority',
    pastDeadline: 'The deadline {{date}} is in the past. The task would be overdue at once.',
    pastDeadlineConfirm: 'Save anyway',
    pastDeadlineChange: 'Change deadline',
    delete: 'Delete',
    deleteLabel: 'Delete “{{title}}”',
    deleted: 'Task “{{title}}” deleted.',
    undo: 'Undo',
    undoLabel: 'Undo deleting “{{title}}”',
    restored: 'Task “{{title}}” restored.',
    deleteFailed: '“{{title}}” could not be deleted.',
    restoreFailed: '“{{title}}” could not be restored.',
    keyboardHint:
      'Tip: drag cards with the mouse, use “Move”, or press Alt + left/right arrow to move them to another column.',
    dueSoonSorted: 'Open tasks due in the next 14 days, by deadline.',
  },
);
