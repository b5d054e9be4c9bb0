// The packages the course would give now, made in memory with the build's own stages (render,
// manifest, validation) and read back like an old package, so both sides of the comparison are
// read the same way. Nothing is written to disk.
import path from 'node:path';
import type { Course, Edition } from '../model/course.js';
import { renderEdition } from '../render/render-edition.js';
import { sharedAssets, type SharedAssets } from '../render/shared-assets.js';
import { packageEdition } from '../package/package-edition.js';
import { memorySource } from './package-sources.js';
import { readPackageFacts, type PackageFacts } from './package-facts.js';

/**
 * The new packages: of each edition, one per target of the course, in the build's order. The
 * course must have been checked without errors.
 */
export async function currentPackages(course: Course): Promise<PackageFacts[]> {
  const packages: PackageFacts[] = [];
  for (const edition of course.editions) {
    for (const target of course.config.targets) packages.push(await currentPackage(course, edition, await sharedAssets(target)));
  }
  return packages;
}

async function currentPackage(course: Course, edition: Edition, shared: SharedAssets): Promise<PackageFacts> {
  const files = await packageEdition(course, edition, await renderEdition(course, edition, shared), shared.target);
  return readPackageFacts(memorySource(path.join(course.dir, edition.lang), files));
}
