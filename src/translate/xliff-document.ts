// What an exported XLIFF file holds and what an imported one yields, whatever its version.
import type { Point } from 'unist';
import type { InlineCode, InlineContent } from './inline-content.js';

export const XLIFF_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF_1_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';

export type XliffVersion = '2.0' | '1.2';

export interface ExportUnit {
  id: string;
  note: string;
  source: InlineContent;
  codes: InlineCode[];
}

/** One `<file>`: the edition's texts, or one lesson. */
export interface ExportFile {
  id: string;
  note: string;
  units: ExportUnit[];
}

export interface ExportDocument {
  srcLang: string;
  trgLang: string;
  files: ExportFile[];
}

/** A unit as read from a file: its source and, when the translator gave one, its target. */
export interface ReadUnit {
  fileId: string;
  id: string;
  /** Where the unit starts in the XLIFF file. */
  place: Point;
  source: InlineContent;
  /** Undefined when the unit has no target, or a segment of it has none. */
  target: InlineContent | undefined;
  /** Where the target (or the unit, without one) starts. */
  targetPlace: Point;
  /** Its target's inline codes could not be read (reported): neither a translation nor a missing one. */
  invalid: boolean;
}

export interface ReadDocument {
  version: XliffVersion;
  /** Where the root element starts. */
  place: Point;
  srcLang: string;
  trgLang: string;
  units: ReadUnit[];
}
