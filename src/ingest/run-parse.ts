import type { Status } from '../parse/types';
import { type Io, writeOut } from './output';
import { withParsePool } from './parse-pool';
import { readReportsInOrder } from './read-report';
import { reportJsonLine, reportSummary } from './report-text';
import { countByStatus, formatStatusCounts } from './summary';
import { collectInputFiles } from './walk';

export async function runParse(inputs: readonly string[], json: boolean, io: Io): Promise<void> {
  const files = await collectInputFiles(inputs);
  const statuses: Status[] = [];
  await withParsePool(files.length, async (pool) => {
    for await (const record of readReportsInOrder(files, pool.parse, pool.threads * 2 + 2)) {
      await writeOut(io.stdout, json ? reportJsonLine(record) : reportSummary(record));
      statuses.push(record.parsed.status);
    }
  });
  if (!json) await writeOut(io.stdout, `${files.length} files: ${formatStatusCounts(countByStatus(statuses))}\n`);
}
