// Reporters: one scan result → text, json, sarif or html.
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { RenderOptions, ReportFormat, ReportInput } from './types.js';

export type { RenderOptions, ReportFormat, ReportInput } from './types.js';
export { REPORT_FORMATS } from './types.js';
export { renderText } from './text.js';
export { renderJson, toJsonReport } from './json.js';
export { renderSarif, toSarif } from './sarif.js';
export { renderHtml, renderHtmlReport } from './html.js';
export { annotations, summaryMarkdown } from './github.js';

export function render(format: ReportFormat, input: ReportInput, opts: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(input, opts);
    case 'json':
      return renderJson(input);
    case 'sarif':
      return renderSarif(input);
    case 'html':
      return renderHtml(input);
    default:
      throw new Error(`unknown report format: ${String(format satisfies never)}`);
  }
}
