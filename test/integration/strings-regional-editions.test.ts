// Regional editions read their base language's strings file: strings/de.json for de and de-AT,
// strings/fr.json for fr and fr-CA (the course of test/fixtures/checks/strings-shared-by-regional-editions,
// incomplete course strings files). The load stage reads such a file once, the editions share it,
// and each edition has its own, positioned warnings: de's and de-AT's true/false label warnings on
// strings/de.json (their feedback words differ), fr's missing keys on strings/fr.json, fr-CA's on
// fr-CA/edition.yaml. The same in one thread, on the loading workers and in the preview.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse, load, zipName, type Edition } from '../../src/index.js';
import { PARALLEL_LESSON_THRESHOLD } from '../../src/load/load-parallel.js';
import { classifyChange } from '../../src/preview/classify-change.js';
import { PreviewCourse } from '../../src/preview/preview-course.js';
import { caseDir } from '../helpers/fixtures.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';
import { runCompiledCli } from '../helpers/run-cli.js';
import { unzip } from '../helpers/zip.js';

const FIXTURE = path.join(caseDir('checks', 'strings-shared-by-regional-editions'), 'course');
const STRINGS_RULES = new Set(['strings-missing', 'truefalse-label-clash']);

/** The strings warnings of `files` as `path:line:column rule-id` and what names the edition, sorted. */
function stringsWarnings(files: readonly VFile[], dir: string): string[] {
  return files.flatMap((file) => file.messages.filter((message) => STRINGS_RULES.has(message.ruleId ?? '')).map((message) => {
    const edition = /for `([^`]+)`/.exec(message.reason)?.[1] ?? /feedback (`[^`]+`)/.exec(message.reason)?.[1];
    return `${path.relative(dir, file.path).split(path.sep).join('/')}:${message.line}:${message.column} ${message.ruleId} ${edition}`;
  })).sort();
}

/** Every message of `files` as `path:line:column rule-id reason`, sorted. */
function allMessages(files: readonly VFile[], dir: string): string[] {
  return files.flatMap((file) => file.messages.map((message) => `${path.relative(dir, file.path)}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`)).sort();
}

const EXPECTED = [
  'fr-CA/edition.yaml:1:1 strings-missing fr-CA',
  // de's feedback is the shipped "Richtig!", de-AT's its own "RICHTIG.": two warnings on the label of strings/de.json.
  'strings/de.json:2:3 truefalse-label-clash `RICHTIG.`',
  'strings/de.json:2:3 truefalse-label-clash `Richtig!`',
  'strings/fr.json:1:1 strings-missing fr',
];

let root: string;

