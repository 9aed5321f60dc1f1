import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModuleManifest, ObjectExtension } from './modules.ts';
import { findObject, registerObject } from '../records/registry.ts';
import { invalidateFields } from '../records/fields.ts';
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
  return orderByRequires(dirs);
}

const REQUIRES = /^--\s*requires:\s*(.+)$/gm;

/**
 * The modules a module's migrations name in `-- requires: orders, quotes` lines (its tables
 * reference theirs). Read from the SQL files, so ordering needs no import of the manifests.
 */
export function moduleRequires(dir: string): string[] {
  const mdir = path.join(dir, 'migrations');
  if (!fs.existsSync(mdir)) return [];
  const names = new Set<string>();
  for (const f of fs.readdirSync(mdir).filter((x) => x.endsWith('.sql')).sort()) {
    for (const m of fs.readFileSync(path.join(mdir, f), 'utf8').matchAll(REQUIRES)) {
      for (const n of m[1]!.split(',').map((x) => x.trim()).filter(Boolean)) names.add(n);
    }
  }
  return [...names];
}

/**
 * The folders in the given order, except that a module comes after every module it requires
 * (a stable topological order: with no `requires` it is the given order). A module requiring
 * one that is not loaded, or a cycle, is refused at start rather than failing mid-migration.
 */
export function orderByRequires(dirs: readonly string[]): string[] {
  const names = new Set(dirs.map(moduleName));
  const needs = new Map(dirs.map((d) => [d, moduleRequires(d)]));
  for (const [d, req] of needs) {
    const missing = req.filter((n) => !names.has(n));
    if (missing.length) throw new Error(`module ${moduleName(d)} requires ${missing.join(', ')}, which is not loaded`);
  }
  const placed = new Set<string>();
  const out: string[] = [];
  const left = [...dirs];
  while (left.length) {
    const i = left.findIndex((d) => needs.get(d)!.every((n) => placed.has(n)));
    if (i < 0) throw new Error(`modules ${left.map(moduleName).join(', ')} require each other in a cycle`);
    const [d] = left.splice(i, 1);
    out.push(d!);
    placed.add(moduleName(d!));
  }
  return out;
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

/** The manifests imported so far, in module order (what `guanxi seed demo` walks for `demo` steps). */
export function loadedModules(): ModuleManifest[] {
  const order = moduleDirs();
  return [...loaded.entries()].sort(([a], [b]) => rank(order, a) - rank(order, b)).map(([, m]) => m);
}

const rank = (order: string[], dir: string) => (order.includes(dir) ? order.indexOf(dir) : order.length);

/** Imports every module's manifest (built-in, then extra), registers its objects and references, then applies `extends`. */
export async function loadModules(extra: readonly string[] = []): Promise<ModuleManifest[]> {
  const manifests: ModuleManifest[] = [];
  for (const dir of moduleDirs(extra)) manifests.push(await loadOne(dir));
  for (const m of manifests) for (const ext of m.extends ?? []) applyExtension(m.name, ext);
  return manifests;
}

/**
 * Adds a module's fields to another module's object (ModuleManifest.extends): the fields, their
 * labels, a form section and default list columns. Idempotent (discovery may run again in one
 * process); an unknown object or a field the object already has from elsewhere stops the start.
 */
const extendedBy = new WeakMap<object, Map<string, string>>();

export function applyExtension(module: string, ext: ObjectExtension): void {
  const def = findObject(ext.object);
  if (!def) throw new Error(`module ${module} extends ${ext.object}, which no loaded module registers`);
  const added = extendedBy.get(def) ?? new Map<string, string>();
  extendedBy.set(def, added);
  for (const f of ext.fields) {
    if (added.get(f.key) === module) continue;
    if (def.fields.some((x) => x.key === f.key)) throw new Error(`module ${module} adds ${ext.object}.${f.key}, which already exists`);
    def.fields.push(f);
    added.set(f.key, module);
  }
  for (const [locale, labels] of Object.entries(ext.labels ?? {})) {
    const l = def.labels?.[locale as keyof typeof def.labels];
    if (!l) continue;
    l.fields = { ...l.fields, ...labels };
    const sectionLabel = ext.section && ext.sectionLabel?.[locale as keyof typeof ext.sectionLabel];
    if (sectionLabel) l.sections = { ...l.sections, [ext.section!]: sectionLabel };
  }
  const ui = (def.ui ??= {});
  const keys = ext.fields.map((f) => f.key);
  if (ext.section) {
    const sections = (ui.sections ??= []);
    let section = sections.find((s) => s.key === ext.section);
    if (!section) {
      section = { key: ext.section, fields: [] };
      const at = sections.findIndex((s) => s.key === 'system');
      sections.splice(at < 0 ? sections.length : at, 0, section);
    }
    for (const k of keys) if (!section.fields.includes(k)) section.fields.push(k);
  }
  if (ext.listColumns && ui.listColumns) for (const k of ext.listColumns) if (!ui.listColumns.includes(k)) ui.listColumns.push(k);
  invalidateFields(ext.object);
}
