// Matches of a global RE2 over bytes, with the position kept in the iterator, not in the shared regex:
// a nested scan (decoded values) may use the same regex between two matches.
import type RE2 from 're2';

/** Every match of `re` (flag `g`) in `input`, at most `limit`; an empty match moves on one unit. */
export function* matchesOf(re: RE2, input: Buffer, limit: number): Generator<RegExpExecArray> {
  let at = 0;
  for (let n = 0; n < limit; n++) {
    re.lastIndex = at;
    const m = re.exec(input as unknown as string);
    if (m === null) return;
    at = re.lastIndex + (m[0].length === 0 ? 1 : 0);
    yield m;
  }
}
