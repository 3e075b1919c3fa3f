/** Astro 7 and Vitest 5 need Node ≥ 22.12; npm scripts get it from the `node` devDependency. */
export function assertNodeVersion(): void {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    console.error(`需要 Node ≥ 22.12（当前 ${process.version}）。请通过 npm 脚本运行（npm run …），它使用 devDependency 中的 node。`);
    process.exit(2);
  }
}
