// Entry of the ES5 bundle: what old TV engines (Chrome 38, webOS 3, Tizen 2017) lack
// and Babel's per-use core-js imports cannot see (fetch is called by the SDK and Shaka).
import 'whatwg-fetch'
import './index'