beforeAll(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-regional-')));
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function copyFixture(name: string): Promise<string> {
  const dir = path.join(root, name);
  await fs.cp(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('editions that share a course strings file', () => {
  it('read the file once: one VFile, listed once, in both editions, with the strings of each', async () => {
    const { course, files } = await load(FIXTURE);
    const edition = (lang: string): Edition => course!.editions.find((candidate) => candidate.lang === lang)!;
    const german = files.filter((file) => file.path === path.join(FIXTURE, 'strings', 'de.json'));
    expect(german).toHaveLength(1);
    expect(edition('de').stringsFiles).toEqual([german[0]]);
    expect(edition('de-AT').stringsFiles.map((file) => path.basename(file.path))).toEqual(['de-AT.json', 'de.json']);
    expect(edition('de-AT').stringsFiles[1]).toBe(german[0]);
    expect(edition('fr-CA').stringsFiles).toEqual(edition('fr').stringsFiles);
    expect(edition('fr-CA').stringsFiles[0]).toBe(edition('fr').stringsFiles[0]);

    expect([edition('de').strings['question.true'], edition('de').strings['question.correct']]).toEqual(['Richtig', 'Richtig!']);
    expect([edition('de-AT').strings['question.true'], edition('de-AT').strings['question.correct']]).toEqual(['Richtig', 'RICHTIG.']);
    expect(edition('de-AT').stringSources['question.true']).toEqual({ kind: 'course', lang: 'de', file: german[0], place: { line: 2, column: 3 } });
    expect(edition('de-AT').stringSources['question.correct']).toMatchObject({ kind: 'course', lang: 'de-AT', place: { line: 2, column: 3 } });
    expect(edition('de').stringSources['question.correct']).toMatchObject({ kind: 'shipped', lang: 'de', path: path.join(REPO_ROOT, 'templates', 'strings', 'de.json') });
    expect(edition('fr-CA').strings['nav.next']).toBe('FR Next');
    expect(edition('fr-CA').stringSources['exit.retry']).toEqual({ kind: 'english' });
    expect(edition('fr').ownStringsFile).toEqual({ file: edition('fr').stringsFiles[0], place: { line: 1, column: 1 } });
    expect(edition('fr-CA').ownStringsFile).toBeUndefined();
  });

  it('each have their own positioned warnings in check', async () => {
    const { files } = await checkCourse(FIXTURE);
    expect(stringsWarnings(files, FIXTURE)).toEqual(EXPECTED);
  });

  it('have the same warnings and strings when loaded on worker threads', async () => {
    const dir = await copyFixture('parallel');
    // Enough lessons for the loading workers (compiled CLI only).
    const perEdition = Math.ceil(PARALLEL_LESSON_THRESHOLD / 4);
    for (const [lang, id] of [['de', 'lektion'], ['de-AT', 'lektion'], ['fr', 'lecon'], ['fr-CA', 'lecon']] as const) {
      const lesson = await fs.readFile(path.join(dir, lang, `01-${id}.md`), 'utf8');
      for (let copy = 2; copy <= perEdition; copy++) {
        await fs.writeFile(path.join(dir, lang, `${String(copy).padStart(2, '0')}-${id}.md`), lesson.replaceAll(id, `${id}${copy}`));
      }
    }
    const single = allMessages((await checkCourse(dir)).files, dir);
    expect(single.filter((line) => / (strings-missing|truefalse-label-clash) /.test(line))).toHaveLength(EXPECTED.length);
    const outDir = path.join(root, 'parallel-out');
    const { code, stdout, stderr } = await runCompiledCli(['build', '--course', dir, '--out', outDir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Read and checked ${4 * perEdition} lessons in 4 languages`);
    const warned = stderr.split('\n').filter((line) => / (strings-missing|truefalse-label-clash)$/.test(line.trim()));
    expect(warned.map((line) => line.slice(0, line.indexOf(': warning')).replace(`${dir}${path.sep}`, '').split(path.sep).join('/')).sort()).toEqual([
      'fr-CA/edition.yaml:1:1', 'strings/de.json:2:3', 'strings/de.json:2:3', 'strings/fr.json:1:1',
    ]);
    // The lessons were rendered on the workers with each edition's strings: de-AT's true/false
    // labels from strings/de.json, fr-CA's shell from strings/fr.json.
    const austrian = unzip(await fs.readFile(path.join(outDir, zipName('fixture', 'de-AT'))));
    const page = austrian.get('lessons/lektion.html')?.toString('utf8');
    expect(page).toContain('>Richtig<');
    expect(page).not.toContain('>Trifft zu<');
    const canadian = unzip(await fs.readFile(path.join(outDir, zipName('fixture', 'fr-CA'))));
    expect(canadian.get('index.html')?.toString('utf8')).toContain('>FR Next<');
  });

  it('each have their own warnings in the preview, as in check, after the shared file or one edition changes', async () => {
    const dir = await copyFixture('preview');
    const preview = new PreviewCourse(dir);
    await preview.loadAll();
    expect(stringsWarnings(preview.files, dir)).toEqual(EXPECTED);
    expect(allMessages(preview.files, dir)).toEqual(allMessages((await checkCourse(dir)).files, dir));
    // Both German editions list strings/de.json with both label warnings.
    for (const lang of ['de', 'de-AT']) {
      expect(stringsWarnings(preview.filesOf(lang), dir).filter((line) => line.startsWith('strings/de.json')), lang).toHaveLength(2);
    }

    // de-AT's edition.yaml changes: it is read again with the strings it has, still sharing strings/de.json with de.
    const austrian = path.join(dir, 'de-AT', 'edition.yaml');
    await fs.writeFile(austrian, 'title: Kundenorientierung (Österreich)\n');
    expect(await preview.apply(classifyChange(dir, austrian, 'change'))).toEqual(['de-AT']);
    expect(preview.edition('de-AT')!.stringsFiles[1]).toBe(preview.edition('de')!.stringsFiles[0]);
    expect(stringsWarnings(preview.files, dir)).toEqual(EXPECTED);
    expect(allMessages(preview.files, dir)).toEqual(allMessages((await checkCourse(dir)).files, dir));

    // The shared file changes: both editions take the new label, and the warnings go.
    const german = path.join(dir, 'strings', 'de.json');
    await fs.writeFile(german, '{\n  "question.true": "Trifft zu",\n  "question.false": "Falsch"\n}\n');
    expect(await preview.apply(classifyChange(dir, german, 'change'))).toEqual(['de', 'de-AT']);
    expect(preview.edition('de-AT')!.strings['question.true']).toBe('Trifft zu');
    expect(preview.edition('de-AT')!.stringsFiles[1]).toBe(preview.edition('de')!.stringsFiles[0]);
    expect(stringsWarnings(preview.files, dir)).toEqual([EXPECTED[0], EXPECTED[3]]);
    expect(allMessages(preview.files, dir)).toEqual(allMessages((await checkCourse(dir)).files, dir));
  });
});
