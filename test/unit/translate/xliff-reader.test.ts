// What a CAT tool may send back besides the export's own shape: a unit split into segments with
// ignorable whitespace between them, a pair of tags split into <sc>/<ec> across segments,
// annotations (<mrk>, <sm>/<em>), code points as <cp>, and in XLIFF 1.2 <mrk mtype="seg"> and
// <bx>/<ex>. The reader joins them into one target with the export's inline codes.
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../../../src/translate/xliff-reader.js';

function read(xml: string) {
  const file = new VFile({ path: 'sent-back.xlf', value: xml });
  const document = readXliff(file);
  return { document, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
}

describe('reading a translated XLIFF file', () => {
  it('joins XLIFF 2.0 segments, ignorables, split tags, annotations and code points', () => {
    const { document, messages } = read(`<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
  <file id="lesson:intro">
    <group id="g1">
      <unit id="intro:1">
        <segment id="s1">
          <source>First <pc id="1">bold</pc> sentence.</source>
          <target>Première <sc id="1"/>phrase</target>
        </segment>
        <ignorable><source> </source></ignorable>
        <segment id="s2">
          <source>Second<ph id="2"/>.</source>
          <target>grasse<ec startRef="1"/>. <mrk id="m1" type="term">Deuxième</mrk><ph id="2"/><sm id="x"/>.<em startRef="x"/><cp hex="2605"/></target>
        </segment>
      </unit>
    </group>
  </file>
</xliff>
`);
    expect(messages).toEqual([]);
    expect(document?.units).toHaveLength(1);
    expect(document!.units[0]!.source).toEqual([
      { type: 'text', value: 'First ' }, { type: 'pair', id: '1', children: [{ type: 'text', value: 'bold' }] }, { type: 'text', value: ' sentence.' },
      { type: 'text', value: ' ' }, { type: 'text', value: 'Second' }, { type: 'point', id: '2' }, { type: 'text', value: '.' },
    ]);
    expect(document!.units[0]!.target).toEqual([
      { type: 'text', value: 'Première ' }, { type: 'pair', id: '1', children: [{ type: 'text', value: 'phrase' }, { type: 'text', value: ' ' }, { type: 'text', value: 'grasse' }] },
      { type: 'text', value: '. ' }, { type: 'text', value: 'Deuxième' }, { type: 'point', id: '2' }, { type: 'text', value: '.' }, { type: 'text', value: '★' },
    ]);
  });

  it('takes a unit with a segment left untranslated as a unit without a target', () => {
    const { document } = read(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">
<unit id="a"><segment><source>One.</source><target>Un.</target></segment><segment><source>Two.</source></segment></unit></file></xliff>`);
    expect(document!.units[0]!.target).toBeUndefined();
    expect(document!.units[0]!.invalid).toBe(false);
  });

  it('reads XLIFF 1.2 with segment markers and split tags', () => {
    const { document, messages } = read(`<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="lesson:intro" source-language="en" target-language="fr" datatype="x-markdown">
    <body>
      <trans-unit id="intro:1">
        <source>A <g id="1" ctype="bold">b</g><x id="2" ctype="image"/></source>
        <seg-source><mrk mtype="seg" mid="1">A <g id="1" ctype="bold">b</g><x id="2" ctype="image"/></mrk></seg-source>
        <target><mrk mtype="seg" mid="1">Un <bx id="1a" rid="1"/>b<ex id="1b" rid="1"/><x id="2"/></mrk></target>
      </trans-unit>
    </body>
  </file>
</xliff>`);
    expect(messages).toEqual([]);
    expect(document).toMatchObject({ version: '1.2', srcLang: 'en', trgLang: 'fr' });
    expect(document!.units[0]!.target).toEqual([{ type: 'text', value: 'Un ' }, { type: 'pair', id: '1', children: [{ type: 'text', value: 'b' }] }, { type: 'point', id: '2' }]);
  });

  it('says where tags cross and where a unit is repeated', () => {
    const { messages } = read(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">
<unit id="a"><segment><source>x</source><target><sc id="1"/><sc id="2"/>x<ec startRef="1"/><ec startRef="2"/></target></segment></unit>
<unit id="a"><segment><source>y</source><target>y</target></segment></unit></file></xliff>`);
    expect(messages).toEqual([
      expect.stringMatching(/^2:\d+ xliff-inline-code Unexpected end of inline code `1` inside code `2`, expected inline codes nested one inside the other/),
      expect.stringMatching(/^3:1 xliff-unit-duplicate Unexpected second unit `a` \(the first is at 2:1\), expected each unit once$/),
    ]);
  });
});
