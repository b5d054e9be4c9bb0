// The preview applies a change to the course's look on save: course.yaml's theme (re-reads the
// course), an edition.yaml's (re-reads that edition), the logo file (re-reads the course); the
// page it serves then carries the new theme, and a theme that breaks contrast shows its error
// while the last good rendering is served; course.yaml's message about a logo without alt text for
// an edition comes and goes with that edition's edition.yaml.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyChange } from '../../../src/preview/classify-change.js';
import { PreviewCourse } from '../../../src/preview/preview-course.js';
import { RenderedEditions } from '../../../src/preview/rendered-editions.js';
import { fixtureCourseDir } from '../../helpers/fixture-course-server.js';
import { copyCourse, type TempCourse } from '../../helpers/temp-course.js';

let course: TempCourse | undefined;
afterEach(async () => {
  await course?.dispose();
  course = undefined;
});

async function launchPage(rendered: RenderedEditions): Promise<string> {
  return (await rendered.get('en', 'passed-incomplete'))!.get('index.html')!.toString('utf8');
}

describe('the preview and a course theme', () => {
  it('serves the new look after course.yaml, edition.yaml or the logo is saved', async () => {
    course = await copyCourse(fixtureCourseDir('themed'));
    const preview = new PreviewCourse(course.dir);
    await preview.loadAll();
    const rendered = new RenderedEditions(preview);
    expect(await launchPage(rendered)).toContain('--accent:#0d6b63');

    // course.yaml: the whole course is read again.
    const yamlPath = course.file('course.yaml');
    await fs.writeFile(yamlPath, (await fs.readFile(yamlPath, 'utf8')).replace('accent: "#0d6b63"', 'accent: "#9d174d"'));
    const change = classifyChange(course.dir, yamlPath, 'change');
    expect(change).toEqual({ kind: 'course' });
    expect(await preview.apply(change)).toEqual(['en']);
    rendered.invalidate(['en']);
    expect(await launchPage(rendered)).toContain('--accent:#9d174d');

    // edition.yaml: that edition is read again, with the course's theme under its own.
    const editionPath = course.file('en', 'edition.yaml');
    await fs.writeFile(editionPath, `${await fs.readFile(editionPath, 'utf8')}theme:\n  logoAlt: Northwind Insurance plc\n`);
    expect(await preview.apply(classifyChange(course.dir, editionPath, 'change'))).toEqual(['en']);
    rendered.invalidate(['en']);
    const page = await launchPage(rendered);
    expect(page).toContain('alt="Northwind Insurance plc"');
    expect(page).toContain('--accent:#9d174d');

    // A low-contrast accent for the edition: its error on edition.yaml, the last good page still served.
    await fs.writeFile(editionPath, `${await fs.readFile(editionPath, 'utf8')}  accent: "#f9a8d4"\n`);
    await preview.apply(classifyChange(course.dir, editionPath, 'change'));
    rendered.invalidate(['en']);
    expect(preview.edition('en')!.file.messages.map((message) => message.ruleId)).toEqual(['theme-contrast']);
    expect(await launchPage(rendered)).toContain('--accent:#9d174d');

    // The logo file itself: a media file, so the course is read again, and the new file is served.
    await fs.writeFile(editionPath, (await fs.readFile(editionPath, 'utf8')).replace('  accent: "#f9a8d4"\n', ''));
    const logoPath = course.file('media', 'northwind-logo.svg');
    await fs.writeFile(logoPath, (await fs.readFile(logoPath, 'utf8')).replace('Northwind</text>', 'Northwind 2</text>'));
    expect(classifyChange(course.dir, logoPath, 'change')).toEqual({ kind: 'course' });
    await preview.apply({ kind: 'course' });
    rendered.invalidate();
    const files = (await rendered.get('en', 'passed-incomplete'))!;
    expect(preview.edition('en')!.file.messages).toEqual([]);
    expect(files.get(path.posix.join('media', 'northwind-logo.svg'))!.toString('utf8')).toContain('Northwind 2');
  });

  it('says on course.yaml, once, that its logo has no alt text for an edition, until its edition.yaml gives it', async () => {
    course = await copyCourse(fixtureCourseDir('themed'));
    const yamlPath = course.file('course.yaml');
    await fs.writeFile(yamlPath, (await fs.readFile(yamlPath, 'utf8')).replace(/^ {2}logoAlt: .*\n/m, ''));
    const preview = new PreviewCourse(course.dir);
    await preview.loadAll();
    const altMessages = () => preview.course!.configFile.messages.filter((message) => message.ruleId === 'theme-logo-alt-missing').map((message) => `${message.line}:${message.column} ${message.reason}`);
    const missing = [expect.stringMatching(/^9:9 Unexpected logo `media\/northwind-logo\.svg` without alt text for the `en` edition, expected `logoAlt:` under `theme:` in `en\/edition\.yaml`/)];
    expect(altMessages()).toEqual(missing);

    const editionPath = course.file('en', 'edition.yaml');
    const edition = await fs.readFile(editionPath, 'utf8');
    await fs.writeFile(editionPath, `${edition}theme:\n  logoAlt: Northwind Insurance\n`);
    await preview.apply(classifyChange(course.dir, editionPath, 'change'));
    expect(altMessages()).toEqual([]);
    const rendered = new RenderedEditions(preview);
    expect(await launchPage(rendered)).toContain('alt="Northwind Insurance"');

    // Without it again, and after another edit of the edition: the message once.
    await fs.writeFile(editionPath, edition);
    await preview.apply(classifyChange(course.dir, editionPath, 'change'));
    await fs.writeFile(editionPath, `${edition}# edited\n`);
    await preview.apply(classifyChange(course.dir, editionPath, 'change'));
    expect(altMessages()).toEqual(missing);
  });
});
