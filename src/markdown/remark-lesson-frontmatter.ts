// Reads the lesson's YAML front matter (id, title, assessment) into file.data.lesson.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { ID_PATTERN, ID_PATTERN_TEXT } from '../model/ids.js';
import { report } from '../model/messages.js';
import { readBoolean, readString, readYamlMapping, rejectUnknownKeys } from '../load/yaml-fields.js';
import './types.js';

const FRONT_MATTER_KEYS = ['id', 'title', 'assessment'] as const;
const WHAT = 'lesson front matter';

export function remarkLessonFrontMatter() {
  return (tree: Root, file: VFile) => {
    const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    if (yamlNode === undefined) {
      report(file, 'Unexpected lesson without front matter, expected a `---` block with `id` and `title` first', { line: 1, column: 1 }, 'frontmatter-missing');
      file.data.lesson = { id: '', title: '', assessment: false };
      return;
    }
    const text = String(file.value);
    const startOffset = yamlNode.position?.start.offset ?? 0;
    const bodyOffset = text.indexOf('\n', startOffset) + 1;
    const origin = { line: (yamlNode.position?.start.line ?? 1) + 1, column: 1, offset: bodyOffset };
    const mapping = readYamlMapping(file, yamlNode.value, WHAT, origin);
    if (mapping === undefined) {
      file.data.lesson = { id: '', title: '', assessment: false };
      return;
    }
    rejectUnknownKeys(mapping, FRONT_MATTER_KEYS, WHAT);
    file.data.lesson = {
      id: readString(mapping, 'id', WHAT, { required: true, fallback: '', pattern: ID_PATTERN, patternText: ID_PATTERN_TEXT, ruleId: 'id-invalid' }),
      title: readString(mapping, 'title', WHAT, { required: true, fallback: '' }),
      assessment: readBoolean(mapping, 'assessment', WHAT, { fallback: false }),
      idPlace: mapping.fields.get('id')?.valuePlace,
    };
  };
}
