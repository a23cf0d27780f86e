// Reporters: one scan result → text, json, sarif or html. The registry below is the one list of formats
// (`--format` offers its names): a new format is its renderer module and its line here.
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { RenderOptions, ReportInput } from './types.js';

export type { RenderOptions, ReportInput } from './types.js';
export { renderText } from './text.js';
export { renderJson, toJsonReport } from './json.js';
export { renderSarif, toSarif } from './sarif.js';
export { renderHtml, renderHtmlReport } from './html.js';
export { annotations, summaryMarkdown } from './github.js';

interface Reporter {
  render(input: ReportInput, opts: RenderOptions): string;
  /** `keyhound github --output-dir` writes a file of it (KEYHOUND.FORMAT) beside the terminal's report. */
  outputDir: boolean;
}

const REPORTERS = {
  text: { render: renderText, outputDir: false },
  json: { render: (input) => renderJson(input), outputDir: true },
  sarif: { render: (input) => renderSarif(input), outputDir: true },
  html: { render: (input) => renderHtml(input), outputDir: true },
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;
/** Every format, in the order the help lists them. */
export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];
/** The formats an organisation scan's --output-dir holds. */
export const OUTPUT_DIR_FORMATS = REPORT_FORMATS.filter((f) => REPORTERS[f].outputDir);

export function render(format: ReportFormat, input: ReportInput, opts: RenderOptions): string {
  if (!Object.hasOwn(REPORTERS, format)) throw new Error(`unknown report format: ${String(format)}`);
  return REPORTERS[format].render(input, opts);
}
