// Broken input and a hostile file system through the command line: each case ends with the
// README's exit code, a positioned message (or one naming the path), no stack trace, and no zip
// written for the broken language, the previous one kept. Failures of the file system are
// simulated in-process (the tests run as root, which write permissions do not stop).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zipName } from '../../src/index.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../helpers/run-cli.js';
import { unzip } from '../helpers/zip.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';

let root: string;
let courseDir: string;
let outDir: string;

const LESSON = '---\nid: intro\ntitle: Intro\n---\n\nSome text.\n';

beforeEach(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-robust-')));
  courseDir = path.join(root, 'course');
  outDir = path.join(root, 'dist');
  await fs.mkdir(path.join(courseDir, 'en'), { recursive: true });
  await fs.writeFile(path.join(courseDir, 'course.yaml'), 'id: robust\nlanguages: [en]\n');
  await fs.writeFile(path.join(courseDir, 'en', 'edition.yaml'), 'title: Robust\n');
  await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), LESSON);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(root, { recursive: true, force: true });
});

const zipPath = () => path.join(outDir, zipName('robust', 'en'));
const build = (...extra: string[]) => runCli(['build', '--course', courseDir, '--out', outDir, ...extra]);
/** A file as the reporter shows it: relative to the working folder when inside it, else absolute. */
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
};

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+[(:]\d+/m);
  expect(stderr).not.toContain('node:internal');
}

/** Build once, successfully, so that a later failure can be seen to keep this zip. */
async function previousZip(): Promise<Buffer> {
  const first = await build();
  expect(first.code).toBe(EXIT.ok);
  return fs.readFile(zipPath());
}

async function temporaryFiles(): Promise<string[]> {
  return (await fs.readdir(outDir).catch(() => [] as string[])).filter((name) => name.includes('.tmp-'));
}

describe('broken input', () => {
  it('a lesson saved as Latin-1: exit 1 at the first bad byte, previous zip kept', async () => {
    const before = await previousZip();
    await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), Buffer.from('---\nid: intro\ntitle: Intro\n---\n\nCaf\xe9 au lait.\n', 'latin1'));
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.contentErrors);
    expect(stderr).toContain(`${shown(path.join(courseDir, 'en', '01-intro.md'))}:6:4: error Unexpected byte 0xE9 that is not UTF-8 text`);
    expect(stderr).toContain('encoding-invalid');
    expectNoStackTrace(stderr);
    expect(await fs.readFile(zipPath())).toEqual(before);
  });

  it('a lesson that is a binary file: exit 1, no zip written', async () => {
    await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]));
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.contentErrors);
    expect(stderr).toMatch(/01-intro\.md:1:1: error Unexpected byte 0x89 that is not UTF-8 text/);
    expectNoStackTrace(stderr);
    await expect(fs.access(zipPath())).rejects.toThrow();
  });

  it('a lesson that vanishes between listing and reading: exit 1, named, previous zip kept', async () => {
    const before = await previousZip();
    const lesson = path.join(courseDir, 'en', '01-intro.md');
    const readFile = fs.readFile.bind(fs);
    vi.spyOn(fs, 'readFile').mockImplementation(((file: Parameters<typeof fs.readFile>[0], options?: Parameters<typeof fs.readFile>[1]) =>
      file === lesson ? Promise.reject(Object.assign(new Error(`ENOENT: no such file or directory, open '${lesson}'`), { code: 'ENOENT' })) : readFile(file, options)) as typeof fs.readFile);
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.contentErrors);
    expect(stderr).toContain(`${shown(lesson)}:1:1: error Unexpected lesson file that disappeared while the course was being read`);
    expectNoStackTrace(stderr);
    vi.restoreAllMocks();
    expect(await fs.readFile(zipPath())).toEqual(before);
  });

  it('5,000 nested list items and 2,000 nested block quotes: exit 1 at their place, no stack overflow', async () => {
    const before = await previousZip();
    await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), `${LESSON}\n${'- '.repeat(5000)}deep\n\n${'> '.repeat(2000)}deeper\n`);
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.contentErrors);
    expect(stderr).toMatch(/01-intro\.md:8:201: error Unexpected block quote or list item nested more than 100 levels deep.*nesting-too-deep/);
    expect(stderr).toMatch(/01-intro\.md:10:201: error Unexpected block quote or list item nested more than 100 levels deep/);
    expectNoStackTrace(stderr);
    expect(await fs.readFile(zipPath())).toEqual(before);
  });

  it('a course strings file with a JSON syntax error: exit 1 at the error, previous zip kept', async () => {
    const before = await previousZip();
    await fs.mkdir(path.join(courseDir, 'strings'));
    await fs.writeFile(path.join(courseDir, 'strings', 'en.json'), '{\n  "nav.next": "Onwards",\n}\n');
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.contentErrors);
    expect(stderr).toContain(`${shown(path.join(courseDir, 'strings', 'en.json'))}:3:1: error Unexpected \`}\` in a strings file`);
    expect(stderr).toContain('strings-json-invalid');
    expectNoStackTrace(stderr);
    expect(await fs.readFile(zipPath())).toEqual(before);
  });

  it('a strings text whose placeholders differ from English: exit 1 at the value', async () => {
    await fs.mkdir(path.join(courseDir, 'strings'));
    await fs.writeFile(path.join(courseDir, 'strings', 'en.json'), '{\n  "progress.value": "{done} of {all} done"\n}\n');
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.contentErrors);
    expect(stderr).toMatch(/strings\/en\.json:2:21-2:43: error Unexpected placeholders `\{all\}`, `\{done\}` in `progress.value`, expected placeholders `\{done\}`, `\{total\}`/);
    expectNoStackTrace(stderr);
    await expect(fs.access(zipPath())).rejects.toThrow();
  });
});

