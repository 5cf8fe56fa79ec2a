// The import control's words (kept beside it: the shared message file stays for the views).
import { reasonCodes, type ReasonCode } from '../../parse/reasons';
import type { Status } from '../../parse/types';
import { MAX_FILE_BYTES } from '../../ingest/failed-report';
import type { Locale } from '../i18n/locale';

const zh = {
  button: '导入报告',
  title: '导入您自己的报告',
  privacy: '报告在本页面中解析，不会上传：没有任何数据离开您的电脑。',
  drop: '将报告文件或文件夹拖放到这里，或按 Enter 选择文件',
  pickFiles: '选择文件',
  pickFolder: '选择文件夹',
  formats: '支持 .txt、.html、.pdf、.docx、.doc、.mht',
  progress: '第 1 步：已解析 {done} / {total} 份 · 成功 {ok} · 部分 {partial} · 失败 {failed}',
  timeLeft: '约剩 {seconds} 秒',
  elapsed: '用时 {seconds} 秒',
  cancelled: '已取消：已完成的报告已保留',
  cancel: '取消',
  building: '第 2 步：正在构建导入的数据（解析已完成）… 已用 {seconds} 秒',
  files: '已导入的报告（{n} 份）',
  ok: '成功',
  partial: '部分',
  failed: '失败',
  remove: '移除',
  removeAll: '全部移除',
  download: '下载导入的数据集（zip：manifest、Arrow、Parquet）',
  layer: '显示',
  'layer.all': '数据集与导入报告',
  'layer.user': '仅导入报告',
  'layer.dataset': '仅数据集',
  more: '另有 {n} 份未列出',
  error: '导入出错',
  duplicate: '与数据集中的报告 {id} 是同一文件：“仅导入报告”中计为您的报告；与数据集一起显示时只计入一次（数据集中的那份）',
  count: '{n} 份报告',
  countCopies: '{n} 份报告，其中 {copies} 份与数据集中的文件相同',
  countShort: '{n} · 同数据集 {copies}',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  button: 'Import reports',
  title: 'Import your own reports',
  privacy: 'Reports are parsed in this page, not uploaded: nothing leaves your computer.',
  drop: 'Drop report files or folders here, or press Enter to choose files',
  pickFiles: 'Choose files',
  pickFolder: 'Choose a folder',
  formats: 'Reads .txt, .html, .pdf, .docx, .doc, .mht',
  progress: 'Step 1: {done} / {total} parsed · {ok} ok · {partial} partial · {failed} failed',
  timeLeft: 'about {seconds} s left',
  elapsed: 'took {seconds} s',
  cancelled: 'Cancelled: the reports already done are kept',
  cancel: 'Cancel',
  building: 'Step 2: building the imported data (parsing is done)… {seconds} s so far',
  files: 'Imported reports ({n})',
  ok: 'ok',
  partial: 'partial',
  failed: 'failed',
  remove: 'Remove',
  removeAll: 'Remove all',
  download: 'Download the imported dataset (zip: manifest, Arrow, Parquet)',
  layer: 'Show',
  'layer.all': 'dataset and imported reports',
  'layer.user': 'imported reports only',
  'layer.dataset': 'dataset only',
  more: '{n} more not listed',
  error: 'Import failed',
  duplicate: 'the same file as the dataset\'s report {id}: one of your reports in "imported reports only"; counted once (the dataset\'s) with the dataset',
  count: '{n} reports',
  countCopies: '{n} reports, {copies} of them the same files as the dataset\'s',
  countShort: '{n} · {copies} in the dataset',
};

export type ImportText = (key: Key, vars?: Record<string, string | number>) => string;

export const importText = (locale: Locale): ImportText => {
  const table: Record<Key, string> = locale === 'zh' ? zh : en;
  return (key, vars = {}) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
};

