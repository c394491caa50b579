import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../generated';
import type { OutlineEntryKind } from '../../generated/graphql';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ApiErrorNotice } from '../../ui/ErrorNotice';
import { FormField } from '../../ui/FormField';
import { moveItem, toOutlineInput, type OutlineItem } from './outline';
import { paperTexts } from './paper.texts';

const UpdatePaperDocument = graphql(`
  mutation UpdatePaperOutline($input: UpdatePaperInput!) {
    updatePaper(input: $input) {
      paper {
        id
        revision
        outline {
          id
          kind
          title
          documentId
          measureId
          actionFieldKey
          label
          missing
        }
      }
    }
  }
`);

/** Choices for new entries. */
export interface OutlineCandidates {
  documents: readonly { id: string; title: string }[];
  measures: readonly { id: string; code: string; title: string }[];
  fields: readonly { key: string; name: string }[];
}

let keySeed = 0;
const nextKey = () => `new-${(keySeed += 1)}`;

/**
 * The paper's outline in reading order. Coordinators reorder it by dragging a row with the
 * mouse, with the up/down buttons, or with Alt + Arrow up/down on a focused row (focus follows
 * the moved row and each move is announced), add parts, chapters, measures and per-field
 * measure groups, remove entries, and save the whole order at once with the revision it was
 * loaded at. Everyone else sees the order read-only.
 */
