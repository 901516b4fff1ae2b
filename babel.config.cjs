// Used by jest (TypeScript tests) and by the legacy ES5 bundle in rollup.config.js.
module.exports = (api) => {
  const isTest = api.env('test')
  return {
    presets: [
      ['@babel/preset-env', isTest ? { targets: { node: 'current' } } : { targets: { chrome: '38' } }],
      '@babel/preset-typescript',
    ],
  }
}