/** Each reason code of the parser (src/parse/reasons.ts) in both languages: one catalogue for the page. */
const REASONS: Record<ReasonCode, Record<Locale, string>> = {
  empty: { zh: '空文件', en: 'empty file' },
  binary: { zh: '二进制文件，不是报告文本', en: 'a binary file, not report text' },
  undecodable: { zh: '无法识别的文字编码（不是 UTF-8、GBK、GB18030、Big5 或 UTF-16），可能不是文本文件', en: 'unreadable characters (not UTF-8, GBK, GB18030, Big5 or UTF-16): perhaps not a text file' },
  'not-report': { zh: '不是政府信息公开工作年度报告：未见“信息公开”“政务公开”等字样', en: 'not an information-disclosure annual report: no 信息公开/政务公开 wording found' },
  'blank-form': { zh: '空白模板：只有法定表格，没有发布机关，也没有填写任何数字；不计为报告', en: 'blank form: the statutory table only, no issuing body and no figure filled in; not counted as a report' },
  'not-pdf': { zh: '名为 .pdf，但不是 PDF 文件', en: 'named .pdf but not a PDF file' },
  'not-docx': { zh: '名为 .docx，但不是 Word（.docx）文件', en: 'named .docx but not a Word (.docx) file' },
  'not-doc': { zh: '名为 .doc，但不是 Word（.doc）文件', en: 'named .doc but not a Word (.doc) file' },
  'unsupported-format': { zh: '不支持的格式（RTF 或 WPS）：请另存为 .docx、PDF 或文本', en: 'unsupported format (RTF or WPS): save it as .docx, PDF or text' },
  'not-word': { zh: '不是 Word 文档（如 Excel、PowerPoint 或其他压缩包）', en: 'not a Word document (an Excel or PowerPoint file, or another archive)' },
  'word-unreadable': { zh: 'Word 文档已损坏或版本过旧，无法读取', en: 'the Word document is damaged or too old to read' },
  encrypted: { zh: '文件已加密：需要密码才能读取', en: 'encrypted: a password is needed to read it' },
  'pdf-no-text': { zh: 'PDF 没有可读的文字层（扫描件，需要 OCR）', en: 'the PDF has no readable text layer (a scan: needs OCR)' },
  'pdf-unreadable': { zh: 'PDF 文件已损坏，无法读取', en: 'the PDF is damaged and cannot be read' },
  'pdf-limit': { zh: 'PDF 超出读取限制（页数或时间）', en: 'the PDF is beyond the reading limits (pages or time)' },
  'zip-unreadable': { zh: '压缩容器已损坏或过大，未解压', en: 'the ZIP container is damaged or too large: not unpacked' },
  'mhtml-unreadable': { zh: '保存的网页（MHTML）无法读取', en: 'the saved web page (MHTML) cannot be read' },
  'too-large': { zh: `文件过大（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）`, en: `file too large (limit ${MAX_FILE_BYTES / 1024 / 1024} MB)` },
  'time-limit': { zh: '解析超时，已停止', en: 'parsing took too long and was stopped' },
  crashed: { zh: '解析程序崩溃', en: 'the parser crashed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
  internal: { zh: '内部错误', en: 'internal error' },
  'no-template': { zh: '未读到数值：未找到法定表格（2019/2021 年模板），正文中也未找到数字', en: 'no values: no statutory table (2019/2021 template) and no figures in the text found' },
  'no-values': { zh: '未读到数值：报告印有法定表格，但未读出其中的数值', en: 'no values: a statutory table is printed but none of its values were read' },
  'no-year': { zh: '未找到统计年度', en: 'statistics year not found' },
  other: { zh: '无法读取', en: 'could not be read' },
};

/** A row's reason in the page's language ("；"-joined in zh); the parser's English text stays the detail. */
export function reasonText(locale: Locale, status: Status, reason: string | null): string {
  // a reason no code knows is shown as the parser gave it
  return reasonCodes(status, reason).map((code) => (code === 'other' ? `${REASONS.other[locale]}: ${reason}` : REASONS[code][locale])).join(locale === 'zh' ? '；' : '; ');
}
