// Spreadsheet formula injection: a CSV cell starting with = + - @ (or a tab or carriage return
// before one) is run as a formula by Excel and LibreOffice when the file is opened, so an
// attacker's contact named `=HYPERLINK(...)` would act in the exporter's spreadsheet. CSV
// exports prefix such text with an apostrophe (the spreadsheet convention for "this is text"),
// and CSV imports take that one apostrophe off again, so a file round-trips unchanged.
// (.xlsx files keep values typed as text and need neither.)

const TRIGGER = /^[=+\-@\t\r]/;
const ESCAPED = /^'[=+\-@\t\r]/;
// A plain negative decimal (an amount, "-20.00") is a number to a spreadsheet, not a formula.
const PLAIN_NUMBER = /^-\d+(?:\.\d+)?$/;

/** A text cell as written to a CSV file: formula-like text gets a leading apostrophe. */
export function csvSafe<T>(v: T): T | string {
  return typeof v === 'string' && TRIGGER.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
}

/** A CSV cell as read back: the apostrophe csvSafe added is taken off. */
export function csvUnescape(s: string): string {
  return ESCAPED.test(s) ? s.slice(1) : s;
}
