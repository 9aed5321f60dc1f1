import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModuleManifest } from './modules.ts';
import { registerObject } from '../records/registry.ts';
import { registerReference } from '../records/references.ts';
import { registerWriteExtension } from '../records/hooks.ts';
import { registerWidget } from './widgets.ts';

/** The built-in modules: every folder here holding a module.ts. */
export const BUILTIN_MODULES_DIR = path.join(import.meta.dirname, '..', 'modules');
const MANIFEST = 'module.ts';

/**
 * The module folders of this process: the built-in ones in name order, then the extra ones
 * (GUANXI_MODULES, a test app's `modules`) in the order given. A module's name is its folder's
 * name, so two folders of one name are refused rather than one silently winning. Reads folder
 * names only (migrate() needs no more); loadModules() imports them.
 */
export function moduleDirs(extra: readonly string[] = []): string[] {
  const builtIn = fs.readdirSync(BUILTIN_MODULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(BUILTIN_MODULES_DIR, d.name, MANIFEST)))
    .map((d) => path.join(BUILTIN_MODULES_DIR, d.name))
    .sort();
  const dirs = [...builtIn];
  for (const dir of extra) {
    if (!path.isAbsolute(dir)) throw new Error(`module folder ${dir} must be an absolute path`);
    if (!fs.existsSync(path.join(dir, MANIFEST))) throw new Error(`module folder ${dir} has no ${MANIFEST}`);
    const resolved = path.resolve(dir);
    if (!dirs.includes(resolved)) dirs.push(resolved);
  }
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const name = path.basename(dir);
    if (seen.has(name)) throw new Error(`two modules are named ${name}: ${seen.get(name)} and ${dir}`);
    seen.set(name, dir);
  }
  return dirs;
}

/** The name a module's migrations are recorded under (its folder's name). */
export const moduleName = (dir: string): string => path.basename(dir);

const loaded = new Map<string, ModuleManifest>();

async function loadOne(dir: string): Promise<ModuleManifest> {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const exported = (await import(pathToFileURL(path.join(dir, MANIFEST)).href)).default as ModuleManifest | undefined;
  if (!exported || typeof exported.name !== 'string') throw new Error(`${path.join(dir, MANIFEST)} must default-export defineModule({...})`);
  if (exported.name !== moduleName(dir)) throw new Error(`module ${exported.name} must live in a folder named ${exported.name} (found ${dir})`);
  // Registered once per process: the registries are process-wide, like the imports themselves.
  for (const def of exported.objects ?? []) registerObject(def);
  for (const { object, ref } of exported.references ?? []) registerReference(object, ref);
  if (exported.writeExtension) registerWriteExtension(exported.name, exported.writeExtension);
  for (const w of exported.widgets ?? []) registerWidget(exported.name, w);
  loaded.set(dir, exported);
  return exported;
}

/** Imports every module's manifest (built-in, then extra) and registers its objects and references. */
export async function loadModules(extra: readonly string[] = []): Promise<ModuleManifest[]> {
  const manifests: ModuleManifest[] = [];
  for (const dir of moduleDirs(extra)) manifests.push(await loadOne(dir));
  return manifests;
}
