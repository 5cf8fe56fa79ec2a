// The import control's words (kept beside it: the shared message file stays for the views).
import type { Locale } from '../i18n/locale';

const zh = {
  button: '导入报告',
  title: '导入您自己的报告',
  privacy: '报告在本页面中解析，不会上传：没有任何数据离开您的电脑。',
  drop: '将报告文件或文件夹拖放到这里，或按 Enter 选择文件',
  pickFiles: '选择文件',
  pickFolder: '选择文件夹',
  formats: '支持 .txt、.html、.pdf、.docx、.doc、.mht',
  progress: '已处理 {done} / {total} 份 · 成功 {ok} · 部分 {partial} · 失败 {failed}',
  timeLeft: '约剩 {seconds} 秒',
  elapsed: '用时 {seconds} 秒',
  cancelled: '已取消：已完成的报告已保留',
  cancel: '取消',
  building: '正在整理导入的数据…',
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
  duplicate: '与数据集中的报告 {id} 是同一文件：视图只计入一次（数据集中的那份）',
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
  progress: '{done} / {total} done · {ok} ok · {partial} partial · {failed} failed',
  timeLeft: 'about {seconds} s left',
  elapsed: 'took {seconds} s',
  cancelled: 'Cancelled: the reports already done are kept',
  cancel: 'Cancel',
  building: 'Building the imported data…',
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
  duplicate: 'the same file as the dataset\'s report {id}: views count it once (the dataset\'s)',
};

export type ImportText = (key: Key, vars?: Record<string, string | number>) => string;

export const importText = (locale: Locale): ImportText => {
  const table: Record<Key, string> = locale === 'zh' ? zh : en;
  return (key, vars = {}) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
};
