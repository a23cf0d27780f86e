// Finds the name a value is assigned to, from the text before it on its line (or the line above).

const ASSIGN = /(?:^|[^\w$@.\-])["'`]?([A-Za-z_$@][\w.$@\-]*(?:\[["']?[\w.\-]+["']?\])*)["'`]?\s*(?::=|=>|\?\?=|\|\|=|\+=|[:=])\s*(?:[A-Za-z_$][\w.$]*\s*\(\s*)?(?:\[\s*)?["'`]?\s*$/;
const CALL = /([A-Za-z_$][\w.$]*)\s*\(\s*(?:\[\s*)?["'`]?\s*$/;
const FLAG = /(?:^|\s)(--?[A-Za-z][\w-]*)(?:\s+|=)["']?\s*$/;
const DOCKER_ENV = /^\s*(?:ENV|ARG|export|set|setx)\s+([A-Za-z_][\w]*)(?:\s+|=)["']?\s*$/i;
const KEY_ONLY_LINE = /^\s*["'`]?([A-Za-z_$@][\w.$@\-]*)["'`]?\s*[:=]\s*(?:[|>][-+]?\s*|\[\s*)?$/;

/** Strips list syntax so `accounts: ["0xA", "` finds `accounts` (a linear scan back to the `[`). */
function dropListItems(prefix: string): string {
  const open = prefix.lastIndexOf('[');
  if (open < 0) return prefix;
  const items = prefix.slice(open + 1);
  if (!items.includes(',') || /[\]{}()=:;]/.test(items)) return prefix;
  return prefix.slice(0, open + 1);
}

/**
 * The key, variable, flag or callee the value starting at the end of `prefix` is given to.
 * `above` is the previous non-empty line, used for YAML block values and multi-line lists.
 */
export function assignedKey(prefix: string, above?: string): string | undefined {
  let p = prefix.length > 300 ? prefix.slice(-300) : prefix;
  p = p.replace(/0x$/i, '');
  let m = DOCKER_ENV.exec(p) ?? FLAG.exec(p);
  if (m) return m[1];
  m = ASSIGN.exec(p);
  if (m) return m[1];
  const listed = dropListItems(p);
  if (listed !== p) {
    m = ASSIGN.exec(listed) ?? CALL.exec(listed);
    if (m) return m[1];
  }
  m = CALL.exec(p);
  if (m) return m[1];
  if (above !== undefined && /^\s*(?:-\s*)?["'`]?\s*$/.test(p)) {
    m = KEY_ONLY_LINE.exec(above);
    if (m) return m[1];
  }
  return undefined;
}
