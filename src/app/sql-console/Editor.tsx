// The SQL editor: CodeMirror 6 with the SQL language, completing the page database's table and
// column names. Ctrl/⌘+Enter runs. The text is owned by the parent (`value`/`onChange`).
import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { SchemaTable } from '../../db/protocol';

export interface SqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
  tables: readonly SchemaTable[];
  label: string;
}

/** The completion namespace: every table with its columns. */
export function completionSchema(tables: readonly SchemaTable[]): SQLNamespace {
  return Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type }))]));
}

export function SqlEditor({ value, onChange, onRun, tables, label }: SqlEditorProps) {
  const host = useRef<HTMLDivElement | null>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  // The latest callbacks, read by the editor's listeners (created once).
  const callbacks = useRef({ onChange, onRun });
  // The editor is made once, with the first text and label; later texts arrive through the effect below.
  const first = useRef({ value, label });
  callbacks.current = { onChange, onRun };

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: first.current.value,
        extensions: [
          keymap.of([{ key: 'Mod-Enter', run: () => (callbacks.current.onRun(), true) }]),
          basicSetup,
          language.current.of(sql({ dialect: PostgreSQL })),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': first.current.label, 'data-testid': 'sql-editor-input' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // A new value from outside (an example, a link, Back): replace the text.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(sql({ dialect: PostgreSQL, schema: completionSchema(tables), upperCaseKeywords: true })) });
  }, [tables]);

  return <div className="sql-editor" ref={host} data-testid="sql-editor" />;
}
