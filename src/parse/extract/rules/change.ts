// 由/从 A 增加到/增至/减少为 B: A is the value before the change (another year's), B the value after it.

/** Right after a figure (and its unit): the verb of a change to another figure (增加到, 增至, 减少为, 下降到, 降至). */
const TO_ANOTHER = /^\s*(?:件|条|宗|起|次|元|万元|人次)?\s*(?:的)?(?:增加|增长|上升|提高|减少|下降|降低|增|减|升|降)(?:到|至|为)/;

/** The text right after a figure says the figure changed to another: the figure is the value before the change. */
export const changesToAnother = (after: string): boolean => TO_ANOTHER.test(after);
