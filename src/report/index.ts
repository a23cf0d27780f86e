// Reporters: one scan result → text, json, sarif or html. A new format is its renderer module, its line
// here and its name in formats.ts (the type below fails until both lists agree).
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { RenderOptions, ReportInput } from './types.js';
import type { ReportFormat } from './formats.js';

export type { RenderOptions, ReportInput } from './types.js';
export { renderText } from './text.js';
export { renderJson, toJsonReport } from './json.js';
export { renderSarif, toSarif } from './sarif.js';
export { renderHtml, renderHtmlReport } from './html.js';
export { annotations, summaryMarkdown } from './github.js';
export { OUTPUT_DIR_FORMATS, REPORT_FORMATS, type ReportFormat } from './formats.js';

type Renderer = (input: ReportInput, opts: RenderOptions) => string;

const RENDERERS: Record<ReportFormat, Renderer> = {
  text: renderText,
  json: (input) => renderJson(input),
  sarif: (input) => renderSarif(input),
  html: (input) => renderHtml(input),
};

export function render(format: ReportFormat, input: ReportInput, opts: RenderOptions): string {
  if (!Object.hasOwn(RENDERERS, format)) throw new Error(`unknown report format: ${String(format)}`);
  return RENDERERS[format](input, opts);
}
