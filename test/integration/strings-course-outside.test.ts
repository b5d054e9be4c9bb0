// A French course kept in a folder outside the tool's own, for a language whose UI strings do not
// ship with scormdown: it builds without adding any file to the tool; without strings it warns and
// shows English; with an incomplete strings/fr.json it warns naming exactly the missing keys; with
// a complete one there is no warning and the French text is in the package.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipName } from '../../src/index.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';
import { unzip } from '../helpers/zip.js';

const SHIPPED_STRINGS = path.join(REPO_ROOT, 'templates', 'strings');
const english = JSON.parse(await fs.readFile(path.join(SHIPPED_STRINGS, 'en.json'), 'utf8')) as Record<string, string>;

let root: string;
let courseDir: string;
let outDir: string;
let shippedBefore: string[];

beforeAll(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-fr-')));
  courseDir = path.join(root, 'formation');
  outDir = path.join(root, 'paquets');
  await fs.mkdir(path.join(courseDir, 'fr'), { recursive: true });
  await fs.writeFile(path.join(courseDir, 'course.yaml'), 'id: accueil\nlanguages: [fr]\n');
  await fs.writeFile(path.join(courseDir, 'fr', 'edition.yaml'), 'title: Accueil des clients\n');
  await fs.writeFile(path.join(courseDir, 'fr', '01-bienvenue.md'), '---\nid: bienvenue\ntitle: Bienvenue\n---\n\nUn client bien accueilli revient.\n\n:::question{#bienvenue-retour type=truefalse answer=true}\nUn client bien accueilli revient.\n\n> C\'est ce que dit la leçon.\n:::\n');
  shippedBefore = (await fs.readdir(SHIPPED_STRINGS)).sort();
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const build = () => runCli(['build', '--course', courseDir, '--out', outDir]);

async function packaged(file: string): Promise<string> {
  const zip = unzip(await fs.readFile(path.join(outDir, zipName('accueil', 'fr'))));
  return zip.get(file)?.toString('utf8') ?? '';
}

function warnings(stderr: string): string[] {
  return stderr.split('\n').filter((line) => / warning /.test(line));
}

describe('a French course outside the tool\'s folder, no French strings shipped', () => {
  it('is outside the repository and French does not ship', () => {
    expect(path.relative(REPO_ROOT, courseDir).startsWith('..')).toBe(true);
    expect(existsSync(path.join(SHIPPED_STRINGS, 'fr.json'))).toBe(false);
  });

  it('builds without strings: one warning on edition.yaml, English interface', async () => {
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.ok);
    expect(warnings(stderr)).toEqual([
      `${path.join(courseDir, 'fr', 'edition.yaml')}:1:1: warning Unexpected language \`fr\` without UI strings (buttons, feedback, messages), expected strings/fr.json in the course folder with every key translated (\`scormdown new edition fr\` writes one to translate): English is shown until then  strings-missing`,
    ]);
    expect(await packaged('index.html')).toContain(`>${english['nav.next']}<`);
  });

  it('warns naming exactly the keys an incomplete strings/fr.json lacks, on that file', async () => {
    await fs.mkdir(path.join(courseDir, 'strings'), { recursive: true });
    const given = { 'nav.next': 'Suivant', 'nav.previous': 'Précédent', 'progress.value': '{done} leçons terminées sur {total}' };
    await fs.writeFile(path.join(courseDir, 'strings', 'fr.json'), `${JSON.stringify(given, null, 2)}\n`);
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.ok);
    const missing = Object.keys(english).filter((key) => !(key in given));
    expect(warnings(stderr)).toEqual([
      `${path.join(courseDir, 'strings', 'fr.json')}:1:1: warning Unexpected UI strings for \`fr\` without ${missing.length} keys ${missing.map((key) => `\`${key}\``).join(', ')}, expected them in strings/fr.json in the course folder: English is shown for them  strings-missing`,
    ]);
    const index = await packaged('index.html');
    expect(index).toContain('>Suivant<');
    expect(index).toContain('>Précédent<');
    expect(index).toContain(`>${english['nav.exit']}<`);
  });

  it('with every key translated: no warning, and the French text is in the package', async () => {
    const complete = Object.fromEntries(Object.entries(english).map(([key, text]) => [key, `FR ${text}`]));
    complete['nav.next'] = 'Suivant';
    complete['question.check'] = 'Vérifier la réponse';
    await fs.writeFile(path.join(courseDir, 'strings', 'fr.json'), `${JSON.stringify(complete, null, 2)}\n`);
    const { code, stderr } = await build();
    expect(code).toBe(EXIT.ok);
    expect(warnings(stderr)).toEqual([]);
    expect(await packaged('index.html')).toContain('>Suivant<');
    expect(await packaged('index.html')).toContain(`FR ${english['nav.exit']}`);
    const check = await runCli(['check', '--course', courseDir]);
    expect(check.code).toBe(EXIT.ok);
    expect(check.stderr).toBe('');
  });

  it('added no file to the tool\'s own strings', async () => {
    expect((await fs.readdir(SHIPPED_STRINGS)).sort()).toEqual(shippedBefore);
  });
});
