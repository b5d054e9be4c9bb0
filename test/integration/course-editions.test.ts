// The shipped course: every edition covers the topics of its source material, section by section, has the
// required questions, carries its language on every page and shows no English UI text.
import fs from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerKey, load, type Course, type Edition } from '../../src/index.js';
import { buildShippedCourse, REPO_ROOT, SHIPPED_COURSE } from '../helpers/shipped-course.js';

/** Lesson ids per edition, one per section of the material it was written from (plus intro and assessment). */
const SECTIONS: Record<string, string[]> = {
  el: ['intro', 'reliability', 'convenience', 'friendliness', 'results', 'assessment'],
  de: ['intro', 'reliability', 'convenience', 'friendliness', 'results', 'assessment'],
  ms: ['intro', 'reliability', 'convenience', 'friendliness', 'results', 'assessment'],
  ro: ['intro', 'exceed-expectations', 'honest-expectations', 'everyones-job', 'ownership-loyalty', 'assessment'],
  sl: ['intro', 'reliability', 'timeliness', 'personalisation', 'approachability', 'flexibility', 'above-beyond', 'assessment'],
};
const TRANSLATIONS = ['el', 'de', 'ms'];

let course: Course;
let outDir: string;

beforeAll(async () => {
  const loaded = await load(SHIPPED_COURSE);
  if (loaded.course === undefined) throw new Error('the shipped course did not load');
  course = loaded.course;
  outDir = (await buildShippedCourse()).outDir;
});

function edition(lang: string): Edition {
  const found = course.editions.find((candidate) => candidate.lang === lang);
  if (found === undefined) throw new Error(`no ${lang} edition`);
  return found;
}

/** Text a learner could see: without script elements, tags and attribute values. */
function visibleText(source: string): string {
  return source.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]*>/g, ' ');
}

async function packageEntries(lang: string): Promise<Record<string, Uint8Array>> {
  return unzipSync(await fs.readFile(path.join(outDir, `customer-focus-${lang}-scorm12.zip`)));
}

describe('the shipped course', () => {
  it('has exactly the five seed languages with a pass mark of 80 %', () => {
    expect(course.config.languages).toEqual(['el', 'de', 'ms', 'ro', 'sl']);
    expect(course.config.passMark).toBe(80);
    expect(course.config.translations).toEqual([TRANSLATIONS]);
  });

  describe.each(Object.keys(SECTIONS))('edition %s', (lang) => {
    it('covers each section of its source material, in order, ending with the assessment', () => {
      expect(edition(lang).lessons.map((lesson) => lesson.id)).toEqual(SECTIONS[lang]);
      const assessments = edition(lang).lessons.filter((lesson) => lesson.assessment);
      expect(assessments.map((lesson) => lesson.id)).toEqual(['assessment']);
    });

    it('has at least two knowledge checks per lesson, each with an explanation', () => {
      for (const lesson of edition(lang).lessons.filter((candidate) => !candidate.assessment)) {
        expect(lesson.questions.length, lesson.fileName).toBeGreaterThanOrEqual(2);
        expect(lesson.html, lesson.fileName).toContain('class="key-points"');
        const explanations = lesson.html.match(/class="question-explanation"/g) ?? [];
        expect(explanations.length, lesson.fileName).toBe(lesson.questions.length);
      }
    });

    it('has an assessment of at least 10 questions mixing every question type', () => {
      const assessment = edition(lang).lessons.find((lesson) => lesson.assessment)!;
      expect(assessment.questions.length).toBeGreaterThanOrEqual(10);
      const types = new Set(assessment.questions.map((question) => question.type));
      expect([...types].sort()).toEqual(['fillin', 'multiple', 'single', 'truefalse']);
    });

    it('has exactly one right answer on every single-choice question and plausible distractors', () => {
      for (const question of edition(lang).lessons.flatMap((lesson) => lesson.questions)) {
        if (question.type === 'single') expect(question.options.filter((option) => option.correct), question.id).toHaveLength(1);
        if (question.type === 'single' || question.type === 'multiple') {
          expect(question.options.length, question.id).toBeGreaterThanOrEqual(3);
          expect(question.options.some((option) => !option.correct), question.id).toBe(true);
        }
        if (question.type === 'fillin') expect(question.accepted.length, question.id).toBeGreaterThan(0);
      }
    });

    it('carries the edition language on every page of its package', async () => {
      const entries = await packageEntries(lang);
      const pages = Object.keys(entries).filter((name) => name.endsWith('.html'));
      expect(pages.length).toBe(SECTIONS[lang]!.length + 1);
      for (const page of pages) expect(strFromU8(entries[page]!), page).toMatch(new RegExp(`<html lang="${lang}"[ >]`));
    });

    it('shows no English UI string in its package', async () => {
      const english = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'templates', 'strings', 'en.json'), 'utf8')) as Record<string, string>;
      const own = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'templates', 'strings', `${lang}.json`), 'utf8')) as Record<string, string>;
      expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
      // Fragments of English UI text between placeholders, long enough to be words, not names.
      const fragments = Object.values(english)
        .flatMap((value) => value.split(/\{\w+\}/))
        .map((fragment) => fragment.trim())
        .filter((fragment) => fragment.length >= 6);
      const entries = await packageEntries(lang);
      const texts = Object.entries(entries)
        .filter(([name]) => /\.(html|js)$/.test(name) && !name.startsWith('assets/'))
        .map(([name, data]) => [name, visibleText(strFromU8(data))] as const);
      for (const [name, text] of texts) {
        for (const fragment of fragments) expect(text.includes(fragment), `${name} contains "${fragment}"`).toBe(false);
      }
    });
  });

  it('gives the el, de and ms translations the same lessons, questions, types and answer keys', () => {
    const shape = (lang: string) => edition(lang).lessons.map((lesson) => ({
      lesson: lesson.id,
      assessment: lesson.assessment,
      questions: lesson.questions.map((question) => ({ id: question.id, type: question.type, key: answerKey(question) })),
    }));
    const reference = shape('el');
    expect(reference.flatMap((lesson) => lesson.questions).length).toBe(21);
    for (const lang of TRANSLATIONS.slice(1)) expect(shape(lang)).toEqual(reference);
  });

  it('writes each language in its own script with its diacritics', async () => {
    const text = async (lang: string) => (await Promise.all(edition(lang).lessons.map((lesson) => fs.readFile(lesson.file.path, 'utf8')))).join('\n');
    expect(await text('el')).toMatch(/[άέήίόύώ]/);
    expect(await text('de')).toMatch(/[äöü]/);
    expect(await text('de')).toMatch(/ß/);
    const romanian = await text('ro');
    expect(romanian).toMatch(/[șț]/);
    expect(romanian).toMatch(/[ăîâ]/);
    expect(romanian, 'Romanian uses comma-below ș ț, not cedilla ş ţ').not.toMatch(/[şţŞŢ]/);
    expect(await text('sl')).toMatch(/[čšž]/);
    expect(await text('sl'), 'the English heading of the Slovenian source is translated').not.toMatch(/Going Above and Beyond/i);
  });

  it('has its own lesson and question ids in ro and sl', () => {
    for (const lang of ['ro', 'sl']) {
      const ids = edition(lang).lessons.flatMap((lesson) => [lesson.id, ...lesson.questions.map((question) => question.id)]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
