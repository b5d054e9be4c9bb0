// Zero axe-core violations on every page of every language package of both targets: the shell,
// each lesson (with knowledge-check feedback shown), the assessment before and after submission,
// the results screen, the exit screen and the stand-alone lesson pages; at desktop width and at
// 320 px. Also: nothing wider than 320 px, and no motion for learners who ask for less.
import { expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserWithCourses } from '../helpers/browser-session.js';
import { describeInBrowser } from '../helpers/browser.js';
import { SHIPPED_LANGUAGES } from '../helpers/packaged-course.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';
import { SETTLED, TARGETS, type Target } from '../helpers/lms-harness.js';
import { PointerLearner } from '../helpers/pointer-learner.js';
import { rightAnswer, wrongAnswer } from '../helpers/answers.js';

const AXE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** Run axe-core on the page as it is now; returns one line per violating node. */
async function audit(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ path: AXE });
  // Colours are measured as the learner reads them, not halfway through a fade-in.
  await page.waitForFunction("document.getAnimations().every((animation) => animation.playState !== 'running')");
  const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe.run(
    (globalThis as unknown as { document: unknown }).document,
    { resultTypes: ['violations'] },
  ));
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${label}: ${violation.id} (${violation.impact ?? ''}) ${violation.help} at ${JSON.stringify(node.target)}`));
}

async function overflow(page: Page, label: string): Promise<string[]> {
  const width = Number(await page.evaluate('document.scrollingElement.scrollWidth'));
  return width > 320 ? [`${label}: ${width}px wide at 320 px`] : [];
}

describeInBrowser('accessibility', () => {
  const setup = useBrowserWithCourses();

  const runs = TARGETS.flatMap((target) => SHIPPED_LANGUAGES.map((lang): [string, Target] => [lang, target]));

  it.each(runs)('%s %s: zero axe-core violations on every page', async (lang, target) => {
    const course = setup.served.course(lang, target);
    const context = await setup.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const problems: string[] = [];
    try {
      const page = await context.newPage();
      await page.goto(setup.served.packageUrl(lang, target));
      await page.mainFrame().waitForFunction(SETTLED);
      const learner = new PointerLearner(page.mainFrame(), null, course);
      problems.push(...(await audit(page, 'shell')));

      for (const lesson of course.lessons) {
        await learner.go(`#toc a[data-lesson-link="${lesson.id}"]`, lesson.title);
        problems.push(...(await audit(page, lesson.id)));
        if (!lesson.assessment) {
          const id = lesson.questions[0];
          if (id !== undefined) {
            await learner.answerCheck(id, wrongAnswer(course.questions[id]!));
            problems.push(...(await audit(page, `${lesson.id} with feedback`)));
          }
          continue;
        }
        await learner.click('[data-action="submit-assessment"]', 'submit nothing');
        problems.push(...(await audit(page, `${lesson.id} unanswered`)));
        for (const id of lesson.questions) await learner.setAnswer(id, rightAnswer(course.questions[id]!));
        await learner.click('[data-action="submit-assessment"]', 'submit');
        problems.push(...(await audit(page, `${lesson.id} submitted`)));
        await page.setViewportSize({ width: 320, height: 640 });
        problems.push(...(await audit(page, `${lesson.id} submitted, 320 px`)), ...(await overflow(page, `${lesson.id} submitted`)));
        await page.setViewportSize({ width: 1024, height: 768 });
      }
      await learner.go('#next', course.strings['results.title']!);
      problems.push(...(await audit(page, 'results')));

      await page.setViewportSize({ width: 320, height: 640 });
      await learner.click('#menu-toggle', 'open the menu');
      expect(await page.locator('#toc').isVisible()).toBe(true);
      problems.push(...(await audit(page, 'results, 320 px, menu open')), ...(await overflow(page, 'results, menu open')));
      await learner.click('#exit', 'exit');
      problems.push(...(await audit(page, 'exit screen')));

      for (const lesson of course.lessons) {
        await page.goto(`${setup.served.packageUrl(lang, target).replace(/index\.html$/, '')}${lesson.page}`);
        problems.push(...(await audit(page, `${lesson.page}, 320 px`)), ...(await overflow(page, lesson.page)));
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('respects prefers-reduced-motion', async () => {
    const lang = 'de';
    const course = setup.served.course(lang);
    const measure = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await setup.browser.newContext({ reducedMotion });
      try {
        const page = await context.newPage();
        await page.goto(setup.served.packageUrl(lang));
        await page.mainFrame().waitForFunction(SETTLED);
        const learner = new PointerLearner(page.mainFrame(), null, course);
        const id = course.lessons[0]!.questions[0]!;
        await learner.answerCheck(id, rightAnswer(course.questions[id]!));
        return page.evaluate(`[getComputedStyle(document.querySelector('#q-${id} .question-feedback')).animationName, getComputedStyle(document.documentElement).scrollBehavior]`);
      } finally {
        await context.close();
      }
    };
    expect(await measure('reduce')).toEqual(['none', 'auto']);
    expect(await measure('no-preference')).toEqual(['appear', 'smooth']);
  });
});
