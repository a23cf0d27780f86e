// Parser errors in messages: the kind of problem only, never the text the parser quotes back (a
// config, rule or baseline file may hold a secret next to the mistake).

/** "invalid perl operator: (?<" → "invalid perl operator"; YAML's "… at line 3, column 1:" cut too. */
export function problemKind(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const cut = first.indexOf(': ');
  return (cut > 0 ? first.slice(0, cut) : first).replace(/["'`/].*$/, '').trim() || 'syntax error';
}

export const yamlProblem = problemKind;
