// Whether a report is a body's own or an area summary (its own and its units' figures).
import type { Level, Scope } from '../../types';

const AREA = /(全(市|区|县|省|旗|州)(各级|各部门|各单位|政府系统)?[^。；\n]{0,12}(共|累计|合计)?(主动公开|收到|受理|发布|办结)|综合[^。]{0,40}(各部门|各区|各县|各镇|各乡|各单位|行政区域内)[^。]{0,30}(年度报告|总体情况|编制)|本(市|区|县)(各级)?行政机关[^。]{0,10}(共|累计)|全(?:市|区|县)(?:各部门|各单位)(?:共|累计)?(?:主动)?公开(?:政府)?信息(?:共|累计)?\s*\d|我(?:市|区|县)\s*[(（]\s*含各(?:部门|单位))/;

export function scopeOf(s: string, level: Level | null): Scope {
  if (level === 'department' || level === 'town') return 'self';
  return AREA.test(s) ? 'area' : 'self';
}
