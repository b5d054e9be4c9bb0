// Text that goes into imsmanifest.xml (the edition title) must fit the SCORM 1.2 XSDs: at most 200
// characters, and only characters an XML document can hold. Reported here, where the author wrote
// it, so that the build never meets a schema error.
import { quote, report } from '../model/messages.js';
import { characterLength, firstNonXmlCharacter, MAX_TITLE_LENGTH } from './files/name-limits.js';
import type { YamlMapping } from './yaml-fields.js';

/** Check the manifest title `value`, read from `key` of `mapping` (`what` names the file). */
export function checkManifestTitle(mapping: YamlMapping, key: string, value: string, what: string): void {
  const field = mapping.fields.get(key);
  if (field === undefined) return;
  const length = characterLength(value);
  if (length > MAX_TITLE_LENGTH) {
    report(mapping.file, `Unexpected ${quote(key)} of ${length} characters in ${what}, expected at most ${MAX_TITLE_LENGTH} (the SCORM 1.2 manifest's limit for titles): shorten it, and say the rest in \`description\``, field.valuePlace, 'title-too-long');
  }
  const invalid = firstNonXmlCharacter(value);
  if (invalid !== undefined) {
    const code = `U+${(invalid.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    report(mapping.file, `Unexpected character ${code} in the ${quote(key)} of ${what}, expected text without control characters or broken (unpaired surrogate) characters, which the XML manifest cannot hold`, field.valuePlace, 'title-invalid-character');
  }
}
