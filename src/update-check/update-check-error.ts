// A problem with what `check --against` was given (missing path, unreadable zip, not a package):
// reported to the user as one plain sentence, never with a stack trace.
export class UpdateCheckError extends Error {
  override readonly name = 'UpdateCheckError';
}
