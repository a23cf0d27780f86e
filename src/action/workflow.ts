// Workflow-runner files and commands: $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY, log lines that can never be
// read as workflow commands.
import { randomBytes } from 'node:crypto';
import { appendFileSafe } from '../util/safe-fs.js';
import { escapeData, escapeProperty } from '../report/github.js';

/** Appends `name=value` to $GITHUB_OUTPUT (heredoc form with a random delimiter, safe for any value). */
export function setOutput(file: string | undefined, name: string, value: string): void {
  if (!file) return;
  let delim = `keyhound_${randomBytes(12).toString('hex')}`;
  while (value.includes(delim)) delim = `keyhound_${randomBytes(12).toString('hex')}`;
  appendFileSafe(file, `${name}<<${delim}\n${value}\n${delim}\n`);
}

export function appendSummary(file: string | undefined, markdown: string): void {
  if (!file) return;
  appendFileSafe(file, markdown.endsWith('\n') ? markdown : markdown + '\n');
}

/** One log line: line breaks folded, so text from the scanned repository cannot start a workflow command. */
export function logLine(text: string): string {
  return `keyhound: ${text.replace(/[\r\n]+/g, ' ')}\n`;
}

/** `::error title=keyhound::message` (or warning/notice) with escaped data. */
export function command(level: 'error' | 'warning' | 'notice', message: string, title = 'keyhound'): string {
  return `::${level} title=${escapeProperty(title)}::${escapeData(message)}\n`;
}
