#!/usr/bin/env node
// CLI entry for `npx guanxi …`: the server is TypeScript run directly by Node ≥ 22.18 (type stripping).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`guanxi needs Node 22.18 or newer (this is ${process.version}); run it as \`npm run guanxi -- …\` to use the bundled Node 24.`);
  process.exit(1);
}
await import('../src/server/main.ts');
