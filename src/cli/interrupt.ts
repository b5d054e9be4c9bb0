// Ctrl-C (SIGINT) or SIGTERM while a build runs: the temporary files of this process are removed,
// every package keeps either its previous zip and folder or the new pair, and the process exits
// with the shell's code for the signal (130 for SIGINT, 143 for SIGTERM). Node's own signal
// events; the handlers are there only while the build runs.
import { removeOwnTemporaryFilesSync } from '../package/write-output.js';

/** 128 + the signal number, as shells report a process ended by the signal. */
export const INTERRUPT_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

type Signal = keyof typeof INTERRUPT_EXIT;

/** Run `work`; on SIGINT or SIGTERM meanwhile, clean up, `say` what happened, and exit. */
export async function cleanUpOnInterrupt<T>(work: () => Promise<T>, say: (text: string) => void): Promise<T> {
  const onSignal = (signal: Signal) => {
    const removed = removeOwnTemporaryFilesSync();
    say(`\nInterrupted (${signal}): ${removed === 1 ? '1 temporary file' : `${removed} temporary files`} removed. Each package is either the previous one or a complete new one; run the build again to finish it.`);
    process.exit(INTERRUPT_EXIT[signal]);
  };
  const signals = Object.keys(INTERRUPT_EXIT) as Signal[];
  for (const signal of signals) process.once(signal, onSignal);
  try {
    return await work();
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}
