// What render produces and package writes: one file of a package.

/** A file of a package: a path with `/` separators relative to the package root. */
export interface PackageFile {
  path: string;
  data: Buffer;
}
