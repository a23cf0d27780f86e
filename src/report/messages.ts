// The words of a finding's message: engine findings carry a message id and data, the words live here
// (as ESLint's `meta.messages`). Every reporter and the Action's comments say a finding through this.
import type { Finding, FindingMessageId } from '../core/finding.js';

const MESSAGES = {
  secret: (d) => `${d.title}${d.key ? ` assigned to ${d.key}` : ''}${d.checked ? ' (offline check passed)' : ''}`,
  'known-public': (d) => `${d.title}: known public test key (${d.knownPublic}); not a leak, but never use it for real funds or accounts`,
  'key-path': (d) => `Secret for ${d.provider} under key path ${d.keyPath}`,
} satisfies Record<FindingMessageId, (data: Record<string, string | undefined>) => string>;

/** The finding's message in words: from its message id, else the words it was read with, else its title. */
export function findingMessage(f: Pick<Finding, 'messageId' | 'messageData' | 'message' | 'title'>): string {
  if (f.messageId) {
    const d = f.messageData ?? {};
    // `in`: the text was not file content (a file or folder name, a commit message)
    return `${MESSAGES[f.messageId](d)}${d.in ? ` (in ${d.in})` : ''}`;
  }
  return f.message ?? f.title;
}
