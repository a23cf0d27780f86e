import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlaceholder } from '../../src/engine/placeholder.js';

describe('placeholders', () => {
  it('self-describing filler inside long tokens', () => {
    for (const v of ['PasteYourApiTokenHere1234567890', 'RANDOMSTRINGabc123def456ghi789', 'sk_live_TOKEN_HERE_0000000000', 'ApiKeyHereXy12Zw34Ab56Cd78']) {
      assert.ok(isPlaceholder(v), v);
    }
  });
  it('template syntax, env references and filler', () => {
    for (const v of ['${BINANCE_SECRET}', '{{ .Values.key }}', '<your-api-key>', '$API_KEY', 'process.env.KEY', 'your_api_key_here',
      'xxxxxxxxxxxxxxxx', 'changeme', 'sk_live_EXAMPLE1234567890abcdefgh', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '****']) {
      assert.ok(isPlaceholder(v), v);
    }
  });
  it('low variety: repeats, periods, sequences, all-zero keys', () => {
    for (const v of ['0000000000000000000000000000000000000000000000000000000000000000', 'abababababababab', '1234567890abcdef1234567890abcdef', 'aaaaaaaaaaaaaaab',
      'a123b45c6d78e9f012a34cd5e6a7890b12c3d45e6f78a1b234c56d7e890a1234']) {
      assert.ok(isPlaceholder(v), v);
    }
  });
  it('random tokens that merely contain a short word are real', () => {
    // 88-character base64 with "todo" and "fake" inside segments
    const b64 = 'q8Zr3TodoLk1mN0pQ7sV9wX2yB4cD6eF8gH1jK3lM5nP7qR9sT2uV4wX6yZ8aB0cfakeG2hJ4kL6mN8pQ0rS3tU=';
    assert.ok(!isPlaceholder(b64));
  });
  it('long encoded keys with zero-byte runs are real', () => {
    const body = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACBv9Kx2m7Qe4R1sWz8pL0nYc3VfJ6dH5gT2kA9bX4jM1wAAAJD';
    assert.ok(!isPlaceholder(body));
  });
});
