// The corpus reports that have a truth file and a text source (.txt, .html, .htm), in a stable order.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusSource {
  folder: string;
  /** The source's file name (id + extension). */
  file: string;
  /** `folder/file`, relative to the corpus root. */
  rel: string;
  truthPath: string;
}

/** Every folder of `root` (or those named) in name order, and in each its truth files in name order. */
export function corpusTextSources(root: string, folders?: readonly string[]): CorpusSource[] {
  const out: CorpusSource[] = [];
  for (const folder of folders ?? readdirSync(root).sort()) {
    const truthDir = join(root, folder, 'truth');
    if (!existsSync(truthDir)) continue;
    for (const name of readdirSync(truthDir).filter((n) => n.endsWith('.json')).sort()) {
      const id = name.slice(0, -'.json'.length);
      const file = ['.txt', '.html', '.htm'].map((ext) => id + ext).find((f) => existsSync(join(root, folder, f)));
      if (file) out.push({ folder, file, rel: `${folder}/${file}`, truthPath: join(truthDir, name) });
    }
  }
  return out;
}
