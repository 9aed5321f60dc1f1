// `npm start` builds the web app once (and again when its sources are newer than the build).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { compressDir } from './compress-web.mjs';

const root = path.join(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

// A web folder of its own (GUANXI_WEB_DIR) is built and served by whoever set it.
if (process.env.GUANXI_WEB_DIR) process.exit(0);
const stale = !fs.existsSync(built) || newest(path.join(root, 'src/web')) > fs.statSync(built).mtimeMs;
if (stale && fs.existsSync(path.join(root, 'node_modules/vite'))) {
  console.log('Building the web app (first start)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status === 0) compressDir(path.join(root, 'dist/web'));
  process.exit(r.status ?? 1);
}
