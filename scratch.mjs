import { createMarkdownProcessor } from './out/src/markdown/processor.js';
import { VFile } from 'vfile';
import fs from 'node:fs';
const strings = JSON.parse(fs.readFileSync('templates/strings/en.json','utf8'));
const p = createMarkdownProcessor({ strings, courseDir: '/tmp' });
for (const body of process.argv.slice(2)) {
  const f = new VFile({ path: '/tmp/en/a.md', value: '---\nid: a\ntitle: A\n---\n\n' + body.replace(/\\n/g, '\n') });
  const html = String(await p.process(f));
  console.log('---', JSON.stringify(body)); console.log(html); for (const m of f.messages) console.log(String(m), m.ruleId);
}
