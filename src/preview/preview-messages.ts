// Course messages (vfile messages) → plain, positioned messages for the emulator page.
import path from 'node:path';
import type { VFile } from 'vfile';
import type { PreviewMessage } from './protocol.js';

/** Every message of `files`, with paths relative to `cwd`, in file then position order. */
export function previewMessages(files: readonly VFile[], cwd: string): PreviewMessage[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: path.relative(cwd, file.path),
      line: message.line ?? 1,
      column: message.column ?? 1,
      ruleId: message.ruleId ?? '',
      reason: message.reason,
      severity: message.fatal === true ? ('error' as const) : ('warning' as const),
    })),
  );
}

/** `file:line:column rule-id reason`, the form authors know from `scormdown check`. */
export function formatPreviewMessage(message: PreviewMessage): string {
  return `${message.file}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`;
}
