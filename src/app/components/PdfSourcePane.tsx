// A PDF report's page rendered by pdf.js, with the box of the chosen value highlighted. The
// worker, CMaps and standard fonts come from the app itself (./pdfjs/), never the network.
import { useEffect, useRef, useState } from 'react';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export interface PdfValueBox {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The page, box and numbers of a value row, or null when the value has no PDF box. */
export function pdfBoxOf(row: Record<string, unknown> | undefined): PdfValueBox | null {
  if (!row || row.pdf_page === null || row.pdf_page === undefined) return null;
  const n = (k: string) => Number(row[k]);
  return { page: n('pdf_page'), x: n('pdf_x'), y: n('pdf_y'), w: n('pdf_w'), h: n('pdf_h') };
}

const WIDTH = 640;

export function PdfSourcePane({ url, box }: { url: string; box: PdfValueBox }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mark, setMark] = useState<{ left: number; top: number; width: number; height: number } | null>(null);

  useEffect(() => {
    GlobalWorkerOptions.workerSrc = workerUrl;
    const base = new URL('pdfjs/', document.baseURI).href;
    const task = getDocument({ url, cMapUrl: `${base}cmaps/`, cMapPacked: true, standardFontDataUrl: `${base}standard_fonts/`, isEvalSupported: false, enableXfa: false });
    let cancelled = false;
    task.promise.then(
      (loaded) => !cancelled && setDoc(loaded),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
      setDoc(null);
      void task.destroy();
    };
  }, [url]);

  useEffect(() => {
    if (!doc || !canvasRef.current) return;
    let cancelled = false;
    let render: { cancel(): void } | null = null;
    void (async () => {
      const page = await doc.getPage(box.page);
      if (cancelled) return;
      const scale = WIDTH / page.getViewport({ scale: 1 }).width;
      const viewport = page.getViewport({ scale });
      const canvas = canvasRef.current!;
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const task = page.render({ canvas, viewport });
      render = task;
      await task.promise.catch(() => undefined);
      const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([box.x, box.y, box.x + box.w, box.y + box.h]);
      if (!cancelled) setMark({ left: Math.min(x0, x1), top: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
    })();
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, box.page, box.x, box.y, box.w, box.h]);

  if (error) return <p className="error">{error}</p>;
  return (
    <div className="pdf-page" data-testid="pdf-page" data-page={box.page} style={{ position: 'relative', width: WIDTH }}>
      <canvas ref={canvasRef} style={{ width: WIDTH, display: 'block' }} />
      {mark ? <div data-testid="pdf-box" style={{ position: 'absolute', ...mark, outline: '2px solid #d33', background: 'rgba(255, 200, 0, 0.35)' }} /> : null}
    </div>
  );
}
