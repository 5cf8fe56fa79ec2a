import { useEffect, useMemo, useRef, useState } from 'react';
import '../briefing.css';
import { downloadBlob, safeFileName, svgToBlob, type ChartOption } from '../../charts';
import { optionToSvg } from '../../charts/svg';
import { altText } from '../../briefing/alt-text';
import { chartData } from '../../briefing/chart-data';
import { exportText, MAX_SIZE, MIN_SIZE, PRESETS, type ExportSpec, type SizePreset } from '../../briefing/export-layout';
import { exportPng, exportSvg, prepareExport } from '../../briefing/render';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';

export interface ExportDialogProps {
  id: string;
  option: ChartOption;
  onClose: () => void;
}

const PREVIEW_WIDTH = 640;

/** Size presets, editable texts, a preview at the chosen size, PNG (2×) and SVG (font embedded), alt text. */
export function ExportDialog({ id, option, onClose }: ExportDialogProps) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const initial = useMemo(() => exportText(option), [option]);
  const [preset, setPreset] = useState<SizePreset['id']>('slide');
  const [custom, setCustom] = useState({ width: 1200, height: 800 });
  const [title, setTitle] = useState(initial.title);
  const [subtitle, setSubtitle] = useState(initial.subtitle);
  const [notes, setNotes] = useState(initial.notes);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const size = preset === 'custom' ? custom : PRESETS.find((p) => p.id === preset)!;
  const sizeOk = [size.width, size.height].every((v) => Number.isInteger(v) && v >= MIN_SIZE && v <= MAX_SIZE);
  const spec: ExportSpec = useMemo(() => ({ width: size.width, height: size.height, title, subtitle, notes, source: initial.source }), [size.width, size.height, title, subtitle, notes, initial.source]);
  const prepared = useMemo(() => (sizeOk ? prepareExport(option, spec) : null), [option, sizeOk, spec]);
  const preview = useMemo(() => (prepared ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(optionToSvg(prepared.option, prepared.layout.width, prepared.layout.height))}` : null), [prepared]);
  const alt = useMemo(() => altText({ ...chartData(option), title }, locale), [option, title, locale]);
  const fileBase = `${title || initial.title}_${size.width}x${size.height}`;

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    ref.current?.close();
    onClose();
  };

  return (
    <dialog ref={ref} className="export-dialog" data-testid={`export-dialog-${id}`} aria-labelledby={`export-title-${id}`} onCancel={(e) => { e.preventDefault(); close(); }}
      data-source-lines={prepared?.layout.sourceLines.length ?? ''} data-foot-height={prepared?.layout.footHeight ?? ''}>
      <h2 id={`export-title-${id}`}>{t('export.title')}</h2>
      <div className="export-grid">
        <div className="export-fields">
          <fieldset>
            <legend>{t('export.size')}</legend>
            {[...PRESETS.map((p) => p.id), 'custom' as const].map((p) => (
              <label key={p} className="export-preset">
                <input type="radio" name={`export-size-${id}`} value={p} checked={preset === p} data-testid={`export-preset-${p}`} onChange={() => setPreset(p)} />
                {t(`export.preset.${p}` as MessageKey)}
              </label>
            ))}
            {preset === 'custom' ? (
              <div className="export-custom">
                <label>{t('export.width')} <input type="number" min={MIN_SIZE} max={MAX_SIZE} value={custom.width} data-testid="export-width" onChange={(e) => setCustom({ ...custom, width: Number(e.target.value) })} /></label>
                <label>{t('export.height')} <input type="number" min={MIN_SIZE} max={MAX_SIZE} value={custom.height} data-testid="export-height" onChange={(e) => setCustom({ ...custom, height: Number(e.target.value) })} /></label>
              </div>
            ) : null}
            {!sizeOk ? <p className="error" role="alert">{t('export.sizeInvalid', { min: MIN_SIZE, max: MAX_SIZE })}</p> : null}
          </fieldset>
          <label>{t('export.chartTitle')}<input value={title} data-testid="export-title" onChange={(e) => setTitle(e.target.value)} /></label>
          <label>{t('export.subtitle')}<input value={subtitle} data-testid="export-subtitle" onChange={(e) => setSubtitle(e.target.value)} /></label>
          <label>{t('export.notes')}<textarea rows={2} value={notes} data-testid="export-notes" onChange={(e) => setNotes(e.target.value)} /></label>
          <p className="export-source"><span>{t('export.source')}</span><span data-testid="export-source">{initial.source}</span></p>
          <label>{t('export.alt')}<textarea rows={4} readOnly value={alt} data-testid="export-alt" /></label>
        </div>
        <figure className="export-preview">
          {preview ? <img src={preview} alt={alt} width={PREVIEW_WIDTH} style={{ aspectRatio: `${size.width} / ${size.height}` }} data-testid="export-preview" /> : null}
          <figcaption>{t('export.preview')} · {size.width}×{size.height}</figcaption>
        </figure>
      </div>
      <div className="toolbar">
        <button type="button" data-testid="export-png" disabled={!sizeOk || busy} onClick={() => void run(async () => downloadBlob(exportPng(option, spec).blob, safeFileName(fileBase, 'png')))}>{t('export.png')}</button>
        <button type="button" data-testid="export-svg" disabled={!sizeOk || busy} onClick={() => void run(async () => downloadBlob(svgToBlob((await exportSvg(option, spec)).svg), safeFileName(fileBase, 'svg')))}>{t('export.svg')}</button>
        <button type="button" data-testid="export-copy-alt" onClick={() => void navigator.clipboard.writeText(alt).then(() => setCopied(true), () => setCopied(false))}>{copied ? t('copied') : t('export.copyAlt')}</button>
        <button type="button" data-testid="export-close" onClick={close}>{t('export.close')}</button>
      </div>
    </dialog>
  );
}
