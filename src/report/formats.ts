// The report formats by name, as data: `--format` offers them without loading any renderer (the
// pre-commit path must not pay for the HTML and SARIF writers or the node:crypto they load).

export const FORMATS = {
  text: { outputDir: false },
  json: { outputDir: true },
  sarif: { outputDir: true },
  html: { outputDir: true },
} as const satisfies Record<string, { /** `keyhound github --output-dir` writes KEYHOUND.FORMAT of it. */ outputDir: boolean }>;

export type ReportFormat = keyof typeof FORMATS;
/** Every format, in the order the help lists them. */
export const REPORT_FORMATS = Object.keys(FORMATS) as ReportFormat[];
/** The formats an organisation scan's --output-dir holds. */
export const OUTPUT_DIR_FORMATS = REPORT_FORMATS.filter((f) => FORMATS[f].outputDir);
