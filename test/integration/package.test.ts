// The SCORM 1.2 packages of the shipped course: SCORM 1.2 control documents, a valid manifest (XSDs
// and the rules they cannot express), portable entries, byte-for-byte rebuilds, and a failed build
// that keeps the last good zips. The SCORM 2004 packages beside them: scorm2004-package.test.ts.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, checkManifestRules, folderName, load, validateManifest, zipName, type CourseConfig } from '../../src/index.js';
import { main as cli } from '../../src/cli/main.js';
import { buildShippedCourse, SHIPPED_COURSE } from '../helpers/shipped-course.js';
import { centralDirectory, unzip, type ZipEntry } from '../helpers/zip.js';
import { STATE_FORMAT_VERSION } from '../../src/runtime/logic/state-codec.js';

/** SHA-256 of the SCORM 1.2 control documents as ADL published them (the schema files of the SCORM 1.2 distribution). */
const CONTROL_DOCUMENT_SHA256: Record<string, string> = {
  'adlcp_rootv1p2.xsd': '173decaf9cd31ea847e6ff6853c702137974aca6b56567151aa4a885e0aa4883',
  'ims_xml.xsd': '5209ff1d1e89cac16e797a2cdb0d5f345343ad97c1b125483a4bc6fc29319bd5',
  'imscp_rootv1p1p2.xsd': 'd9ee699094e0db4518cf0143c81873d196b2683cf1c5ed770f108239ee079dda',
  'imsmd_rootv1p2p1.xsd': '51310a1097f373e619e54ef2ba9c050117de4822e6119a1cc2a3d07cfe450db9',
};
const CONTROL_DOCUMENTS = Object.keys(CONTROL_DOCUMENT_SHA256);
const MANIFEST = 'imsmanifest.xml';
const NS = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
};
/** 2000-01-01 00:00 as a DOS date and time. */
const FIXED_DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const FIXED_DOS_TIME = 0;
const OS_JUNK = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|__MACOSX|\._[^/]*|\.git[^/]*|[^/]*~)$/i;

interface BuiltPackage {
  lang: string;
  zipPath: string;
  data: Buffer;
  entries: ZipEntry[];
  files: Map<string, Buffer>;
  manifest: string;
}

let config: CourseConfig;
let outDir: string;
let packages: BuiltPackage[];

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