describe('an output folder that cannot be written', () => {
  it('--out naming a file: exit 2 before any work, the file untouched', async () => {
    const file = path.join(root, 'dist.zip');
    await fs.writeFile(file, 'not a folder');
    const { code, stdout, stderr } = await runCli(['build', '--course', courseDir, '--out', file]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(`✗ Cannot write ${path.relative(process.cwd(), file)}: it is a file, not a folder (ENOTDIR)`);
    expect(stdout).toBe('');
    expectNoStackTrace(stderr);
    expect(await fs.readFile(file, 'utf8')).toBe('not a folder');
  });

  it('--out under a file: exit 2 with the reason', async () => {
    const file = path.join(root, 'notes.txt');
    await fs.writeFile(file, 'x');
    const { code, stderr } = await runCli(['build', '--course', courseDir, '--out', path.join(file, 'dist')]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/✗ Cannot write .*notes\.txt.*: a file stands where a folder is needed \(ENOTDIR\)/);
    expectNoStackTrace(stderr);
  });

  it('a read-only output folder (EROFS): exit 2 before any work, previous zip kept', async () => {
    const before = await previousZip();
    vi.spyOn(fs, 'access').mockRejectedValue(Object.assign(new Error(`EROFS: read-only file system, access '${outDir}'`), { code: 'EROFS', path: outDir }));
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(`✗ Cannot write ${path.relative(process.cwd(), outDir)}: the file system is read-only (EROFS)`);
    expectNoStackTrace(stderr);
    vi.restoreAllMocks();
    expect(await fs.readFile(zipPath())).toEqual(before);
  });

  it('no permission to write while packaging (EACCES): exit 2, no temporary files, previous zip and folder kept', async () => {
    const before = await previousZip();
    const folderIndex = await fs.readFile(path.join(outDir, 'robust-en', 'index.html'));
    await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), `${LESSON}\nMore text.\n`);
    const mkdir = fs.mkdir.bind(fs);
    vi.spyOn(fs, 'mkdir').mockImplementation(((dir: Parameters<typeof fs.mkdir>[0], options?: Parameters<typeof fs.mkdir>[1]) =>
      String(dir).includes('.tmp-') ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, mkdir '${String(dir)}'`), { code: 'EACCES', path: String(dir) })) : mkdir(dir, options)) as typeof fs.mkdir);
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/✗ Cannot write .*\.robust-en\.tmp-\d+.*: no permission to write there \(EACCES\)/);
    expectNoStackTrace(stderr);
    vi.restoreAllMocks();
    expect(await temporaryFiles()).toEqual([]);
    expect(await fs.readFile(zipPath())).toEqual(before);
    expect(await fs.readFile(path.join(outDir, 'robust-en', 'index.html'))).toEqual(folderIndex);
  });

  it('an image that disappears after the check, before packaging: exit 3 naming it, previous zip kept', async () => {
    const image = path.join(courseDir, 'en', 'dot.png');
    await fs.copyFile(path.join(REPO_ROOT, 'test', 'fixtures', 'transform', 'local-image', 'diagram.png'), image);
    await fs.writeFile(path.join(courseDir, 'en', '01-intro.md'), `${LESSON}\n![A dot](dot.png)\n`);
    const before = await previousZip();
    const readFile = fs.readFile.bind(fs);
    vi.spyOn(fs, 'readFile').mockImplementation(((file: Parameters<typeof fs.readFile>[0], options?: Parameters<typeof fs.readFile>[1]) =>
      file === image && new Error().stack?.includes('render-edition') === true
        ? Promise.reject(Object.assign(new Error(`ENOENT: no such file or directory, open '${image}'`), { code: 'ENOENT', path: image }))
        : readFile(file, options)) as typeof fs.readFile);
    await fs.appendFile(path.join(courseDir, 'en', '01-intro.md'), '\nChanged.\n');
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.internal);
    expect(stderr).toContain(`✗ Cannot read ${path.relative(process.cwd(), image)} (ENOENT): it changed or disappeared while scormdown was running; run the command again.`);
    expectNoStackTrace(stderr);
    vi.restoreAllMocks();
    expect(await temporaryFiles()).toEqual([]);
    expect(await fs.readFile(zipPath())).toEqual(before);
  });

  it('an unexpected failure is one message with exit 3, no stack trace', async () => {
    vi.spyOn(JSON, 'stringify').mockImplementationOnce(() => {
      throw new TypeError('simulated bug');
    });
    const { code, stderr } = await runCli(['new', 'edition', 'fr', '--course', courseDir]);
    expect(code).toBe(EXIT.internal);
    expect(stderr).toContain('scormdown failed unexpectedly: TypeError: simulated bug');
    expectNoStackTrace(stderr);
  });
});

describe('temporary files of earlier builds', () => {
  it('are removed by the next build when their process is gone; those of a running build stay', async () => {
    await previousZip();
    const deadPid = 2 ** 22 + 12345; // above Linux's largest pid: no such process
    const stale = [`.robust-en-scorm12.zip.tmp-${deadPid}`, `.robust-en.tmp-${deadPid}`, `.robust-en.tmp-${deadPid}.old`, `.catalog.json.tmp-${deadPid}`];
    await fs.writeFile(path.join(outDir, stale[0]!), Buffer.alloc(1024));
    await fs.mkdir(path.join(outDir, stale[1]!, 'lessons'), { recursive: true });
    await fs.writeFile(path.join(outDir, stale[1]!, 'lessons', 'intro.html'), 'half');
    await fs.mkdir(path.join(outDir, stale[2]!));
    await fs.writeFile(path.join(outDir, stale[3]!), '{');
    const running = `.robust-en-scorm12.zip.tmp-${process.ppid}`;
    await fs.writeFile(path.join(outDir, running), 'in use');
    const { code } = await build();
    expect(code).toBe(EXIT.ok);
    expect(await temporaryFiles()).toEqual([running]);
    expect(unzip(await fs.readFile(zipPath())).has('imsmanifest.xml')).toBe(true);
  });
});
