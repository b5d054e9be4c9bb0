// The first test pins the public API: what `import … from 'scormdown'` offers.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly the stages, the processor factory and the CLI', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CATALOG_FILE',
      'EXIT',
      'ManifestError',
      'answerKey',
      'buildCourse',
      'buildManifest',
      'check',
      'checkCourse',
      'checkManifestRules',
      'cli',
      'createMarkdownProcessor',
      'folderName',
      'formatMessages',
      'load',
      'manifestIdentifier',
      'packageEdition',
      'renderEdition',
      'validateManifest',
      'writeZip',
      'zipName',
    ]);
  });

  it('names packages by course id and language', () => {
    expect(api.zipName('customer-focus', 'de')).toBe('customer-focus-de-scorm12.zip');
    expect(api.EXIT).toEqual({ ok: 0, contentErrors: 1, usage: 2, internal: 3 });
  });
});
