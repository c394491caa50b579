import { useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { graphql } from '../../generated';
import type { CommentVisibility } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { mentionsTexts } from './mentions.texts';

const MentionCandidatesDocument = graphql(`
  query MentionCandidates($documentId: ID!, $visibility: CommentVisibility!, $search: String) {
    mentionCandidates(documentId: $documentId, visibility: $visibility, search: $search) {
      id
      name
    }
  }
`);

/** A person mentioned in the text being written. */
export interface Mention {
  id: string;
  name: string;
}

/** The ids of the mentions whose `@Name` is still in the text (a deleted mention notifies nobody). */
export function mentionIdsIn(text: string, mentions: readonly Mention[]): string[] {
  return [...new Set(mentions.filter((m) => text.includes(`@${m.name}`)).map((m) => m.id))];
}

/**
 * A comment text area with an @-mention picker: "@ Person erwähnen" (or typing "@") opens a
 * combobox of the people who may read the comment (asked from the API, by the policy); choosing
 * one writes `@Name` into the text and remembers the person's id, so the mention is stored by
 * id and the person is notified.
 */
export function MentionTextarea(props: {
  id: string;
  label: string;
  labelHidden?: boolean;
  value: string;
  onChange: (value: string) => void;
  mentions: Mention[];
  onMentionsChange: (mentions: Mention[]) => void;
  documentId: string;
  visibility: CommentVisibility;
  rows?: number;
  placeholder?: string;
}) {
  const { t } = useFeatureTranslation(mentionsTexts);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const caretRef = useRef<number | null>(null);
  const [picking, setPicking] = useState(false);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const { data } = useQuery(MentionCandidatesDocument, {
    variables: {
      documentId: props.documentId,
      visibility: props.visibility,
      search: search || null,
    },
    skip: !picking,
  });
  const candidates = data?.mentionCandidates ?? [];

  const open = () => {
    caretRef.current = textareaRef.current?.selectionStart ?? props.value.length;
    setSearch('');
    setPicking(true);
  };
  const close = () => {
    setPicking(false);
    requestAnimationFrame(() => textareaRef.current?.focus());
  };
  const pick = (person: Mention) => {
    const at = caretRef.current ?? props.value.length;
    const before = props.value.slice(0, at);
    const after = props.value.slice(at);
    const typedAt = before.endsWith('@');
    const insert = `${typedAt ? '' : before && !/\s$/.test(before) ? ' @' : '@'}${person.name} `;
    const next = `${before}${insert}${after}`;
    props.onChange(next);
    if (!props.mentions.some((m) => m.id === person.id)) {
      props.onMentionsChange([...props.mentions, person]);
    }
    setStatus(t('added', { name: person.name }));
    setPicking(false);
    const caret = before.length + insert.length;
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(caret, caret);
    });
  };
  const active = props.mentions.filter((m) => props.value.includes(`@${m.name}`));

  return (
    <div className="mention-field">
      <label htmlFor={props.id} className={props.labelHidden ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <textarea
        ref={textareaRef}
        id={props.id}
        rows={props.rows ?? 3}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(event) => {
          const value = event.target.value;
          props.onChange(value);
          const caret = event.target.selectionStart;
          // "@" typed at the start of a word opens the picker.
          if (
            value.length === props.value.length + 1 &&
            value[caret - 1] === '@' &&
            (caret === 1 || /\s/.test(value[caret - 2] ?? ''))
          ) {
            caretRef.current = caret;
            setSearch('');
            setPicking(true);
          }
        }}
      />
      {active.length > 0 ? (
        <p className="muted mention-field__list">
          {t('mentioned', { names: active.map((m) => m.name).join(', ') })}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {picking ? (
        <div className="mention-picker">
          <ComboBox
            className="field combobox"
            inputValue={search}
            onInputChange={setSearch}
            items={candidates}
            menuTrigger="input"
            allowsEmptyCollection
            autoFocus
            onSelectionChange={(key) => {
              const person = candidates.find((c) => c.id === key);
              if (person) pick({ id: person.id, name: person.name });
            }}
          >
            <Label>{t('label')}</Label>
            <div className="combobox__control">
              <Input />
              <Button className="button button--small" onPress={close}>
                {t('cancel')}
              </Button>
            </div>
            <Text slot="description" elementType="p" className="hint">
              {t('hint')}
            </Text>
            <Popover className="popover">
              <ListBox
                className="menu"
                renderEmptyState={() => <p className="menu__empty">{t('none')}</p>}
              >
                {(person: { id: string; name: string }) => (
                  <ListBoxItem id={person.id} className="menu__item" textValue={person.name}>
                    {person.name}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
        </div>
      ) : (
        <button type="button" className="link-button mention-field__open" onClick={open}>
          {t('open')}
        </button>
      )}
    </div>
  );
}