export function OutlineEditor(props: {
  paperId: string;
  revision: number;
  outline: readonly OutlineItem[];
  canManage: boolean;
  candidates: OutlineCandidates;
}) {
  const { t } = useFeatureTranslation(paperTexts);
  const id = useId();
  const [items, setItems] = useState<OutlineItem[]>(() => [...props.outline]);
  const [dirty, setDirty] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const [save, { loading, error, reset }] = useMutation(UpdatePaperDocument);

  useEffect(() => {
    if (!dirty) setItems([...props.outline]);
  }, [props.outline, dirty]);

  useEffect(() => {
    if (focusKey) rowRefs.current.get(focusKey)?.focus();
  }, [focusKey, items]);

  const move = (from: number, to: number) => {
    const next = moveItem(items, from, to);
    const moved = items[from];
    if (!moved || next.indexOf(moved) === from) return;
    setItems(next);
    setDirty(true);
    setFocusKey(moved.key);
    setAnnouncement(
      t('moved', { label: moved.label, position: next.indexOf(moved) + 1, count: next.length }),
    );
  };

  const onRowKey = (index: number) => (event: KeyboardEvent<HTMLLIElement>) => {
    if (!props.canManage || !event.altKey) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(index, index - 1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(index, index + 1);
    }
  };

  const onDrop = (index: number) => (event: DragEvent<HTMLLIElement>) => {
    event.preventDefault();
    const from = dragging ?? Number(event.dataTransfer.getData('text/x-outline-index'));
    setDragging(null);
    setDropAt(null);
    if (Number.isInteger(from)) move(from, index);
  };

  return (
    <section aria-labelledby={`${id}-h`} className="outline">
      <h2 id={`${id}-h`}>{t('outline')}</h2>
      <p className="hint">{props.canManage ? t('outlineHint') : t('outlineReadOnly')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {error ? <ApiErrorNotice error={error} /> : null}
      <ol className="outline__list">
        {items.map((item, index) => (
          <li
            key={item.key}
            ref={(node) => {
              if (node) rowRefs.current.set(item.key, node);
              else rowRefs.current.delete(item.key);
            }}
            className={`outline__row outline__row--${item.kind.toLowerCase()}${dropAt === index ? ' is-drop-target' : ''}${
              dragging === index ? ' is-dragging' : ''
            }`}
            tabIndex={props.canManage ? 0 : undefined}
            draggable={props.canManage}
            onKeyDown={onRowKey(index)}
            onDragStart={(event) => {
              setDragging(index);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/x-outline-index', String(index));
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropAt(null);
            }}
            onDragOver={(event) => {
              if (!props.canManage) return;
              event.preventDefault();
              setDropAt(index);
            }}
            onDrop={onDrop(index)}
          >
            {props.canManage ? (
              <span className="outline__handle" aria-hidden="true">
                ⠿
              </span>
            ) : null}
            <span className="outline__kind">{t(`kind.${item.kind}`)}</span>
            <span className="outline__label">{item.label}</span>
            {item.missing ? <span className="badge badge--returned">{t('missing')}</span> : null}
            {props.canManage ? (
              <span className="outline__actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('moveUp', { label: item.label })}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('moveDown', { label: item.label })}
                  disabled={index === items.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('remove', { label: item.label })}
                  onClick={() => {
                    setItems(items.filter((_, i) => i !== index));
                    setDirty(true);
                    setAnnouncement(t('removed', { label: item.label }));
                  }}
                >
                  ✕
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {props.canManage ? (
        <>
          {dirty ? <p className="notice">{t('unsaved')}</p> : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!dirty || loading}
              onClick={() => {
                save({
                  variables: {
                    input: {
                      paperId: props.paperId,
                      revision: props.revision,
                      outline: toOutlineInput(items),
                    },
                  },
                })
                  .then(() => {
                    setDirty(false);
                    setAnnouncement(t('saved'));
                  })
                  .catch(() => undefined);
              }}
            >
              {loading ? t('saving') : t('save')}
            </button>
            {dirty ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  reset();
                  setItems([...props.outline]);
                  setDirty(false);
                }}
              >
                {t('discard')}
              </button>
            ) : null}
          </div>
          <AddEntryForm
            candidates={props.candidates}
            onAdd={(item) => {
              setItems((current) => [...current, item]);
              setDirty(true);
              setAnnouncement(t('added', { label: item.label }));
            }}
          />
        </>
      ) : null}
    </section>
  );
}

function AddEntryForm(props: {
  candidates: OutlineCandidates;
  onAdd: (item: OutlineItem) => void;
}) {
  const { t } = useFeatureTranslation(paperTexts);
  const id = useId();
  const [kind, setKind] = useState<OutlineEntryKind>('PART');
  const [title, setTitle] = useState('');
  const [choice, setChoice] = useState('');
  const options =
    kind === 'DOCUMENT'
      ? props.candidates.documents.map((d) => ({ value: d.id, label: d.title }))
      : kind === 'MEASURE'
        ? props.candidates.measures.map((m) => ({ value: m.id, label: `${m.code} ${m.title}` }))
        : kind === 'MEASURES'
          ? props.candidates.fields.map((f) => ({ value: f.key, label: f.name }))
          : [];
  const ready = kind === 'PART' ? title.trim().length > 0 : choice !== '';
  return (
    <form
      className="form outline__add"
      aria-labelledby={`${id}-h`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        const label =
          kind === 'PART' ? title.trim() : (options.find((o) => o.value === choice)?.label ?? '');
        props.onAdd({
          id: null,
          key: nextKey(),
          kind,
          title: kind === 'PART' ? title.trim() : null,
          documentId: kind === 'DOCUMENT' ? choice : null,
          measureId: kind === 'MEASURE' ? choice : null,
          actionFieldKey: kind === 'MEASURES' ? choice : null,
          label,
          missing: false,
        });
        setTitle('');
        setChoice('');
      }}
    >
      <h3 id={`${id}-h`}>{t('add')}</h3>
      <FormField label={t('addKind')}>
        {(control) => (
          <select
            {...control}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as OutlineEntryKind);
              setChoice('');
            }}
          >
            {(['PART', 'DOCUMENT', 'MEASURE', 'MEASURES'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {kind === 'PART' ? (
        <FormField label={t('addPartTitle')}>
          {(control) => (
            <input
              {...control}
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </FormField>
      ) : (
        <FormField
          label={
            kind === 'DOCUMENT'
              ? t('addDocument')
              : kind === 'MEASURE'
                ? t('addMeasure')
                : t('addField')
          }
        >
          {(control) => (
            <select {...control} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">–</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={!ready}>
          {t('addSubmit')}
        </button>
      </div>
    </form>
  );
}
