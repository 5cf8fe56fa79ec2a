// "导入报告 / Import reports" in the header of every page: a drop zone, a file picker and a folder
// picker (real <input type="file"> elements), the progress of the running import with time left
// and cancel, then the layer's build with the time it has taken, the imported reports (ok / partial /
// failed with the reason in the page's language, the parser's words as its title; each removable), the
// layer switch (URL `layer`) and the layer's download as a dataset folder zip.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { LAYER_MODES, type LayerMode } from '../../db/protocol';
import { useI18n } from '../i18n/context';
import { importText, reasonText } from './import-messages';
import { secondsLeft } from './import-progress';
import type { PickedFile } from './import-run';
import { useUserLayer } from './UserLayer';

const LISTED = 500;
const ACCEPT = '.txt,.text,.htm,.html,.xhtml,.pdf,.docx,.doc,.mht,.mhtml';

const fromInput = (files: FileList | null): PickedFile[] =>
  Array.from(files ?? [], (file) => ({ path: file.webkitRelativePath || file.name, alone: !file.webkitRelativePath, file }));

/** Every file of a dropped item, folders walked (their entries' paths as the folder picker gives them). */
async function fromEntry(entry: FileSystemEntry, alone: boolean): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path: entry.fullPath.replace(/^\//, ''), alone, file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map((child) => fromEntry(child, false)))).flat();
}

