// Content types of the files the preview serves, from mime-db (through mime-types): the type of
// the file's extension, with `charset=utf-8` where mime-db says the type is text.
import path from 'node:path';
import mime from 'mime-types';

export function contentType(filePath: string): string {
  // The extension alone: mime-types takes a string with a slash for a content type already.
  return mime.contentType(path.extname(filePath).toLowerCase()) || 'application/octet-stream';
}
