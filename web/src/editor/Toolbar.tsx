import { useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { ModalDialog } from '../ui/Dialog';

function ToolButton({
  label,
  shortcut,
  pressed,
  disabled,
  onPress,
  children,
}: {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onPress: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.replace(/Strg|Ctrl/, 'Control')}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPress}
    >
      {children}
    </button>
  );
}

const SHORTCUTS = [
  ['Ctrl+B', 'bold'],
  ['Ctrl+I', 'italic'],
  ['Ctrl+Alt+2', 'heading2'],
  ['Ctrl+Alt+3', 'heading3'],
  ['Ctrl+Shift+8', 'bulletList'],
  ['Ctrl+Shift+7', 'orderedList'],
  ['Ctrl+Shift+B', 'quote'],
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Shift+Z', 'redo'],
] as const;

/** The editor's keyboard shortcuts, in a disclosure so they are discoverable without clutter. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  return (
    <details className="shortcuts">
      <summary>{t('editor.shortcuts')}</summary>
      <dl>
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(`editor.${action}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * Formatting toolbar of the editor: headings, bold, italic, lists, link, quote and tables. Each
 * button states its keyboard shortcut; toggles expose their state with `aria-pressed`.
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
      quote: current.isActive('blockquote'),
      link: current.isActive('link'),
      table: current.isActive('table'),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="group" aria-label={t('editor.toolbar')}>
      <ToolButton
        label={t('editor.heading2')}
        shortcut="Ctrl+Alt+2"
        pressed={active.h2}
        onPress={() => chain().toggleHeading({ level: 2 }).run()}
      >
        H2
      </ToolButton>
      <ToolButton
        label={t('editor.heading3')}
        shortcut="Ctrl+Alt+3"
        pressed={active.h3}
        onPress={() => chain().toggleHeading({ level: 3 }).run()}
      >
        H3
      </ToolButton>
      <ToolButton
        label={t('editor.bold')}
        shortcut="Ctrl+B"
        pressed={active.bold}
        onPress={() => chain().toggleBold().run()}
      >
        <strong>B</strong>
      </ToolButton>
      <ToolButton
        label={t('editor.italic')}
        shortcut="Ctrl+I"
        pressed={active.italic}
        onPress={() => chain().toggleItalic().run()}
      >
        <em>I</em>
      </ToolButton>
      <ToolButton
        label={t('editor.bulletList')}
        shortcut="Ctrl+Shift+8"
        pressed={active.bullet}
        onPress={() => chain().toggleBulletList().run()}
      >
        •
      </ToolButton>
      <ToolButton
        label={t('editor.orderedList')}
        shortcut="Ctrl+Shift+7"
        pressed={active.ordered}
        onPress={() => chain().toggleOrderedList().run()}
      >
        1.
      </ToolButton>
      <ToolButton
        label={t('editor.quote')}
        shortcut="Ctrl+Shift+B"
        pressed={active.quote}
        onPress={() => chain().toggleBlockquote().run()}
      >
        „“
      </ToolButton>
      <ToolButton
        label={active.link ? t('editor.unlink') : t('editor.link')}
        pressed={active.link}
        onPress={() => {
          if (active.link) {
            chain().unsetLink().run();
            return;
          }
          setHref('https://');
          setLinkOpen(true);
        }}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M10 14a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5M14 10a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      </ToolButton>
      <ToolButton
        label={t('editor.insertTable')}
        onPress={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        ▦
      </ToolButton>
      {active.table ? (
        <>
          <ToolButton label={t('editor.addRow')} onPress={() => chain().addRowAfter().run()}>
            +≡
          </ToolButton>
          <ToolButton label={t('editor.addColumn')} onPress={() => chain().addColumnAfter().run()}>
            +⫴
          </ToolButton>
          <ToolButton label={t('editor.deleteTable')} onPress={() => chain().deleteTable().run()}>
            ✕▦
          </ToolButton>
        </>
      ) : null}
      <ModalDialog title={t('editor.linkDialog')} isOpen={linkOpen} onOpenChange={setLinkOpen}>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (href.trim()) chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
            setLinkOpen(false);
          }}
        >
          <TextField value={href} onChange={setHref} autoFocus className="field">
            <Label>{t('editor.linkUrl')}</Label>
            <Input type="url" />
          </TextField>
          <div className="form__actions">
            <Button type="submit" className="button button--primary">
              {t('common.apply')}
            </Button>
            <Button className="button" onPress={() => setLinkOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </ModalDialog>
    </div>
  );
}