async function fromDrop(event: DragEvent): Promise<PickedFile[]> {
  const entries = Array.from(event.dataTransfer.items, (item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return fromInput(event.dataTransfer.files);
  return (await Promise.all(entries.map((e) => fromEntry(e, true)))).flat();
}

function saveBytes(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whole seconds since `on` last became true, counting each second; null while it is false. */
function useSecondsSince(on: boolean): number | null {
  const [since, setSince] = useState<number | null>(null);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!on) {
      setSince(null);
      return;
    }
    setSince(performance.now());
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return since === null ? null : Math.floor((performance.now() - since) / 1000);
}

export function ImportControl({ layer, onLayer }: { layer: LayerMode; onLayer: (mode: LayerMode) => void }) {
  const { locale } = useI18n();
  const t = importText(locale);
  const user = useUserLayer();
  const [open, setOpen] = useState(false);
  const [over, setOver] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const { progress, rows } = user;

  // The URL's layer is what the queries read.
  const { setMode } = user;
  useEffect(() => setMode(layer), [layer, setMode]);

  const take = (picked: PickedFile[]) => {
    setOpen(true);
    void user.importFiles(picked);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void fromDrop(event).then(take);
  };
  const dragProps = {
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      if (!over) user.prepare();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop,
  };
  const left = progress ? secondsLeft(progress.measure, progress.elapsedMs) : null;
  const buildingFor = useSecondsSince(user.busy && !progress?.running);
  const problems = rows.filter((r) => r.status !== 'ok');
  // The header counts the reports read (failed files are not), the copies of the dataset's said apart.
  const read = rows.filter((r) => r.status !== 'failed');
  const copies = read.filter((r) => r.duplicateOf !== null).length;
  const listed = [...problems, ...rows.filter((r) => r.status === 'ok')].slice(0, LISTED);

  return (
    <div className="import-control" {...dragProps}>
      <button type="button" className="import-toggle" aria-expanded={open} aria-controls="import-panel" data-testid="import-toggle" data-layer-version={user.version ?? ""} data-busy={user.busy ? "true" : "false"} onClick={() => {
        // Opened: the parse pool starts while the user picks the files.
        if (!open) user.prepare();
        setOpen(!open);
      }}>
        {t('button')}
        {read.length > 0 ? (
          <span data-testid="import-count" title={copies > 0 ? t('countCopies', { n: read.length, copies }) : t('count', { n: read.length })}>
            {` (${copies > 0 ? t('countShort', { n: read.length, copies }) : read.length})`}
          </span>
        ) : null}
        {/* A failure (a reload of the kept reports included) is seen without opening the panel. */}
        {user.error ? <span className="error" data-testid="import-toggle-error" title={`${t('error')}: ${user.error}`} aria-label={t('error')}>{' ⚠'}</span> : null}
      </button>
      <section id="import-panel" className="import-panel" aria-label={t('title')} hidden={!open} data-testid="import-panel">
        <h2>{t('title')}</h2>
        <p className="import-privacy">{t('privacy')}</p>
        <div
          className={`dropzone${over ? ' over' : ''}`}
          role="button"
          tabIndex={0}
          data-testid="import-dropzone"
          onClick={() => filesInput.current?.click()}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              filesInput.current?.click();
            }
          }}
        >
          {t('drop')}
        </div>
        <div className="import-pickers">
          <label>
            {t('pickFiles')}{' '}
            <input ref={filesInput} type="file" multiple accept={ACCEPT} data-testid="import-files" onChange={(e) => { take(fromInput(e.target.files)); e.target.value = ''; }} />
          </label>
          <label>
            {t('pickFolder')}{' '}
            <input ref={folderInput} type="file" multiple {...{ webkitdirectory: '' }} data-testid="import-folder" onChange={(e) => { take(fromInput(e.target.files)); e.target.value = ''; }} />
          </label>
        </div>
        <p className="import-formats">{t('formats')}</p>
        {progress ? (
          <div className="import-progress" data-testid="import-progress" data-running={progress.running ? 'true' : 'false'} aria-live="polite">
            <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('button')} />
            <span>
              {t('progress', { done: progress.done, total: progress.total, ok: progress.ok, partial: progress.partial, failed: progress.failed })}
              {' · '}
              {progress.running ? (left === null ? '…' : t('timeLeft', { seconds: left })) : progress.cancelled ? t('cancelled') : t('elapsed', { seconds: (progress.elapsedMs / 1000).toFixed(1) })}
            </span>
            {progress.running ? (
              <button type="button" data-testid="import-cancel" onClick={user.cancel}>
                {t('cancel')}
              </button>
            ) : null}
          </div>
        ) : null}
        {buildingFor !== null ? <p className="status" data-testid="import-building" aria-live="polite">{t('building', { seconds: buildingFor })}</p> : null}
        {user.error ? <p className="error" role="alert" data-testid="import-error">{t('error')}: {user.error}</p> : null}
        <div className="import-layer" role="group" aria-label={t('layer')}>
          <span>{t('layer')}:</span>
          {LAYER_MODES.map((mode) => (
            <button type="button" key={mode} aria-pressed={layer === mode} data-testid={`import-layer-${mode}`} onClick={() => onLayer(mode)}>
              {t(`layer.${mode}`)}
            </button>
          ))}
        </div>
        {rows.length > 0 ? (
          <>
            <h3>{t('files', { n: rows.length })}</h3>
            <div className="toolbar">
              <button type="button" data-testid="import-download" disabled={user.busy || user.version === null} onClick={() => void user.zip().then((z) => z && saveBytes(z.name, z.bytes))}>
                {t('download')}
              </button>
              <button type="button" data-testid="import-remove-all" disabled={user.busy} onClick={() => void user.clear()}>
                {t('removeAll')}
              </button>
            </div>
            <ul className="import-files" data-testid="import-list">
              {listed.map((row) => (
                <li key={row.id} data-status={row.status}>
                  <span className={`import-status ${row.status}`}>{t(row.status)}</span> <span className="import-id">{row.id}</span>
                  {row.reason ? <span className="import-reason" data-testid="import-reason" title={row.reason}> — {reasonText(locale, row.status, row.reason)}</span> : null}
                  {row.duplicateOf ? <span className="import-duplicate" data-testid="import-duplicate"> — {t('duplicate', { id: row.duplicateOf })}</span> : null}{' '}
                  <button type="button" disabled={user.busy} aria-label={`${t('remove')} ${row.id}`} onClick={() => void user.remove(row.id)}>
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
            {rows.length > listed.length ? <p>{t('more', { n: rows.length - listed.length })}</p> : null}
          </>
        ) : null}
      </section>
    </div>
  );
}
