// The first test pins the public API: what `import … from 'scormdown'` offers.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('public API', () => {
  it('exports exactly the stages, the processor factory and its lesson facade (the CLI is not part of it)', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CATALOG_FILE',
      'ManifestError',
      'answerKey',
      'buildCourse',
      'buildManifest',
      'check',
      'checkCourse',
      'checkManifestRules',
      'createMarkdownProcessor',
      'folderName',
      'formatMessages',
      'lessonFromMarkdown',
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
  });
});
