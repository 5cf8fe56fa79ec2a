import type { Io } from './output';
import { writeOut } from './output';
import { readReportsInOrder } from './read-report';
import { reportJsonLine, reportSummary } from './report-text';
import { countByStatus, formatStatusCounts } from './summary';
import type { ParsedReport } from '../parse/types';
import { collectInputFiles } from './walk';

export async function runParse(inputs: readonly string[], json: boolean, io: Io): Promise<void> {
  const files = await collectInputFiles(inputs);
  const reports: ParsedReport[] = [];
  for await (const record of readReportsInOrder(files)) {
    await writeOut(io.stdout, json ? reportJsonLine(record) : reportSummary(record));
    reports.push({ ...record.parsed, text: '' });
  }
  if (!json) await writeOut(io.stdout, `${files.length} files: ${formatStatusCounts(countByStatus(reports))}\n`);
}
