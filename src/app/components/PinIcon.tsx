// Drawn, not an emoji: a machine without an emoji font (headless Chromium among them) shows a
// missing-glyph box for 📌. The button's text is its accessible name; the icon is decoration.
export function PinIcon() {
  return (
    <svg className="icon" data-testid="pin-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M5 1h6v1.5l-1 .8v3.9l2.6 2.3V11H8.7v4L8 16l-.7-1v-4H3.4V9.5L6 7.2V3.3l-1-.8z" />
    </svg>
  );
}
