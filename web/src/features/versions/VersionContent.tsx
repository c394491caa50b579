import { EditorContent, useEditor } from '@tiptap/react';
import { editorExtensions } from '@lip/common';
import '../../editor/editor.css';

/**
 * A version's HTML shown read-only through the shared editor schema. The API builds the HTML
 * from that schema, but it is not rendered as markup: Tiptap parses it with the schema's own
 * parse rules, which keep only known nodes, marks and attributes and drop link addresses with
 * disallowed protocols, so nothing outside the schema can reach the page. The region is
 * focusable so keyboard users can scroll a long version.
 */
export function VersionContent({ html, label }: { html: string; label: string }) {
  const editor = useEditor(
    {
      extensions: editorExtensions(),
      content: html,
      editable: false,
      editorProps: { attributes: { class: 'prose' } },
    },
    [html],
  );
  return (
    <div
      className="versions__content editor__content"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <EditorContent editor={editor} />
    </div>
  );
}
