// docs/authoring.md stays true: it documents every rule id the checks report, and its Markdown and
// course.yaml examples pass `check` as they are written.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { checkCourse } from '../../src/pipeline/build-course.js';
import { readCourseConfig } from '../../src/load/course-config.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';

const guide = await fs.readFile(path.join(REPO_ROOT, 'docs', 'authoring.md'), 'utf8');

/** Rule ids passed to report() (or as a ruleId option) anywhere in the checking code, with their severities. */
async function reportedRules(): Promise<Map<string, Set<'error' | 'warning'>>> {
  const sourceDir = path.join(REPO_ROOT, 'src');
  const files = (await fs.readdir(sourceDir, { recursive: true }))
    .filter((name) => name.endsWith('.ts') && !name.startsWith(`runtime${path.sep}`) && !name.startsWith(`preview${path.sep}client`));
  const rules = new Map<string, Set<'error' | 'warning'>>();
  const add = (id: string, severity: 'error' | 'warning') => rules.set(id, (rules.get(id) ?? new Set()).add(severity));
  for (const name of files) {
    const text = await fs.readFile(path.join(sourceDir, name), 'utf8');
    for (const call of text.matchAll(/\breport\(([\s\S]*?)\);/g)) {
      const literals = [...call[1]!.matchAll(/'([a-z]+(?:-[a-z0-9]+)*)'/g)].map((match) => match[1]!);
      const ruleId = literals.filter((literal) => literal.includes('-')).at(-1);
      if (ruleId !== undefined) add(ruleId, literals.at(-1) === 'warning' ? 'warning' : 'error');
    }
    for (const match of text.matchAll(/ruleId(?::| =) '([a-z]+(?:-[a-z0-9]+)+)'/g)) add(match[1]!, 'error');
  }
  return rules;
}

/** Fenced code blocks of the guide in `language`. */
function codeBlocks(language: string): string[] {
  return [...guide.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]!);
}

describe('the author\'s guide', () => {
  it('documents every rule id the checks report, in a table row with its severity', async () => {
    const rules = await reportedRules();
    expect(rules.size).toBeGreaterThan(40);
    const wrong = [...rules].flatMap(([id, severities]) => {
      const row = new RegExp(`^\\| \`${id}\` \\| (error|warning) \\|`, 'm').exec(guide);
      return row !== null && severities.has(row[1] as 'error' | 'warning') ? [] : [`${id} (${[...severities].join('/')})`];
    });
    expect(wrong).toEqual([]);
  });

  it('has Markdown examples that pass check without errors or warnings', async () => {
    const blocks = codeBlocks('markdown');
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-guide-'));
    try {
      await fs.mkdir(path.join(dir, 'en'));
      await fs.writeFile(path.join(dir, 'course.yaml'), 'id: guide-examples\nlanguages: [en]\n');
      await fs.writeFile(path.join(dir, 'en', 'edition.yaml'), 'title: Examples from the guide\n');
      await Promise.all(blocks.map((block, index) => {
        const lesson = block.startsWith('---\n') ? block : `---\nid: example-${index + 1}\ntitle: Example ${index + 1}\n---\n\nText.\n\n${block}`;
        return fs.writeFile(path.join(dir, 'en', `${String(index + 1).padStart(2, '0')}-example.md`), lesson);
      }));
      const { files } = await checkCourse(dir);
      expect(files.flatMap((file) => file.messages.map((message) => `${path.basename(file.path)}:${message.line}: ${message.ruleId} ${message.reason}`))).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('has a course.yaml example that the configuration reader accepts', () => {
    const example = codeBlocks('yaml').find((block) => block.startsWith('# yaml-language-server'));
    expect(example).toBeDefined();
    const file = new VFile({ path: 'course.yaml', value: example });
    const config = readCourseConfig(file, ['el', 'de', 'ms', 'ro', 'sl']);
    expect(file.messages.map(String)).toEqual([]);
    expect(config?.translations).toEqual([['el', 'de', 'ms']]);
  });
});
