// The preview server: starts on a free port (the next one when the asked port is busy), serves the
// emulator and the course rendered in memory, reports edits over Server-Sent Events, stops cleanly.
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../src/preview/server.js';
import { PORT_ATTEMPTS } from '../../../src/preview/listen.js';
import { courseUrl, ROUTES, type PreviewInfo } from '../../../src/preview/protocol.js';
import { SHIPPED_COURSE } from '../../helpers/shipped-course.js';
import { copyCourse, type TempCourse } from '../../helpers/temp-course.js';
import { listenForUpdates } from '../../helpers/event-stream-client.js';

async function text(server: PreviewServer, route: string): Promise<{ status: number; body: string; type: string | null }> {
  const response = await fetch(new URL(route, server.url));
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

/** A port some other program holds, released by `close`. */
async function occupyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => blocker.close(() => resolve())) };
}

describe('preview server lifecycle', () => {
  it('starts on a free port on 127.0.0.1, serves the emulator page, and stops cleanly', async () => {
    const server = await startPreviewServer({ courseDir: SHIPPED_COURSE, port: 0, watch: false });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const page = await text(server, ROUTES.page);
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('id="course-frame"');
    expect(page.body).toContain('id="cmi-panel"');
    expect(page.body).toContain('id="call-log"');
    const script = await text(server, ROUTES.script);
    expect(script.status).toBe(200);
    expect(script.body).toContain('LMSInitialize');

    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('takes the next port when the asked one is busy', async () => {
    const blocker = await occupyPort();
    try {
      const server = await startPreviewServer({ courseDir: SHIPPED_COURSE, port: blocker.port, watch: false });
      try {
        expect(server.port).toBeGreaterThan(blocker.port);
        expect(server.port).toBeLessThan(blocker.port + PORT_ATTEMPTS);
        expect((await text(server, ROUTES.page)).status).toBe(200);
      } finally {
        await server.close();
      }
    } finally {
      await blocker.close();
    }
  });

  it('stops cleanly with an emulator page still connected to its event stream and the watcher running', async () => {
    const server = await startPreviewServer({ courseDir: SHIPPED_COURSE, port: 0 });
    await server.watching;
    const updates = await listenForUpdates(server.url);
    const closing = server.close();
    await expect(closing).resolves.toBeUndefined();
    updates.close();
  });
});

describe('preview server content', () => {
  let server: PreviewServer;
  beforeAll(async () => {
    server = await startPreviewServer({ courseDir: SHIPPED_COURSE, port: 0, watch: false, lang: 'de' });
  });
  afterAll(() => server.close());

  it('describes the course: languages, the asked language first, reporting modes with their mastery scores', async () => {
    const info = JSON.parse((await text(server, ROUTES.info)).body) as PreviewInfo;
    expect(info.courseId).toBe('customer-focus');
    expect(info.languages.map((language) => language.lang)).toEqual(['el', 'de', 'ms', 'ro', 'sl']);
    expect(info.defaultLanguage).toBe('de');
    expect(info.reporting).toBe('passed-incomplete');
    expect(info.masteryScoreByMode).toEqual({ 'passed-incomplete': 80, 'passed-failed': 80, 'completed-incomplete': null, 'completed-failed': null });
    expect(Object.values(info.problems).flat()).toEqual([]);
  });

  it('serves each edition rendered in memory, with the reporting mode overridden per URL', async () => {
    const launch = await text(server, courseUrl('de', 'passed-failed', 1));
    expect(launch.status).toBe(200);
    expect(launch.body).toContain('<html lang="de"');
    expect(launch.body).toContain('"reporting":"passed-failed"');
    const manifest = await text(server, '/course/de/passed-failed/imsmanifest.xml');
    expect(manifest.body).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    const completedManifest = await text(server, '/course/de/completed-incomplete/imsmanifest.xml');
    expect(completedManifest.body).not.toContain('masteryscore');
    expect((await text(server, '/course/de/completed-incomplete/index.html')).body).toContain('"reporting":"completed-incomplete"');
    // The learner runtime is inline in the launch page; the styles are a file beside it.
    expect(launch.body).toMatch(/<script>[^<]{1000,}/);
    const styles = await text(server, '/course/de/passed-failed/assets/course.css');
    expect(styles.status).toBe(200);
    expect(styles.type).toContain('css');
  });

  it('serves the SCORM 2004 package of each edition under /course/scorm2004/, and lists the targets of course.yaml', async () => {
    const info = JSON.parse((await text(server, ROUTES.info)).body) as PreviewInfo;
    expect(info.targets).toEqual(['scorm12', 'scorm2004']);
    const launch = await text(server, courseUrl('de', 'passed-failed', 1, 'scorm2004'));
    expect(courseUrl('de', 'passed-failed', 1, 'scorm2004')).toBe('/course/scorm2004/de/passed-failed/index.html?v=1');
    expect(launch.status).toBe(200);
    expect(launch.body).toContain('"target":"scorm2004"');
    // The SCORM 2004 runtime: it looks for API_1484_11, which the SCORM 1.2 runtime never names.
    expect(launch.body).toContain('API_1484_11');
    expect((await text(server, courseUrl('de', 'passed-failed', 1))).body).not.toContain('API_1484_11');
    const manifest = await text(server, '/course/scorm2004/de/passed-failed/imsmanifest.xml');
    expect(manifest.body).toContain('imsss');
    const standalone = await text(server, '/course/scorm2004/de/passed-failed/assets/scorm2004.min.js');
    expect(standalone.status).toBe(200);
    expect(standalone.body).toContain('Scorm2004API');
  });

  it('answers 404 for unknown languages, modes and files', async () => {
    expect((await text(server, '/course/xx/passed-failed/index.html')).status).toBe(404);
    expect((await text(server, '/course/de/graded/index.html')).status).toBe(404);
    expect((await text(server, '/course/de/passed-failed/../../../package.json')).status).toBe(404);
    expect((await text(server, '/nothing-here')).status).toBe(404);
  });
});

describe('preview server live updates', () => {
  let course: TempCourse;
  let server: PreviewServer;
  beforeAll(async () => {
    course = await copyCourse();
    server = await startPreviewServer({ courseDir: course.dir, port: 0, cwd: course.root });
    await server.watching;
  });
  afterAll(async () => {
    await server.close();
    await course.dispose();
  });

  it('re-reads an edited lesson alone and sends the new page to the emulator', async () => {
    const updates = await listenForUpdates(server.url);
    try {
      const lesson = course.file('de', '02-zuverlaessigkeit.md');
      const original = await fs.readFile(lesson, 'utf8');
      await fs.writeFile(lesson, `${original}\nEin neuer Absatz zum Prüfen der Vorschau.\n`);
      const update = await updates.next((candidate) => candidate.files.includes('course/de/02-zuverlaessigkeit.md'));
      expect(update.languages).toEqual(['de']);
      expect(update.savedAt).toBeGreaterThan(Date.now() - 60_000);
      expect(update.info.problems.de).toEqual([]);
      const script = await text(server, '/course/de/passed-incomplete/lessons/reliability.js');
      expect(script.body).toContain('Ein neuer Absatz zum Prüfen der Vorschau.');
    } finally {
      updates.close();
    }
  });

  it('picks up a second save made right after the first (chokidar drops change events for 50 ms)', async () => {
    const updates = await listenForUpdates(server.url);
    const lesson = course.file('de', '04-freundlichkeit.md');
    const original = await fs.readFile(lesson, 'utf8');
    try {
      await fs.writeFile(lesson, `${original}\nErste Fassung.\n`);
      await updates.next((candidate) => candidate.files.includes('course/de/04-freundlichkeit.md'));
      await fs.writeFile(lesson, `${original}\nZweite Fassung.\n`);
      await expect.poll(async () => (await text(server, '/course/de/passed-incomplete/lessons/friendliness.js')).body, { timeout: 5000 }).toContain('Zweite Fassung.');
    } finally {
      await fs.writeFile(lesson, original);
      updates.close();
    }
  });

  it('reports a Markdown error with its place and rule, then clears it when fixed', async () => {
    const updates = await listenForUpdates(server.url);
    const lesson = course.file('de', '03-einfachheit.md');
    const original = await fs.readFile(lesson, 'utf8');
    try {
      const broken = `${original.trimEnd()}\n\n:::question{#preview-broken type=single}\nWelche?\n\n- [ ] Eins\n- [ ] Zwei\n:::\n`;
      const line = original.trimEnd().split('\n').length + 5;
      await fs.writeFile(lesson, broken);
      const failing = await updates.next((candidate) => candidate.info.problems.de?.some((message) => message.severity === 'error') === true);
      expect(failing.info.problems.de).toContainEqual({
        file: 'course/de/03-einfachheit.md',
        line,
        column: 1,
        ruleId: 'question-no-correct',
        reason: 'Unexpected question without a correct answer, expected at least one `[x]` item',
        severity: 'error',
      });
      // The other languages are unaffected.
      expect(failing.info.problems.el?.filter((message) => message.severity === 'error')).toEqual([]);

      await fs.writeFile(lesson, original);
      const fixed = await updates.next((candidate) => candidate.info.problems.de?.length === 0);
      expect(fixed.languages).toEqual(['de']);
    } finally {
      await fs.writeFile(lesson, original);
      updates.close();
    }
  });
  it('reports a broken course.yaml under the shown language, and re-reads the whole course when it is fixed', async () => {
    const updates = await listenForUpdates(server.url);
    const config = course.file('course.yaml');
    const original = await fs.readFile(config, 'utf8');
    try {
      await fs.writeFile(config, original.replace('passMark: 80', 'passMark: [80'));
      const broken = await updates.next((candidate) => candidate.files.includes('course/course.yaml'));
      expect(broken.info.languages).toEqual([]);
      expect(Object.values(broken.info.problems).flat().map((message) => message.ruleId)).toContain('yaml-invalid');
      expect((await text(server, courseUrl('de', 'passed-incomplete', 1))).status).toBe(404);

      await fs.writeFile(config, original.replace('passMark: 80', 'passMark: 70'));
      const fixed = await updates.next((candidate) => candidate.info.languages.length === 5);
      expect(fixed.languages).toEqual(['el', 'de', 'ms', 'ro', 'sl']);
      expect(fixed.info.masteryScoreByMode['passed-failed']).toBe(70);
      expect((await text(server, '/course/de/passed-failed/imsmanifest.xml')).body).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    } finally {
      await fs.writeFile(config, original);
      updates.close();
    }
  });
});

describe('preview of a French course with its own strings/fr.json, outside the repository', () => {
  let root: string;
  let server: PreviewServer;
  const stringsPath = () => path.join(root, 'formation', 'strings', 'fr.json');
  const french = (next: string, trailingComma = false) => `{\n  "nav.next": "${next}",\n  "nav.previous": "Précédent"${trailingComma ? ',' : ''}\n}\n`;
  beforeAll(async () => {
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-preview-fr-')));
    const dir = path.join(root, 'formation');
    await fs.mkdir(path.join(dir, 'fr'), { recursive: true });
    await fs.mkdir(path.join(dir, 'strings'));
    await fs.writeFile(path.join(dir, 'course.yaml'), 'id: accueil\nlanguages: [fr]\n');
    await fs.writeFile(path.join(dir, 'fr', 'edition.yaml'), 'title: Accueil des clients\n');
    await fs.writeFile(path.join(dir, 'fr', '01-bienvenue.md'), '---\nid: bienvenue\ntitle: Bienvenue\n---\n\nUn client bien accueilli revient.\n');
    await fs.writeFile(stringsPath(), french('Suivant'));
    server = await startPreviewServer({ courseDir: dir, port: 0, cwd: root });
    await server.watching;
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('renders the page with the course\'s French strings and lists the strings file\'s messages', async () => {
    const page = (await text(server, courseUrl('fr', 'passed-incomplete', 1))).body;
    expect(page).toContain('<html lang="fr"');
    expect(page).toContain('>Suivant<');
    expect(page).toContain('>Précédent<');
    const info = JSON.parse((await text(server, ROUTES.info)).body) as PreviewInfo;
    expect(info.problems.fr?.map((message) => `${message.file}:${message.line}:${message.column} ${message.ruleId}`)).toEqual(['formation/strings/fr.json:1:1 strings-missing']);
  });

  it('shows a JSON syntax error of strings/fr.json with its place, and re-renders with the new strings once fixed', async () => {
    const updates = await listenForUpdates(server.url);
    try {
      await fs.writeFile(stringsPath(), french('Continuer', true));
      const broken = await updates.next((candidate) => candidate.info.problems.fr?.some((message) => message.ruleId === 'strings-json-invalid') === true);
      expect(broken.files).toEqual(['formation/strings/fr.json']);
      expect(broken.languages).toEqual(['fr']);
      expect(broken.info.problems.fr).toContainEqual(expect.objectContaining({ file: 'formation/strings/fr.json', line: 4, column: 1, ruleId: 'strings-json-invalid', severity: 'error' }));
      // The last good rendering is kept under the error overlay.
      expect((await text(server, courseUrl('fr', 'passed-incomplete', 2))).body).toContain('>Suivant<');

      await fs.writeFile(stringsPath(), french('Continuer'));
      const fixed = await updates.next((candidate) => candidate.info.problems.fr?.every((message) => message.severity !== 'error') === true && candidate !== broken);
      expect(fixed.languages).toEqual(['fr']);
      const page = (await text(server, courseUrl('fr', 'passed-incomplete', 3))).body;
      expect(page).toContain('>Continuer<');
      expect(page).not.toContain('>Suivant<');
    } finally {
      updates.close();
    }
  });
});
