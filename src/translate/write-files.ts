// Writes the files of an import whose text differs from what is on disk, each under a temporary
// name first, so that an import run twice writes nothing the second time.
import fs from 'node:fs/promises';
import path from 'node:path';

/** Write each file whose text differs from what is there (each under a temporary name, then renamed); the paths written. */
export async function writeChangedFiles(writes: ReadonlyMap<string, string>): Promise<string[]> {
  const written: string[] = [];
  for (const [filePath, text] of writes) {
    const current = await fs.readFile(filePath, 'utf8').catch(() => undefined);
    if (current === text) continue;
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    const temporary = `${filePath}.tmp-${process.pid}`;
    await fs.writeFile(temporary, text);
    await fs.rename(temporary, filePath);
    written.push(filePath);
  }
  return written;
}
