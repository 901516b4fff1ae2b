// Builds two IIFE bundles from the same TypeScript source, the way `lng dist` lays
// out a Lightning app: dist/index.html (settings baked in), dist/app.modern.js,
// dist/app.legacy.js (ES5 + polyfills for Chrome 38 / webOS 3 / Tizen 2017 era
// engines) and dist/static/. index.html picks the bundle by feature detection.
//
// Environment: BUILD_TARGETS=modern (dev: skip the slow legacy bundle),
// BUILD_MINIFY=0 (readable output), MARQUEE_DIST_DIR (another output folder than dist/).
const fs = require('fs')
const path = require('path')
const { nodeResolve } = require('@rollup/plugin-node-resolve')
const commonjs = require('@rollup/plugin-commonjs')
const json = require('@rollup/plugin-json')
const replace = require('@rollup/plugin-replace')
const { babel } = require('@rollup/plugin-babel')
const terser = require('@rollup/plugin-terser')
const pkg = require('./package.json')

const root = __dirname
const distDir = path.resolve(root, process.env.MARQUEE_DIST_DIR || 'dist')
const extensions = ['.ts', '.js', '.mjs', '.json']
const targets = (process.env.BUILD_TARGETS || 'modern,legacy').split(',')
const minify = process.env.BUILD_MINIFY !== '0'

/** The engines each bundle is for; README "Bundles and engines" mirrors this. */
const engines = {
  // Shaka's ES2021 build and Lightning's class fields set the floor: Chromium 85+
  // (Tizen 6.5 / 2022, webOS 22, current WPE). Everything older gets legacy.
  modern: { chrome: '85' },
  legacy: { chrome: '38' },
}

// Shaka ships an ES2021 build for modern engines and an ES5 build with its own
// polyfills for old ones, both already compiled. Each is written beside its
// bundle as shaka.<flavour>.js, which src/player/shaka-loader.ts loads when the
// player needs it (start-up does not parse it); the bundles import only its types.
const shakaBuild = {
  modern: 'shaka-player/dist/shaka-player.compiled-es2021.js',
  legacy: 'shaka-player/dist/shaka-player.compiled.js',
}

function shakaFile(flavour) {
  return {
    name: 'marquee-shaka-file',
    resolveId(source) {
      if (source === 'shaka-player') this.error('Shaka is its own file (src/player/shaka-loader.ts): import only its types')
      return null
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: `shaka.${flavour}.js`, source: fs.readFileSync(require.resolve(shakaBuild[flavour])) })
    },
  }
}

/** Copies static/ (minus the index.html template) and the i18n dictionaries, and writes index.html. */
function distAssets() {
  return {
    name: 'marquee-dist-assets',
    writeBundle() {
      const staticOut = path.join(distDir, 'static')
      fs.rmSync(staticOut, { recursive: true, force: true })
      fs.cpSync(path.join(root, 'static'), staticOut, {
        recursive: true,
        filter: (src) => path.basename(src) !== 'index.html',
      })
      fs.cpSync(path.join(root, 'src/i18n/locales'), path.join(staticOut, 'i18n'), { recursive: true })
      fs.writeFileSync(path.join(staticOut, 'translations.json'), JSON.stringify(translationsIndex(), null, 2))
      const settings = JSON.parse(fs.readFileSync(path.join(root, 'settings.json'), 'utf8'))
      const template = fs.readFileSync(path.join(root, 'static/index.html'), 'utf8')
      const html = template
        .replace('{$SETTINGS}', JSON.stringify(settings).replace(/</g, '\\u003c'))
        .replace(/\{\$VERSION\}/g, pkg.version)
      fs.writeFileSync(path.join(distDir, 'index.html'), html)
    },
  }
}

/** The Language plugin's index: a default, aliases, and one lazily fetched file per language. */
function translationsIndex() {
  const files = fs.readdirSync(path.join(root, 'src/i18n/locales')).filter((f) => f.endsWith('.json'))
  const index = { meta: { default: 'zh-CN', map: { zh: 'zh-CN', 'zh-Hans': 'zh-CN', 'en-US': 'en', 'en-GB': 'en', 'id-ID': 'id', in: 'id' } } }
  for (const file of files) index[file.replace(/\.json$/, '')] = `i18n/${file}`
  return index
}

function bundle(flavour) {
  const legacy = flavour === 'legacy'
  return {
    input: path.join(root, legacy ? 'src/index.legacy.ts' : 'src/index.ts'),
    output: {
      file: path.join(distDir, `app.${flavour}.js`),
      format: 'iife',
      name: 'Marquee',
      sourcemap: true,
      generatedCode: legacy ? 'es5' : 'es2015',
    },
    onwarn(warning, warn) {
      // The SDK and Shaka use `this` at module top level and eval in ways that are safe here.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'EVAL') return
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return
      warn(warning)
    },
    plugins: [
      shakaFile(flavour),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify('production'),
          __APP_VERSION__: JSON.stringify(pkg.version),
          __BUNDLE_FLAVOUR__: JSON.stringify(flavour),
        },
      }),
      nodeResolve({ browser: true, extensions, preferBuiltins: false }),
      json(),
      commonjs({ include: /node_modules/ }),
      babel({
        babelHelpers: 'bundled',
        babelrc: false,
        configFile: false,
        extensions,
        // Modern: only our TypeScript. Legacy: everything but code already in ES5.
        exclude: legacy ? [/node_modules[\\/](core-js|shaka-player|whatwg-fetch)[\\/]/] : [/node_modules/],
        presets: [
          [
            '@babel/preset-env',
            legacy
              ? { targets: engines.legacy, forceAllTransforms: true, useBuiltIns: 'usage', corejs: '3.51', modules: false }
              : { targets: engines.modern, bugfixes: true, modules: false },
          ],
          '@babel/preset-typescript',
        ],
      }),
      minify && // Lightning names states after their classes: keep class names (in ES5 they are capitalised functions).
        terser({ ecma: legacy ? 5 : 2020, safari10: true, keep_classnames: true, keep_fnames: legacy && /^[A-Z]/, format: { comments: false } }),
      flavour === targets[targets.length - 1] && distAssets(),
    ].filter(Boolean),
  }
}

module.exports = targets.map(bundle)
