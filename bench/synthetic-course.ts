// Generates synthetic courses for the benchmark: the shipped lessons repeated, or a grid of
// languages × lessons × questions.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface GridSize {
  languages: number;
  lessons: number;
  questions: number;
}

/** Languages with UI strings (regional variants fall back to their base language). */
const LANGUAGES = ['en', 'el', 'de', 'ms', 'ro', 'sl', 'de-AT', 'de-CH', 'el-CY', 'ms-SG', 'ro-MD', 'sl-IT'];

async function writeCourseYaml(dir: string, languages: readonly string[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'course.yaml'), `id: synthetic\nversion: 1.0.0\npassMark: 80\nattempts: 3\nshuffle: true\nlanguages: [${languages.join(', ')}]\n`);
}

/** The shipped course with every edition's ordinary lessons repeated `factor` times. */
export async function multiplyShippedCourse(shippedDir: string, targetDir: string, factor: number): Promise<{ lessons: number }> {
  const config = await fs.readFile(path.join(shippedDir, 'course.yaml'), 'utf8');
  await fs.mkdir(targetDir, { recursive: true });
  await fs.writeFile(path.join(targetDir, 'course.yaml'), config.replace(/^translations:[\s\S]*$/m, ''));
  let lessons = 0;
  const entries = await fs.readdir(shippedDir, { withFileTypes: true });
  for (const entry of entries.filter((candidate) => candidate.isDirectory())) {
    const source = path.join(shippedDir, entry.name);
    const target = path.join(targetDir, entry.name);
    await fs.mkdir(target, { recursive: true });
    await fs.copyFile(path.join(source, 'edition.yaml'), path.join(target, 'edition.yaml'));
    const files = (await fs.readdir(source)).filter((name) => name.endsWith('.md')).sort();
    for (const name of files) {
      const text = await fs.readFile(path.join(source, name), 'utf8');
      const isAssessment = /^assessment: true$/m.test(text);
      const copies = isAssessment ? 1 : factor;
      for (let copy = 0; copy < copies; copy++) {
        const suffix = copies === 1 ? '' : `-k${copy}`;
        const renamed = text.replace(/^id: (.+)$/m, `id: $1${suffix}`).replace(/\{#([A-Za-z0-9_.-]+)/g, `{#$1${suffix}`);
        const order = isAssessment ? '9999' : `${name.slice(0, 2)}${String(copy).padStart(4, '0')}`;
        await fs.writeFile(path.join(target, `${order}-${name.slice(3)}`), renamed);
        lessons++;
      }
    }
  }
  return { lessons };
}

function syntheticLesson(lesson: number, questions: number, assessment: boolean): string {
  const parts = [`---\nid: l${lesson}\ntitle: Lesson ${lesson}\n${assessment ? 'assessment: true\n' : ''}---\n`];
  parts.push(`## Section ${lesson}\n\nParagraph with **bold**, _emphasis_ and a list:\n\n- one\n- two\n- three\n`);
  parts.push(':::keypoints\n- first\n- second\n:::\n');
  for (let question = 0; question < questions; question++) {
    const id = `l${lesson}-q${question}`;
    switch (question % 4) {
      case 0:
        parts.push(`:::question{#${id} type=single}\nPrompt ${id}?\n\n- [ ] a\n- [x] b\n- [ ] c\n- [ ] d\n\n> Because.\n:::\n`);
        break;
      case 1:
        parts.push(`:::question{#${id} type=multiple}\nPrompt ${id}?\n\n- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n- [ ] e\n\n> Because.\n:::\n`);
        break;
      case 2:
        parts.push(`:::question{#${id} type=truefalse answer=true}\nStatement ${id}.\n\n> Because.\n:::\n`);
        break;
      default:
        parts.push(`:::question{#${id} type=single}\nPrompt ${id}?\n\n- [x] yes\n- [ ] no\n\n> Because.\n:::\n`);
    }
  }
  return parts.join('\n');
}

/** `languages` × `lessons` × `questions` (the last lesson is the assessment). */
export async function generateGridCourse(targetDir: string, size: GridSize): Promise<{ lessons: number }> {
  if (size.languages > LANGUAGES.length) throw new Error(`at most ${LANGUAGES.length} synthetic languages`);
  const languages = LANGUAGES.slice(0, size.languages);
  await writeCourseYaml(targetDir, languages);
  for (const lang of languages) {
    const dir = path.join(targetDir, lang);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'edition.yaml'), `title: Synthetic ${lang}\n`);
    await Promise.all(Array.from({ length: size.lessons }, (_, index) =>
      fs.writeFile(path.join(dir, `${String(index + 1).padStart(4, '0')}-lesson.md`), syntheticLesson(index + 1, size.questions, index === size.lessons - 1))));
  }
  return { lessons: size.languages * size.lessons };
}