function parseXml(xml: string) {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

async function readPackage(lang: string, zipPath: string): Promise<BuiltPackage> {
  const data = await fs.readFile(zipPath);
  const files = unzip(data);
  return { lang, zipPath, data, entries: centralDirectory(data), files, manifest: files.get(MANIFEST)?.toString('utf8') ?? '' };
}

beforeAll(async () => {
  const loaded = await load(SHIPPED_COURSE);
  if (loaded.course === undefined) throw new Error('the shipped course did not load');
  config = loaded.course.config;
  const built = await buildShippedCourse();
  outDir = built.outDir;
  packages = await Promise.all(built.result.editions.filter((edition) => edition.target === 'scorm12').map((edition) => readPackage(edition.lang, edition.zip)));
});

describe('packages of the shipped course', () => {
  it('are one SCORM 1.2 zip per language of course.yaml, named by course id and language', () => {
    expect(packages.map((built) => built.lang).sort()).toEqual([...config.languages].sort());
    for (const built of packages) expect(built.zipPath).toBe(path.join(outDir, zipName(config.id, built.lang)));
  });

  it('carry the four SCORM 1.2 control documents at the root, as published', () => {
    for (const built of packages) {
      for (const name of CONTROL_DOCUMENTS) {
        const document = built.files.get(name);
        expect(document, `${built.lang}: ${name}`).toBeDefined();
        expect(sha256(document!), `${built.lang}: ${name}`).toBe(CONTROL_DOCUMENT_SHA256[name]);
      }
    }
  });

  it('have a manifest valid against the SCORM 1.2 XSDs and the rules beyond them', async () => {
    for (const built of packages) {
      expect(built.manifest).not.toBe('');
      const problems = await validateManifest(built.manifest, new Set(built.files.keys()), { masteryScore: config.passMark });
      expect(problems, built.lang).toEqual([]);
    }
  });

  it('list every file in the manifest, and every listed file is in the zip', () => {
    for (const built of packages) {
      const doc = parseXml(built.manifest);
      const listed = Array.from(doc.getElementsByTagNameNS(NS.imscp, 'file')).map((file) => file.getAttribute('href') ?? '');
      const launch = doc.getElementsByTagNameNS(NS.imscp, 'resource')[0]?.getAttribute('href');
      expect(launch).toBe('index.html');
      expect(listed).toContain('index.html');
      for (const href of listed) expect(built.files.has(href), `${built.lang}: ${href}`).toBe(true);
      const unlisted = [...built.files.keys()].filter((name) => name !== MANIFEST && !CONTROL_DOCUMENTS.includes(name) && !listed.includes(name));
      expect(unlisted, built.lang).toEqual([]);
      expect(new Set(listed).size).toBe(listed.length);
    }
  });

  it('use portable entry names: relative, `/`-separated, ASCII without spaces, sorted, no OS junk', () => {
    for (const built of packages) {
      const names = built.entries.map((entry) => entry.name);
      expect(names.length).toBeGreaterThan(CONTROL_DOCUMENTS.length + 2);
      for (const name of names) {
        expect(name, built.lang).toMatch(/^[\x21-\x7e]+$/);
        expect(name).not.toContain('\\');
        expect(name.startsWith('/')).toBe(false);
        expect(name.split('/')).not.toContain('..');
        expect(name.endsWith('/')).toBe(false);
        expect(name).not.toMatch(OS_JUNK);
      }
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain(MANIFEST);
      for (const name of CONTROL_DOCUMENTS) expect(names).toContain(name);
      // The zip's central directory and its contents agree.
      expect([...built.files.keys()].sort()).toEqual([...names].sort());
    }
  });

  it('store fixed dates and modes, so nothing of the build machine leaks into the bytes', () => {
    for (const built of packages) {
      for (const entry of built.entries) {
        expect({ name: entry.name, date: entry.dosDate, time: entry.dosTime, mode: entry.unixMode & 0o777 }).toEqual({ name: entry.name, date: FIXED_DOS_DATE, time: FIXED_DOS_TIME, mode: 0o644 });
      }
    }
  });

  it('put the language first in the manifest identifier and the pass mark in adlcp:masteryscore', () => {
    expect(config.passMark).toBe(80);
    for (const built of packages) {
      const doc = parseXml(built.manifest);
      const identifier = doc.documentElement?.getAttribute('identifier') ?? '';
      expect(identifier.startsWith(`${built.lang}_`), identifier).toBe(true);
      expect(identifier).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
      const mastery = Array.from(doc.getElementsByTagNameNS(NS.adlcp, 'masteryscore')).map((element) => element.textContent);
      expect(mastery).toEqual(['80']);
      expect(built.manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
      expect(built.manifest).toContain(`<manifest xmlns="${NS.imscp}"`);
    }
  });

  it('name the learner-state format their runtime writes, in a comment of the manifest', () => {
    for (const built of packages) expect(built.manifest, built.lang).toContain(`<!-- scormdown learner-state format ${STATE_FORMAT_VERSION} -->`);
  });

  it('come out byte for byte the same from a second build', async () => {
    const secondOut = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-rebuild-'));
    try {
      const second = await buildCourse({ courseDir: SHIPPED_COURSE, outDir: secondOut });
      expect(second.ok).toBe(true);
      expect(second.editions.filter((edition) => edition.target === 'scorm12').map((edition) => edition.lang).sort()).toEqual(packages.map((built) => built.lang).sort());
      for (const built of packages) {
        const again = await fs.readFile(path.join(secondOut, zipName(config.id, built.lang)));
        expect(again.equals(built.data), `${built.lang} differs between builds`).toBe(true);
      }
    } finally {
      await fs.rm(secondOut, { recursive: true, force: true });
    }
  });
});

describe('manifest identifiers across course versions', () => {
  /** The identifiers of a built package's manifest, and its version attribute. */
  async function manifestFacts(courseDir: string, version: string, out: string) {
    await fs.writeFile(path.join(courseDir, 'course.yaml'), `id: update-me\nversion: "${version}"\nlanguages: [en, de-AT]\n`);
    const result = await buildCourse({ courseDir, outDir: out });
    expect(result.ok, JSON.stringify(result.files.flatMap((file) => file.messages.map(String)))).toBe(true);
    return Promise.all(['en', 'de-AT'].map(async (lang) => {
      const doc = parseXml(unzip(await fs.readFile(path.join(out, zipName('update-me', lang)))).get(MANIFEST)!.toString('utf8'));
      const identifier = (name: string) => Array.from(doc.getElementsByTagNameNS(NS.imscp, name)).map((element) => element.getAttribute('identifier'));
      return {
        identifiers: { manifest: identifier('manifest'), organization: identifier('organization'), item: identifier('item'), resource: identifier('resource') },
        defaultOrganization: doc.getElementsByTagNameNS(NS.imscp, 'organizations')[0]?.getAttribute('default'),
        version: doc.documentElement?.getAttribute('version'),
      };
    }));
  }

  it('stay the same when only the version changes (Moodle keeps learner records by them); the version attribute changes', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-versions-'));
    try {
      const courseDir = path.join(work, 'course');
      for (const lang of ['en', 'de-AT']) {
        await fs.mkdir(path.join(courseDir, lang), { recursive: true });
        await fs.writeFile(path.join(courseDir, lang, 'edition.yaml'), `title: Update me (${lang})\n`);
        await fs.writeFile(path.join(courseDir, lang, '01-intro.md'), '---\nid: intro\ntitle: Introduction\n---\n\nSome text.\n');
      }
      const first = await manifestFacts(courseDir, '1.9', path.join(work, 'v1'));
      const second = await manifestFacts(courseDir, '1.10', path.join(work, 'v2'));
      expect(first.map((facts) => facts.identifiers)).toEqual([
        { manifest: ['en_update-me'], organization: ['ORG_en_update-me'], item: ['ITEM_en_update-me'], resource: ['RES_en_update-me'] },
        { manifest: ['de_AT_update-me'], organization: ['ORG_de_AT_update-me'], item: ['ITEM_de_AT_update-me'], resource: ['RES_de_AT_update-me'] },
      ]);
      expect(second.map((facts) => facts.identifiers)).toEqual(first.map((facts) => facts.identifiers));
      expect(second.map((facts) => facts.defaultOrganization)).toEqual(['ORG_en_update-me', 'ORG_de_AT_update-me']);
      expect(first.map((facts) => facts.version)).toEqual(['1.9', '1.9']);
      expect(second.map((facts) => facts.version)).toEqual(['1.10', '1.10']);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });
});

describe('manifest rules beyond the XSDs', () => {
  let manifest: string;
  let paths: Set<string>;

  beforeAll(() => {
    const built = packages[0]!;
    manifest = built.manifest;
    paths = new Set(built.files.keys());
  });

  function replaceOnce(xml: string, search: RegExp, replacement: string): string {
    expect(xml).toMatch(search);
    return xml.replace(search, replacement);
  }

  it('accept the built manifest', () => {
    expect(checkManifestRules(manifest, paths, { masteryScore: 80 })).toEqual([]);
  });

  it('report an item whose identifierref names no resource', () => {
    const broken = replaceOnce(manifest, /identifierref="[^"]+"/, 'identifierref="RES_nowhere"');
    expect(checkManifestRules(broken, paths, { masteryScore: 80 })).toContain('item identifierref "RES_nowhere" does not name a resource');
  });

  it('report a listed file that is not in the package', () => {
    const withoutCss = new Set([...paths].filter((name) => name !== 'assets/course.css'));
    expect(checkManifestRules(manifest, withoutCss, { masteryScore: 80 })).toContain('file href "assets/course.css" is not in the package');
  });

  it('report a file href that leaves the package', () => {
    const broken = replaceOnce(manifest, /<file href="index.html"\/>/, '<file href="../index.html"/>');
    expect(checkManifestRules(broken, new Set([...paths, '../index.html']), { masteryScore: 80 })).toContain('file href "../index.html" is not a plain relative ASCII path');
  });

  it('report a wrong schemaversion and schema', () => {
    const wrongVersion = replaceOnce(manifest, /<schemaversion>1\.2<\/schemaversion>/, '<schemaversion>1.3</schemaversion>');
    expect(checkManifestRules(wrongVersion, paths, { masteryScore: 80 })).toContain('metadata/schemaversion must be "1.2"');
    const wrongSchema = replaceOnce(manifest, /<schema>ADL SCORM<\/schema>/, '<schema>SCORM</schema>');
    expect(checkManifestRules(wrongSchema, paths, { masteryScore: 80 })).toContain('metadata/schema must be "ADL SCORM"');
  });

  it('report a masteryscore that is not the pass mark', () => {
    const broken = replaceOnce(manifest, /<adlcp:masteryscore>80<\/adlcp:masteryscore>/, '<adlcp:masteryscore>70</adlcp:masteryscore>');
    expect(checkManifestRules(broken, paths, { masteryScore: 80 })).toContain('adlcp:masteryscore must be 80, found 70');
    expect(checkManifestRules(manifest, paths, {})).toContain('adlcp:masteryscore is set although the reporting mode has no pass/fail');
  });

  it('report duplicate and malformed identifiers', () => {
    const broken = replaceOnce(manifest, /<organization identifier="[^"]+"/, '<organization identifier="1-starts-with-a-digit"');
    const problems = checkManifestRules(broken, paths, { masteryScore: 80 });
    expect(problems).toContain('identifier "1-starts-with-a-digit" does not match ^[A-Za-z_][A-Za-z0-9_.-]*$');
    expect(problems.some((problem) => problem.startsWith('organizations/@default'))).toBe(true);
  });

  it('report what the XSDs reject: item children out of order', async () => {
    const doc = parseXml(manifest);
    const item = doc.getElementsByTagNameNS(NS.imscp, 'item')[0]!;
    const mastery = doc.getElementsByTagNameNS(NS.adlcp, 'masteryscore')[0]!;
    item.insertBefore(mastery, item.firstChild);
    const reordered = new XMLSerializer().serializeToString(doc);
    const problems = await validateManifest(reordered, paths, { masteryScore: 80 });
    expect(problems.some((problem) => problem.startsWith('XSD:')), problems.join('\n')).toBe(true);
  });
});

describe('a build with a broken language', () => {
  it('exits 1 with positioned messages, keeps that language\'s last good zips and rebuilds the others', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-broken-'));
    try {
      const courseDir = path.join(work, 'course');
      const out = path.join(work, 'dist');
      await fs.cp(SHIPPED_COURSE, courseDir, { recursive: true });
      const quiet = { out: () => {}, err: () => {} };
      expect(await cli(['build', '--course', courseDir, '--out', out], quiet)).toBe(0);

      const before = new Map<string, { data: Buffer; inode: number }>();
      for (const lang of config.languages) {
        for (const target of config.targets) {
          const zipPath = path.join(out, zipName(config.id, lang, target));
          before.set(`${lang} ${target}`, { data: await fs.readFile(zipPath), inode: (await fs.stat(zipPath)).ino });
        }
      }
      const brokenLang = config.languages.includes('de') ? 'de' : config.languages[0]!;
      const lessonName = (await fs.readdir(path.join(courseDir, brokenLang))).filter((name) => name.endsWith('.md')).sort()[0]!;
      const lessonPath = path.join(courseDir, brokenLang, lessonName);
      const original = await fs.readFile(lessonPath, 'utf8');
      const body = original.endsWith('\n') ? original : `${original}\n`;
      const optionsLine = body.split('\n').length + 4; // blank line, directive, prompt, blank line, options
      await fs.writeFile(lessonPath, `${body}\n:::question{#broken-no-answer}\nWhich one?\n\n- [ ] This\n- [ ] That\n\n> Neither is marked.\n:::\n`);

      const stdout: string[] = [];
      const stderr: string[] = [];
      const exitCode = await cli(['build', '--course', courseDir, '--out', out], { out: (text) => stdout.push(text), err: (text) => stderr.push(text) });
      expect(exitCode).toBe(1);
      const errors = stderr.join('\n');
      const shownPath = lessonPath.split(path.sep).join('/');
      expect(errors).toContain(`${shownPath}:${optionsLine}:1-${optionsLine + 1}:`);
      expect(errors).toMatch(new RegExp(`${shownPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+-\\d+:\\d+: error Unexpected question without a correct answer, expected .*question-no-correct`));
      expect(stdout.join('\n')).toMatch(new RegExp(`✗ ${brokenLang}\\s+has errors, not packaged \\(kept previous`));

      for (const lang of config.languages) {
        for (const target of config.targets) {
          const zipPath = path.join(out, zipName(config.id, lang, target));
          const now = { data: await fs.readFile(zipPath), inode: (await fs.stat(zipPath)).ino };
          const then = before.get(`${lang} ${target}`)!;
          // Unchanged bytes either way (the other languages did not change); only the rebuilt
          // zips were written anew, under a temporary name renamed into place.
          expect(now.data.equals(then.data), `${lang} ${target}`).toBe(true);
          if (lang === brokenLang) expect(now.inode, `${lang} ${target} must keep its previous zip`).toBe(then.inode);
          else expect(now.inode, `${lang} ${target} must be rebuilt`).not.toBe(then.inode);
        }
      }

      const catalog = JSON.parse(await fs.readFile(path.join(out, 'catalog.json'), 'utf8')) as { packages: { language: string; upToDate: boolean }[] };
      expect(catalog.packages.filter((entry) => entry.language === brokenLang).map((entry) => entry.upToDate)).toEqual(config.targets.map(() => false));
      expect(catalog.packages.filter((entry) => entry.language !== brokenLang).every((entry) => entry.upToDate)).toBe(true);

      const leftovers = (await fs.readdir(out)).filter((name) => name.startsWith('.') || name.includes('.tmp'));
      expect(leftovers).toEqual([]);
      const expected = new Set(['catalog.json', ...config.languages.flatMap((lang) => config.targets.flatMap((target) => [zipName(config.id, lang, target), folderName(config.id, lang, target)]))]);
      expect((await fs.readdir(out)).filter((name) => !expected.has(name))).toEqual([]);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });

  it('writes no zip at all for a language that never built', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-never-'));
    try {
      const courseDir = path.join(work, 'course');
      const out = path.join(work, 'dist');
      await fs.cp(SHIPPED_COURSE, courseDir, { recursive: true });
      const lang = config.languages[0]!;
      const lessonName = (await fs.readdir(path.join(courseDir, lang))).filter((name) => name.endsWith('.md')).sort()[0]!;
      await fs.appendFile(path.join(courseDir, lang, lessonName), '\n<script>alert(1)</script>\n');
      const exitCode = await cli(['build', '--course', courseDir, '--out', out], { out: () => {}, err: () => {} });
      expect(exitCode).toBe(1);
      const names = await fs.readdir(out);
      for (const target of config.targets) {
        expect(names).not.toContain(zipName(config.id, lang, target));
        expect(names).not.toContain(folderName(config.id, lang, target));
        for (const other of config.languages.filter((candidate) => candidate !== lang)) expect(names).toContain(zipName(config.id, other, target));
      }
      expect(names.filter((name) => name.startsWith('.') || name.includes('.tmp'))).toEqual([]);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });
});
