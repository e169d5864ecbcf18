// User text reaches terminals (`without audit`) and spreadsheets (the CSV export). Control
// characters there could act instead of show (ESC starts a terminal escape sequence, a lone CR
// moves the cursor back over what was printed), and bidirectional marks and overrides (U+202E)
// make text read differently from what is stored. They become spaces.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** Text with control and bidi characters made spaces (runs of spaces made one): safe to print. */
export const printable = (text: string): string => text.replace(UNPRINTABLE, ' ').replace(/ {2,}/g, ' ');
