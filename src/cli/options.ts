// The options several commands take, declared once so that each command's table means the same by them.
export const COURSE_OPTION = { type: 'string', default: 'course' } as const;
export const LANG_OPTION = { type: 'string', multiple: true } as const;
/** Without --color: colour when standard error is a terminal, decided when the command runs. */
export const COLOR_OPTION = { type: 'boolean' } as const;

/** --lang values, repeated or comma-separated, as a list of languages (undefined: all). */
export function languagesOf(values: readonly string[] | undefined): string[] | undefined {
  return values?.flatMap((value) => value.split(',')).map((lang) => lang.trim()).filter(Boolean);
}

/** Whether to colour messages: --color, or else whether standard error is a terminal. */
export function colorOf(value: boolean | undefined): boolean {
  return value ?? process.stderr.isTTY === true;
}
