// An area summary's own subject: the whole area with its parts listed (全县各部门、各乡镇（街道）,
// 全市各级各部门, 我区各部门及各街道). In a summary that subject is the report's own scope, so its
// parts' words (各乡镇, 各部门, 各级) name no other scope there. In a single body's report the same
// words still name other bodies (a bureau's report quoting the county's total): the report's scope
// (facts/scope.ts) decides, never the sentence alone; and only the report's own division is its
// area (全市各单位 in a county's summary is the city's, a larger scope). A sentence that goes on to
// the body's own figure (全区各部门共…47908条，我区主动公开2992条) still gives the whole's figure to a
// larger scope (features.ts sharedScope, asked of the text as printed): the report's scope was
// decided from that very sentence.

/** One part of an area as a summary lists it: its own bodies (各部门, 各级, 县直各单位) or its lower divisions (各乡镇（街道）, 各县（市、区）). */
const PART = '(?:各级(?:各)?(?:部门|单位|行政机关|机关)?|各(?:部门|单位)|政府(?:各)?部门|政府系统|行政机关|(?:省|市|县|区|旗)直(?:各)?(?:部门|单位)|各(?:乡镇|镇街|街道|县区|区县|县市区|乡|镇|县|区|市|地)(?:[（(][^）)]{1,6}[）)])?)';
/** Per division word (县), 全县 / 我县 / 本县 then its parts joined by 、和及与. */
const OWN_AREA = new Map<string, RegExp>();
const ownAreaOf = (unit: string) => {
  let re = OWN_AREA.get(unit);
  if (!re) OWN_AREA.set(unit, (re = new RegExp(`(?:全|我|本)${unit}${PART}(?:(?:[、和及与]|以及)${PART})*`, 'g')));
  return re;
};
/** The word a division names itself by as an area (某某县 → 县, 宁夏回族自治区 → 区, 兴庆区 → 区). */
const DIVISION_WORD = /(省|市|区|县|旗|州|盟)$/;

/** The report's own area word when it is an area summary of a known division, else ''. */
export function ownAreaWord(scope: string | null | undefined, jurisdiction: string | null | undefined): string {
  return scope === 'area' && jurisdiction ? (DIVISION_WORD.exec(jurisdiction)?.[1] ?? '') : '';
}
/** The list names the area's own bodies (各部门, 各级, 行政机关, 市直单位): the whole area, not only its lower divisions (全市各县区 is theirs alone). */
const OWN_BODIES = /各级|部门|单位|政府系统|行政机关/;

/**
 * The text with every own-area subject cut to the area's name (全县各部门、各乡镇共… → 全县共…), for the
 * tests of another scope. `area`: the summary's division word (ownAreaWord); '' (no area summary): the text itself.
 */
export function withoutOwnArea(text: string, area: string): string {
  if (area === '' || !text.includes(area)) return text;
  return text.replace(ownAreaOf(area), (m) => (OWN_BODIES.test(m) ? m.slice(0, 2) : m));
}
