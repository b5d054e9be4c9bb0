// docs/authoring.md stays true: it documents every rule of the rule table (src/model/rules.ts) under
// the heading the table names, and its Markdown and course.yaml examples pass `check` as they are written.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { checkCourse } from '../../src/pipeline/build-course.js';
import { readCourseConfig } from '../../src/load/course-config.js';
import { GUIDE_SECTIONS, isRuleId, RULE_IDS, RULES } from '../../src/model/rules.js';
import { REPO_ROOT } from '../helpers/shipped-course.js';

const guide = await fs.readFile(path.join(REPO_ROOT, 'docs', 'authoring.md'), 'utf8');

interface GuideRow {
  severity: string;
  /** The GitHub-style slug of the heading the row's table is under. */
  section: string;
  line: number;
}

/**
 * The guide's headings as GitHub anchors them (lower case, punctuation other than `-` and `_` dropped,
 * spaces as `-`, `-1`, `-2` … after repeats), and the rows of its rule tables (tables headed
 * `| Rule | Severity | …`) by rule id. Fenced code blocks are skipped.
 */
function readGuide(): { slugs: string[]; rows: Map<string, GuideRow[]> } {
  const slugs: string[] = [];
  const rows = new Map<string, GuideRow[]>();
  const seen = new Map<string, number>();
  let fenced = false;
  let section = '';
  let inRuleTable = false;
  guide.split('\n').forEach((text, index) => {
    if (text.startsWith('```')) fenced = !fenced;
    if (fenced) return;
    const heading = /^#{1,6} (.+)$/.exec(text);
    if (heading !== null) {
      const base = heading[1]!.replace(/[`*]/g, '').trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
      const repeats = seen.get(base) ?? 0;
      seen.set(base, repeats + 1);
      section = repeats === 0 ? base : `${base}-${repeats}`;
      slugs.push(section);
      return;
    }
    if (text.startsWith('| Rule | Severity |')) inRuleTable = true;
    else if (!text.startsWith('|')) inRuleTable = false;
    if (!inRuleTable || text.startsWith('| Rule |') || text.startsWith('| ---')) return;
    const [rule = '', severity = ''] = text.split(' | ').map((cell) => cell.replace(/^\| /, '').trim());
    const id = rule.replace(/^`|`$/g, '');
    rows.set(id, [...(rows.get(id) ?? []), { severity, section, line: index + 1 }]);
  });
  return { slugs, rows };
}

/** Fenced code blocks of the guide in `language`. */
function codeBlocks(language: string): string[] {
  return [...guide.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]!);
}

describe('the author\'s guide', () => {
  const { slugs, rows } = readGuide();

  it('documents every rule of the rule table in one row, with its severity, under its anchor', () => {
    expect(RULE_IDS.length).toBeGreaterThan(40);
    const wrong = RULE_IDS.flatMap((id) => {
      const rule = RULES[id];
      const found = rows.get(id) ?? [];
      if (found.length !== 1) return [`${id}: ${found.length} rows`];
      const [row] = found as [GuideRow];
      const problems = [
        row.severity === rule.severity ? '' : `severity ${row.severity} in the guide (line ${row.line}), ${rule.severity} in the table`,
        row.section === rule.anchor ? '' : `under #${row.section} in the guide (line ${row.line}), #${rule.anchor} in the table`,
      ].filter(Boolean);
      return problems.map((problem) => `${id}: ${problem}`);
    });
    expect(wrong).toEqual([]);
  });

  it('has a heading for every anchor of the rule table', () => {
    const anchors = [...new Set(RULE_IDS.map((id) => RULES[id].anchor))];
    expect(anchors.filter((anchor) => !slugs.includes(anchor))).toEqual([]);
    expect(Object.values(GUIDE_SECTIONS).filter((anchor) => !anchors.includes(anchor))).toEqual([]);
  });

  it('has no row in its rule tables for a rule that is not in the table', () => {
    expect(rows.size).toBeGreaterThan(40);
    expect([...rows.keys()].filter((id) => !isRuleId(id))).toEqual([]);
  });

  it('has a one-line summary for every rule', () => {
    expect(RULE_IDS.filter((id) => RULES[id].summary.trim() === '' || RULES[id].summary.includes('\n'))).toEqual([]);
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
