// Lengths and names that a package, its manifest and the file systems it is unpacked on accept.
// `check` holds every id, title and path to these, so that `build` never meets them first.

/**
 * Course and lesson ids name files: `dist/<course>-<lang>-scorm12.zip` (and its temporary
 * `.<name>.tmp-<pid>.old` while it is written) and `lessons/<lesson>.html` in the package. With at
 * most 64 characters for an id and 35 for a language code, every generated name stays far below the
 * 255 bytes a file name may have on ext4, APFS and NTFS.
 */
export const MAX_ID_LENGTH = 64;

/** BCP 47 asks implementations to support language tags of at least 35 characters. */
export const MAX_LANGUAGE_LENGTH = 35;

/** The SCORM 1.2 manifest's `title` elements (imscp titleType) hold at most 200 characters. */
export const MAX_TITLE_LENGTH = 200;

/**
 * A path inside the package. The manifest's `href` allows 2000 characters, but an LMS or a person
 * unpacking the zip on Windows meets its 260-character path limit first (the folder unpacked into
 * counts too), so package paths stay at 200.
 */
export const MAX_PACKAGE_PATH_LENGTH = 200;

/** Windows device names: `con.html`, `aux.png` or `nul.tar.gz` cannot be unpacked there. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** The reserved device name a file name starts with (before its first dot), if any. */
export function reservedNameOf(fileName: string): string | undefined {
  const stem = fileName.split('.')[0] ?? '';
  return RESERVED_NAMES.test(stem) ? stem : undefined;
}

/** Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE, U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The first character of `text` that an XML document cannot hold, if any. */
export function firstNonXmlCharacter(text: string): string | undefined {
  return NOT_XML.exec(text)?.[0];
}

/** Length in characters (code points), as the XSDs count it. */
export function characterLength(text: string): number {
  return [...text].length;
}
