// Formats messages for the terminal, remark-lint style: file:line:column rule id.
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

/** All messages of all files, errors and warnings, or '' when there are none. */
export function formatMessages(files: readonly VFile[], options: { color?: boolean } = {}): string {
  const withMessages = files.filter((file) => file.messages.length > 0);
  if (withMessages.length === 0) return '';
  return reporter(withMessages, { color: options.color ?? false, quiet: true });
}
