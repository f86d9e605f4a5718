// Builds pelican_hexo_tags/static/mathjax/mathjax-svg.min.js: hexo-filter-mathjax's filter and what it
// uses of MathJax, in one script mini-racer's V8 runs (no Node, no require() at run time).
//
// Run it in a scratch folder that has the packages hexo-filter-mathjax 0.11.1 installs:
//
//   mkdir /tmp/mathjax-build && cd /tmp/mathjax-build && npm init -y
//   npm install hexo-filter-mathjax@0.11.1 esbuild@0.28.2
//   node /path/to/repo/tools/build_mathjax.mjs
//
// MathJax require()s a TeX extension, the components it depends on, and the font's dynamic glyph
// files by a path it works out at run time; esbuild cannot follow such a require, so this script
// writes a table of static require()s of every one of them (modules.generated.js) that entry.js
// answers those calls from.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(repo, 'pelican_hexo_tags', 'static', 'mathjax');
// Everything, esbuild too, comes from the current folder's node_modules.
const require = createRequire(path.resolve('package.json'));
const { build } = require('esbuild');
const { source } = require('@mathjax/src/components/js/source.js');
const { dependencies } = require('@mathjax/src/components/js/dependencies.js');

// The TeX extensions and the components they depend on: the loader asks for 'core' before any,
// and mhchem's font extension for 'output/svg'.
const wanted = new Set(['core', 'output/svg']);
const queue = Object.keys(source).filter(name => name.startsWith('[tex]/'));
while (queue.length) {
  const name = queue.pop();
  if (wanted.has(name)) continue;
  wanted.add(name);
  queue.push(...(dependencies[name] || []));
}
const sourceRoot = path.dirname(require.resolve('@mathjax/src/components/js/source.js'));
const components = [...wanted].sort().map(name => path.relative(sourceRoot, source[name]));
const fontDir = path.join(path.dirname(require.resolve('@mathjax/mathjax-newcm-font/cjs/svg.js')), 'svg', 'dynamic');
const font = readdirSync(fontDir).filter(file => file.endsWith('.js')).map(file => file.slice(0, -3)).sort();

const line = (key, target) => `  ${JSON.stringify(key)}: () => require(${JSON.stringify(target)}),`;
const table = [
  '// Written by tools/build_mathjax.mjs: every file MathJax may require() at run time.',
  'module.exports.components = {',
  ...components.map(file => line(file, `@mathjax/src/components/js/${file}`)),
  '};',
  'module.exports.mhchemFont = () => require("@mathjax/mathjax-mhchem-font-extension/cjs/svg.js");',
  'module.exports.font = {',
  ...font.map(name => line(name, `@mathjax/mathjax-newcm-font/cjs/svg/dynamic/${name}.js`)),
  '};',
  ''
].join('\n');

// entry.js is bundled from here, so that its require()s find this folder's node_modules.
const work = path.resolve('src');
mkdirSync(work, { recursive: true });
copyFileSync(path.join(staticDir, 'entry.js'), path.join(work, 'entry.js'));
writeFileSync(path.join(work, 'modules.generated.js'), table);
await build({
  entryPoints: [path.join(work, 'entry.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  legalComments: 'eof',
  // source.cjs names the folder it sits in; MathJax only builds paths from it, which requirePath() reads.
  define: { __dirname: '"/mathjax/components"' },
  outfile: path.join(staticDir, 'mathjax-svg.min.js'),
  logLevel: 'warning'
});
