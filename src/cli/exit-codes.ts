// The exit codes of every `scormdown` command.
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, internal: 3 } as const;
