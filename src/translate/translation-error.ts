// A translate command used wrongly (an unknown language, a file that cannot be read): exit 2.
export class TranslationUsageError extends Error {
  override name = 'TranslationUsageError';
}
