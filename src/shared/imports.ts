/** Encodings an import may be read with (the API's `encoding`, the wizard, `guanxi import --encoding`). */
export const IMPORT_ENCODINGS = ['utf-8', 'gb18030', 'big5', 'windows-1252', 'shift_jis', 'utf-16le', 'utf-16be'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
