// The `hexo` a Hexo site's own scripts (scripts/*.js, themes/NAME/scripts/**/*.js) see, in an embedded V8.
// Written for pelican_hexo_tags (local_scripts.py); not from any npm package.
// Every call from Python returns a JSON string: mini-racer's mapped JS objects are not needed, and plain
// strings keep the bridge's types obvious.
'use strict';

var __site = { filters: [], tags: {}, generators: {}, ignored: [], logs: [] };
var __generatorSeq = 0;
var __modules = {};
var __pending = null;
var __renders = {};
var __renderSeq = 0;
// Markdown that tags asked hexo.render.renderSync for, as rendered by Python (see __runTag).
var __rendered = null;
var __needRender = null;

function __NeedRender() {}

var __hexoUtilNames = ['escapeHTML', 'unescapeHTML', 'stripHTML', 'slugize', 'escapeDiacritic', 'escapeRegExp'];

function __offered(name, target) {
  // A name the shim does not have fails where the script asks for it, so the script is reported, not half-run.
  return new Proxy(target, {
    get: function (object, prop) {
      if (typeof prop === 'symbol' || prop === '__esModule' || prop === 'default' || prop === 'then') {
        return object[prop];
      }
      if (!(prop in object)) throw new Error(name + '.' + String(prop) + ' is not offered here');
      return object[prop];
    }
  });
}

// What a vendored module (hexo-util's files, micromatch's bundle) gets for `process` and Node's builtins.
var __process = { platform: 'linux', version: 'v20.0.0', env: {}, cwd: function () { return hexo.base_dir || '/'; } };

function __requireModule(name) {
  var entry = __modules[name];
  if (!entry) throw new Error('no module ' + name);
  if (entry.exports === undefined) {
    var module = { exports: {} };
    var factory = new Function('module', 'exports', 'require', 'process', entry.source);
    factory.call(module.exports, module, module.exports, function (dependency) {
      if (dependency.slice(0, 2) === './') return __requireModule('hexo-util/' + dependency.slice(2));
      return __builtin(dependency) || __requireModule(dependency);
    }, __process);
    entry.exports = module.exports;
  }
  return entry.exports;
}

function __defineModule(name, source) {
  __modules[name] = { source: source, exports: undefined };
  return '""';
}

// --- path (posix) and URL: the parts of Node's a plain script may use ---------------------------

function __normalizeParts(path, allowAboveRoot) {
  var out = [];
  path.split('/').forEach(function (part) {
    if (!part || part === '.') return;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
      return;
    }
    out.push(part);
  });
  return out;
}

var __path = {
  sep: '/',
  delimiter: ':',
  normalize: function (path) {
    if (path === '') return '.';
    var absolute = path.charAt(0) === '/';
    var trailing = path.charAt(path.length - 1) === '/';
    var body = __normalizeParts(path, !absolute).join('/');
    if (!body && !absolute) body = '.';
    if (body && trailing) body += '/';
    return (absolute ? '/' : '') + body;
  },
  join: function () {
    var parts = Array.prototype.slice.call(arguments).filter(function (part) {
      if (typeof part !== 'string') throw new TypeError('The "path" argument must be of type string');
      return part !== '';
    });
    return parts.length ? __path.normalize(parts.join('/')) : '.';
  },
  isAbsolute: function (path) { return path.charAt(0) === '/'; },
  dirname: function (path) {
    if (!path) return '.';
    var trimmed = path.replace(/\/+$/, '');
    if (!trimmed) return '/';
    var at = trimmed.lastIndexOf('/');
    if (at < 0) return '.';
    return trimmed.slice(0, at).replace(/\/+$/, '') || '/';
  },
  basename: function (path, ext) {
    var base = path.replace(/\/+$/, '');
    base = base.slice(base.lastIndexOf('/') + 1);
    if (ext && base !== ext && base.slice(-ext.length) === ext) base = base.slice(0, -ext.length);
    return base;
  },
  extname: function (path) {
    var base = __path.basename(path);
    var at = base.lastIndexOf('.');
    return at <= 0 ? '' : base.slice(at);
  }
};
__path.posix = __path;

function __percentEncode(text, keep) {
  var out = '';
  var bytes = unescape(encodeURIComponent(text));
  for (var i = 0; i < bytes.length; i++) {
    var code = bytes.charCodeAt(i);
    var ch = bytes.charAt(i);
    if (code > 0x7e || code <= 0x20 || keep.indexOf(ch) >= 0) {
      out += '%' + (code < 16 ? '0' : '') + code.toString(16).toUpperCase();
    } else {
      out += ch;
    }
  }
  return out;
}

var __SPECIAL = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21', 'file:': '' };

// WHATWG URL: special (http-like) schemes parsed, resolved and percent-encoded; any other scheme
// (mailto:, data:) kept as its opaque path, with the origin 'null' Node gives it.
function URL(input, base) {
  input = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  var match = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(input);
  this.username = '';
  this.password = '';
  this.hostname = '';
  this.port = '';
  this._opaque = false;
  if (match) {
    this.protocol = match[1].toLowerCase() + ':';
    var rest = match[2];
    if (this.protocol in __SPECIAL) {
      this._authority(rest.replace(/\\/g, '/').replace(/^\/*/, ''));
    } else if (rest.slice(0, 2) === '//') {
      this._authority(rest.slice(2));
    } else {
      this._opaque = true;
      this._setPath(rest);
    }
  } else {
    if (base === undefined) throw new TypeError('Invalid URL');
    var parent = base instanceof URL ? base : new URL(base);
    if (parent._opaque) throw new TypeError('Invalid URL');
    input = input.replace(/\\/g, '/');
    this.protocol = parent.protocol;
    if (input.slice(0, 2) === '//') {
      this._authority(input.slice(2));
    } else {
      this.username = parent.username;
      this.password = parent.password;
      this.hostname = parent.hostname;
      this.port = parent.port;
      this._relative(input, parent);
    }
  }
}

URL.prototype._authority = function (text) {
  var end = text.search(/[/?#]/);
  var authority = end < 0 ? text : text.slice(0, end);
  var at = authority.lastIndexOf('@');
  var credentials = at < 0 ? '' : authority.slice(0, at);
  var hostPort = authority.slice(at + 1);
  this.username = credentials.split(':')[0] || '';
  this.password = credentials.split(':').slice(1).join(':');
  var colon = hostPort.lastIndexOf(':');
  this.hostname = (colon < 0 ? hostPort : hostPort.slice(0, colon)).toLowerCase();
  var port = colon < 0 ? '' : hostPort.slice(colon + 1);
  this.port = port === __SPECIAL[this.protocol] ? '' : port;
  this._setPath(end < 0 ? (this.protocol in __SPECIAL ? '/' : '') : text.slice(end));
};

URL.prototype._relative = function (input, parent) {
  if (input === '') {
    this._setPath(parent.pathname + parent.search);
    return;
  }
  var first = input.charAt(0);
  if (first === '/') return this._setPath(input);
  if (first === '?') return this._setPath(parent.pathname + input);
  if (first === '#') return this._setPath(parent.pathname + parent.search + input);
  var dir = parent.pathname.slice(0, parent.pathname.lastIndexOf('/') + 1);
  this._setPath(dir + input);
};

URL.prototype._setPath = function (text) {
  var hash = text.indexOf('#');
  this._hash = hash < 0 ? '' : __hashOrEmpty(text.slice(hash));
  if (hash >= 0) text = text.slice(0, hash);
  var query = text.indexOf('?');
  this._search = query < 0 || query === text.length - 1 ? '' : __percentEncode(text.slice(query), '"#<>\'');
  if (query >= 0) text = text.slice(0, query);
  this._setPathname(text);
};

URL.prototype._setPathname = function (text) {
  if (this._opaque) {
    this._pathname = __percentEncode(text, '');
    return;
  }
  if (text.charAt(0) !== '/') text = '/' + text;
  var segments = text.split('/').slice(1);
  var out = [];
  segments.forEach(function (segment, index) {
    var lower = segment.toLowerCase();
    var last = index === segments.length - 1;
    if (lower === '..' || lower === '.%2e' || lower === '%2e.' || lower === '%2e%2e') {
      out.pop();
      if (last) out.push('');
    } else if (lower === '.' || lower === '%2e') {
      if (last) out.push('');
    } else {
      out.push(__percentEncode(segment, '"#<>?`{}'));
    }
  });
  this._pathname = '/' + out.join('/');
};

function __hashOrEmpty(hash) {
  return hash.length <= 1 ? '' : __percentEncode(hash, '"<>`');
}

Object.defineProperties(URL.prototype, {
  host: { get: function () { return this.hostname + (this.port ? ':' + this.port : ''); } },
  origin: {
    get: function () { return this.protocol in __SPECIAL && this.protocol !== 'file:' ? this.protocol + '//' + this.host : 'null'; }
  },
  pathname: {
    get: function () { return this._pathname; },
    set: function (value) { if (!this._opaque) this._setPathname(String(value)); }
  },
  search: {
    get: function () { return this._search; },
    set: function (value) {
      value = String(value).replace(/^\?/, '');
      this._search = value === '' ? '' : '?' + __percentEncode(value, '"#<>\'');
    }
  },
  hash: {
    get: function () { return this._hash; },
    set: function (value) { value = String(value).replace(/^#/, ''); this._hash = __hashOrEmpty('#' + value); }
  },
  searchParams: { get: function () { return new URLSearchParams(this._search); } },
  href: {
    get: function () {
      if (this._opaque) return this.protocol + this._pathname + this._search + this._hash;
      var credentials = this.username ? this.username + (this.password ? ':' + this.password : '') + '@' : '';
      return this.protocol + '//' + credentials + this.host + this._pathname + this._search + this._hash;
    }
  }
});
URL.prototype.toString = function () { return this.href; };
URL.prototype.toJSON = function () { return this.href; };

// WHATWG URLSearchParams: application/x-www-form-urlencoded parsing and serialising.
function __formDecode(text) {
  text = text.replace(/\+/g, ' ');
  return text.replace(/(%[0-9a-fA-F]{2})+/g, function (run) {
    try { return decodeURIComponent(run); } catch (error) { return run; }
  });
}

function __formEncode(text) {
  var bytes = unescape(encodeURIComponent(text));
  var out = '';
  for (var i = 0; i < bytes.length; i++) {
    var ch = bytes.charAt(i);
    var code = bytes.charCodeAt(i);
    if (/[A-Za-z0-9*\-._]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += '%' + (code < 16 ? '0' : '') + code.toString(16).toUpperCase();
  }
  return out;
}

function URLSearchParams(init) {
  this._pairs = [];
  var self = this;
  if (init === undefined || init === null) return;
  if (typeof init === 'object') {
    Object.keys(init).forEach(function (key) { self._pairs.push([key, String(init[key])]); });
    return;
  }
  String(init).replace(/^\?/, '').split('&').forEach(function (part) {
    if (!part) return;
    var at = part.indexOf('=');
    var name = at < 0 ? part : part.slice(0, at);
    var value = at < 0 ? '' : part.slice(at + 1);
    self._pairs.push([__formDecode(name), __formDecode(value)]);
  });
}
URLSearchParams.prototype.get = function (name) {
  for (var i = 0; i < this._pairs.length; i++) if (this._pairs[i][0] === name) return this._pairs[i][1];
  return null;
};
URLSearchParams.prototype.has = function (name) { return this.get(name) !== null; };
URLSearchParams.prototype.append = function (name, value) { this._pairs.push([String(name), String(value)]); };
URLSearchParams.prototype.toString = function () {
  return this._pairs.map(function (pair) { return __formEncode(pair[0]) + '=' + __formEncode(pair[1]); }).join('&');
};

// Node's legacy url.parse and url.format (hexo-util's encodeURL and url_for use them).
var __SLASHED = { 'http:': 1, 'https:': 1, 'ftp:': 1, 'gopher:': 1, 'file:': 1, 'ws:': 1, 'wss:': 1 };

function __urlParse(text) {
  var rest = String(text).trim();
  var out = { protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null, hash: null,
    search: null, query: null, pathname: null, path: null, href: '' };
  var proto = /^[a-z0-9.+-]+:/i.exec(rest);
  if (proto) {
    out.protocol = proto[0].toLowerCase();
    rest = rest.slice(proto[0].length);
  }
  var slashes = rest.slice(0, 2) === '//';
  if (slashes && out.protocol !== 'javascript:') {
    rest = rest.slice(2);
    out.slashes = true;
  }
  if (out.protocol !== 'javascript:' && (slashes || (out.protocol && __SLASHED[out.protocol]))) {
    var end = rest.search(/[/?#]/);
    var authority = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end);
    var at = authority.lastIndexOf('@');
    if (at >= 0) {
      out.auth = decodeURIComponent(authority.slice(0, at));
      authority = authority.slice(at + 1);
    }
    var port = /:([0-9]*)$/.exec(authority);
    if (port) {
      if (port[1]) out.port = port[1];
      authority = authority.slice(0, authority.length - port[0].length);
    }
    out.hostname = authority.toLowerCase();
    out.host = out.hostname + (out.port ? ':' + out.port : '');
  }
  var hash = rest.indexOf('#');
  if (hash >= 0) {
    out.hash = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  var query = rest.indexOf('?');
  if (query >= 0) {
    out.search = rest.slice(query);
    out.query = rest.slice(query + 1);
    rest = rest.slice(0, query);
  }
  if (rest) out.pathname = rest;
  if (out.protocol && __SLASHED[out.protocol] && out.hostname && !out.pathname) out.pathname = '/';
  if (out.pathname || out.search) out.path = (out.pathname || '') + (out.search || '');
  out.href = __urlFormat(out);
  return out;
}

function __urlFormat(object, options) {
  if (typeof object === 'string') object = __urlParse(object);
  if (object instanceof URL) {
    options = Object.assign({ auth: true, fragment: true, search: true }, options || {});
    if (object._opaque) return object.protocol + object.pathname + (options.search ? object.search : '') + (options.fragment ? object.hash : '');
    var credentials = options.auth && object.username ? object.username + (object.password ? ':' + object.password : '') + '@' : '';
    return object.protocol + '//' + credentials + object.host + object.pathname + (options.search ? object.search : '') +
      (options.fragment ? object.hash : '');
  }
  var protocol = object.protocol || '';
  var host = object.host || (object.hostname ? object.hostname + (object.port ? ':' + object.port : '') : '');
  var slashes = object.slashes || (__SLASHED[protocol] && host) ? '//' : '';
  var auth = object.auth ? encodeURIComponent(object.auth).replace(/%3A/i, ':') + '@' : '';
  var search = object.search || (object.query ? '?' + object.query : '');
  return protocol + (host || slashes ? slashes : '') + auth + host + (object.pathname || '') + search + (object.hash || '');
}

// Node's querystring.unescape: decodeURIComponent, leaving a malformed escape as it is.
function __queryUnescape(text) {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    return String(text).replace(/(%[0-9a-fA-F]{2})+/g, function (run) {
      try { return decodeURIComponent(run); } catch (inner) { return run; }
    });
  }
}

var __url = { URL: URL, URLSearchParams: URLSearchParams, parse: __urlParse, format: __urlFormat };
var __querystring = { unescape: __queryUnescape, escape: encodeURIComponent };
var __util = {
  inspect: function (value) { try { return JSON.stringify(value); } catch (error) { return String(value); } }
};

function __builtin(name) {
  name = name.replace(/^node:/, '');
  if (name === 'path' || name === 'path/posix') return __path;
  if (name === 'url') return __url;
  if (name === 'querystring') return __querystring;
  if (name === 'util') return __util;
  return null;
}

function __unavailable(name) {
  return new Proxy({}, {
    get: function (object, prop) {
      if (typeof prop === 'symbol' || prop === '__esModule' || prop === 'default' || prop === 'then') return undefined;
      return function () { throw new Error(name + '.' + String(prop) + ' cannot run here (no processes or files)'); };
    }
  });
}

// Files of the site's own tree that Python handed in (scripts/ folders: the scripts, their modules and
// the files beside them, such as a generator's template): what `require('./x')` and `fs` read.
var __localFiles = {};
var __localModules = {};

function __defineLocal(path, text) {
  __localFiles[path] = text;
  return '""';
}

function __sitePath(path) {
  path = String(path);
  if (!__path.isAbsolute(path)) path = __path.join(hexo.base_dir || '/', path);
  return __path.normalize(path);
}

function __localText(path, caller) {
  var resolved = __sitePath(path);
  if (!Object.prototype.hasOwnProperty.call(__localFiles, resolved)) {
    throw new Error(caller + '(' + path + ') is not offered here (only the files beside the site\'s scripts)');
  }
  return __localFiles[resolved];
}

function __bufferOf(text) {
  return { toString: function () { return text; }, length: unescape(encodeURIComponent(text)).length };
}

var __fs = {
  readFileSync: function (path, options) {
    var text = __localText(path, 'fs.readFileSync');
    var encoding = typeof options === 'string' ? options : options && options.encoding;
    return encoding ? text : __bufferOf(text);
  },
  existsSync: function (path) {
    return __localText(path, 'fs.existsSync') !== undefined;
  },
  readFile: function (path, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    var outcome;
    try {
      outcome = [null, __fs.readFileSync(path, options)];
    } catch (error) {
      outcome = [error];
    }
    Promise.resolve().then(function () { callback.apply(null, outcome); });
  }
};

function __loadLocal(file) {
  if (__localModules[file]) return __localModules[file].exports;
  var module = { exports: {}, filename: file };
  __localModules[file] = module;
  var dir = __path.dirname(file);
  var body = new Function('require', 'module', 'exports', '__filename', '__dirname', __localFiles[file] + '\n//# sourceURL=' + file);
  body.call(module.exports, __requireFrom(dir), module, module.exports, file, dir);
  return module.exports;
}

// Node's require as seen from a file in `dir`: a relative name is one of the site's own files.
function __requireFrom(dir) {
  return function (name) {
    if (/^\.{1,2}(\/|$)|^\//.test(name)) {
      var base = __path.isAbsolute(name) ? __path.normalize(name) : __path.join(dir, name);
      var candidates = [base, base + '.js', base + '.json', base + '/index.js'];
      for (var i = 0; i < candidates.length; i++) {
        if (Object.prototype.hasOwnProperty.call(__localFiles, candidates[i])) {
          if (/\.json$/.test(candidates[i])) return JSON.parse(__localFiles[candidates[i]]);
          return __loadLocal(candidates[i]);
        }
      }
      throw new Error('requires ' + name + ' from ' + dir + ', which is not among the site\'s scripts');
    }
    return __require(name);
  };
}

function __require(name) {
  if (name === 'hexo-util') {
    var util = __requireModule('hexo-util/index');
    return __offered('hexo-util', util);
  }
  if (name === 'path' || name === 'node:path') return __path;
  if (name === 'path/posix') return __path;
  if (name === 'url' || name === 'node:url') return __offered('url', __url);
  // Read-only, and only the files Python handed in (__defineLocal).
  if (name === 'fs' || name === 'node:fs') return __offered('fs', __fs);
  // lodash, moment, nunjucks and micromatch themselves (static/), evaluated on the first require.
  if (name === 'lodash' || name === 'moment' || name === 'nunjucks' || name === 'micromatch') return __requireModule(name);
  // A script may require child_process for a helper it never calls (Duanyll's git dates): it
  // loads, and a call fails there, as a warning naming the script.
  if (name === 'child_process' || name === 'node:child_process') return __unavailable(name);
  throw new Error('requires ' + name + ', a Node module not offered here');
}

// --- the hexo object -------------------------------------------------------------------------

var FILTER_ALIASES = { pre: 'before_post_render', post: 'after_post_render', after_render: 'after_render:html' };

function __ignored(kind) {
  return {
    register: function (name) {
      __pending.ignored.push(kind + ': ' + (typeof name === 'string' ? name : '(unnamed)'));
    },
    get: function (name) {
      return function () { throw new Error('hexo.extend.' + kind + '.get(' + name + ') is not offered here'); };
    },
    list: function () { return {}; }
  };
}

var hexo = {
  env: { env: 'production', init: true },
  log: {
    info: function () {},
    debug: function () {},
    warn: function () { __site.logs.push(Array.prototype.join.call(arguments, ' ')); },
    error: function () { __site.logs.push(Array.prototype.join.call(arguments, ' ')); }
  },
  render: {
    renderSync: function (data) {
      var text = String((data && data.text) || '');
      if (__rendered && Object.prototype.hasOwnProperty.call(__rendered, text)) return __rendered[text];
      if (!__needRender) throw new Error('hexo.render.renderSync works inside a tag or filter only');
      __needRender.push(text);
      throw new __NeedRender();
    }
  },
  extend: {
    filter: {
      register: function (type, fn, priority) {
        if (!priority && typeof type === 'function') {
          priority = fn;
          fn = type;
          type = 'after_post_render';
        }
        if (typeof fn !== 'function') throw new TypeError('fn must be a function');
        type = FILTER_ALIASES[type] || type;
        __pending.filters.push({ type: type, fn: fn, priority: priority == null ? 10 : Number(priority) });
      }
    },
    tag: {
      register: function (name, fn, options) {
        if (typeof fn !== 'function') throw new TypeError('fn must be a function');
        if (typeof options === 'boolean') options = { ends: options };
        options = options || {};
        __pending.tags.push({ name: name, fn: fn, ends: Boolean(options.ends), async: Boolean(options.async) });
      }
    },
    helper: __ignored('helper'),
    generator: {
      register: function (name, fn) {
        if (!fn && typeof name === 'function') {
          fn = name;
          name = 'generator-' + ++__generatorSeq;
        }
        if (typeof fn !== 'function') throw new TypeError('fn must be a function');
        __pending.generators.push({ name: String(name), fn: fn });
      }
    },
    injector: __ignored('injector'),
    console: __ignored('console'),
    deployer: __ignored('deployer'),
    migrator: __ignored('migrator'),
    processor: __ignored('processor'),
    renderer: __ignored('renderer')
  }
};

function __configure(json) {
  var site = JSON.parse(json);
  hexo.config = site.config;
  hexo.theme = { config: site.theme_config };
  hexo.base_dir = site.base_dir;
  return '""';
}

function __errorText(error) {
  if (error && error.name && error.message !== undefined) return error.name + ': ' + error.message;
  return String(error);
}

function __loadScript(file, source) {
  __pending = { file: file, filters: [], tags: [], generators: [], ignored: [] };
  try {
    var module = { exports: {} };
    // Hexo's __filename and __dirname are absolute; a script reads the files beside it through them.
    var filename = __sitePath(file);
    var dir = __path.dirname(filename);
    var body = new Function('hexo', 'require', 'module', 'exports', '__filename', '__dirname', source + '\n//# sourceURL=' + file);
    body.call(module.exports, hexo, __requireFrom(dir), module, module.exports, filename, dir);
  } catch (error) {
    __pending = null;
    return JSON.stringify({ error: __errorText(error) });
  }
  var loaded = __pending;
  __pending = null;
  var filters = loaded.filters.map(function (filter) {
    __site.filters.push({ file: file, type: filter.type, fn: filter.fn, priority: filter.priority });
    return { index: __site.filters.length - 1, type: filter.type, priority: filter.priority };
  });
  var tags = loaded.tags.map(function (tag) {
    __site.tags[tag.name] = { file: file, fn: tag.fn, ends: tag.ends };
    return { name: tag.name, ends: tag.ends, async: tag.async };
  });
  // A later registration under a name replaces an earlier one, as in Hexo.
  var generators = loaded.generators.map(function (generator) {
    __site.generators[generator.name] = { file: file, fn: generator.fn };
    return generator.name;
  });
  return JSON.stringify({ filters: filters, tags: tags, generators: generators, ignored: loaded.ignored });
}

// --- async functions --------------------------------------------------------------------------
// An async filter or tag returns a promise. V8 runs the promise jobs once the call from Python
// returns, so one that awaits only other promises has settled by the next call (__settle); one
// that waits on a timer or I/O never does here, and is reported.

var __promises = {};
var __promiseSeq = 0;

function __later(promise, finish, kind) {
  var slot = { done: false, needRender: __needRender, kind: kind };
  promise.then(
    function (value) { slot.done = true; slot.value = finish(value); },
    function (error) { slot.done = true; slot.error = error; }
  );
  __promises[++__promiseSeq] = slot;
  return JSON.stringify({ pending: __promiseSeq });
}

function __settle(id) {
  var slot = __promises[id];
  delete __promises[id];
  if (!slot.done) {
    return JSON.stringify({ error: 'an async ' + slot.kind + ' that waits on a timer or I/O is not run here' });
  }
  if (slot.error instanceof __NeedRender) return JSON.stringify({ render: slot.needRender });
  if (slot.error !== undefined) return JSON.stringify({ error: __errorText(slot.error) });
  return JSON.stringify(slot.value);
}

// --- filters of the post stages ---------------------------------------------------------------

function __runFilter(index, value, post, rendered) {
  var filter = __site.filters[index];
  __rendered = rendered;
  __needRender = [];
  try {
    var result;
    if (filter.type === 'after_render:html') {
      result = filter.fn.call(hexo, value, { path: post.path, context: { page: post } });
      return JSON.stringify({ value: typeof result === 'string' ? result : value });
    }
    var data = Object.assign({}, post, { content: value });
    // The post model's setters a filter may call; what they set goes back with the content.
    var changed = {};
    data.setCategories = function (categories) { changed.categories = categories; return Promise.resolve(); };
    data.setTags = function (tags) { changed.tags = tags; return Promise.resolve(); };
    result = filter.fn.call(hexo, data);
    var filtered = function (result) {
      var out = result === undefined || result === null ? data : result;
      var answer = { value: typeof out === 'string' ? out : String(out.content) };
      if (changed.categories !== undefined) answer.categories = changed.categories;
      if (changed.tags !== undefined) answer.tags = changed.tags;
      return answer;
    };
    if (result && typeof result.then === 'function') return __later(result, filtered, 'filter');
    return JSON.stringify(filtered(result));
  } catch (error) {
    if (error instanceof __NeedRender) return JSON.stringify({ render: __needRender });
    return JSON.stringify({ error: __errorText(error) });
  } finally {
    __rendered = null;
    __needRender = null;
  }
}

// --- tags --------------------------------------------------------------------------------------

function __runTag(name, args, content, page, rendered) {
  var tag = __site.tags[name];
  __rendered = rendered;
  __needRender = [];
  try {
    var html = tag.fn.call(page, args, content === null ? undefined : content);
    var rendered = function (html) {
      return { html: html === undefined || html === null ? '' : String(html) };
    };
    if (html && typeof html.then === 'function') return __later(html, rendered, 'tag');
    return JSON.stringify(rendered(html));
  } catch (error) {
    if (error instanceof __NeedRender) return JSON.stringify({ render: __needRender });
    return JSON.stringify({ error: __errorText(error) });
  } finally {
    __rendered = null;
    __needRender = null;
  }
}

// --- marked:renderer and marked:tokenizer ------------------------------------------------------
// hexo-renderer-marked hands these filters its renderer and tokenizer objects on every render; a
// filter sets methods on them. Here the objects' own methods stand for hexo-renderer-marked's and
// marked's, answered by Python's rendering of the token (`__default`); the methods a filter
// replaced are called with a token built from markdown-it's.

var RENDERER_METHODS = ['space', 'code', 'blockquote', 'html', 'heading', 'hr', 'list', 'listitem', 'checkbox',
  'paragraph', 'table', 'tablerow', 'tablecell', 'strong', 'em', 'codespan', 'br', 'del', 'link', 'image', 'text'];
var TOKENIZER_METHODS = ['space', 'code', 'fences', 'heading', 'hr', 'blockquote', 'list', 'html', 'def', 'table',
  'lheading', 'paragraph', 'text', 'escape', 'tag', 'link', 'reflink', 'emStrong', 'codespan', 'br', 'del',
  'autolink', 'url', 'inlineText'];

function __defaultMethod(name) {
  var method = function (token) {
    if (token && token.__default !== undefined) return token.__default;
    throw new Error('the original renderer.' + name + ' is not offered here');
  };
  method.__original = true;
  return method;
}

function __defaultTokenizer(name) {
  var method = function () { return undefined; };
  method.__original = true;
  return method;
}

var __textRenderer = { __text: true };

function __markedOptions(headingId) {
  return Object.assign({ headerIds: true }, hexo.config.marked || {}, { hexo: hexo, _headingId: headingId });
}

// hexo-renderer-marked's renderer and tokenizer are module-level objects: each render's filters set
// methods on what the last render's left, so a filter wrapping `renderer.link` wraps its own wrapper.
var __renderer = null;
var __tokenizer = null;

function __beginRender() {
  var id = ++__renderSeq;
  // Renders are sequential; an old one is never asked again.
  delete __renders[id - 8];
  if (__renderer === null) {
    __renderer = {};
    __tokenizer = {};
    RENDERER_METHODS.forEach(function (name) { __renderer[name] = __defaultMethod(name); });
    TOKENIZER_METHODS.forEach(function (name) { __tokenizer[name] = __defaultTokenizer(name); });
  }
  var renderer = __renderer;
  var tokenizer = __tokenizer;
  var errors = [];
  var ignored = [];
  var stages = { 'marked:renderer': renderer, 'marked:tokenizer': tokenizer };
  __site.filters
    .map(function (filter, index) { return { filter: filter, index: index }; })
    .filter(function (item) { return item.filter.type in stages; })
    .sort(function (a, b) { return a.filter.priority - b.filter.priority || a.index - b.index; })
    .forEach(function (item) {
      try {
        item.filter.fn.call(hexo, stages[item.filter.type]);
      } catch (error) {
        errors.push({ file: item.filter.file, message: __errorText(error) });
      }
    });
  var overridden = function (object) {
    return Object.keys(object).filter(function (name) {
      return typeof object[name] === 'function' && !object[name].__original;
    });
  };
  var options = __markedOptions({});
  var parser = {
    textRenderer: __textRenderer,
    parseInline: function (tokens, with_) {
      if (tokens && tokens.__html !== undefined) return with_ === __textRenderer ? tokens.__text : tokens.__html;
      return (tokens || []).map(function (token) { return token.text || ''; }).join('');
    },
    parse: function (tokens) {
      if (tokens && tokens.__html !== undefined) return tokens.__html;
      return (tokens || []).map(function (token) { return token.text || ''; }).join('');
    }
  };
  __renders[id] = {
    renderer: renderer,
    tokenizer: tokenizer,
    rendererThis: { options: options, parser: parser },
    tokenizerThis: {
      options: options,
      rules: { inline: { text: /^[\s\S]+/, url: /^(?!)/ }, block: {} },
      lexer: { state: { inLink: false, inRawBlock: false, top: true }, options: options }
    }
  };
  return JSON.stringify({ id: id, renderer: overridden(renderer), tokenizer: overridden(tokenizer), errors: errors, ignored: ignored });
}

function __children(html, text, source) {
  var tokens = [{ type: 'text', raw: source, text: source }];
  Object.defineProperty(tokens, '__html', { value: html });
  Object.defineProperty(tokens, '__text', { value: text });
  return tokens;
}

function __callRenderer(id, name, fields) {
  var render = __renders[id];
  var token = Object.assign({}, fields.token);
  if (fields.inline) token.tokens = __children(fields.inline.html, fields.inline.text, token.text || '');
  Object.defineProperty(token, '__default', { value: fields.default });
  try {
    var html = render.renderer[name].call(render.rendererThis, token);
    if (html === false) return JSON.stringify({ fallback: true });
    return JSON.stringify({ html: html ? String(html) : '' });
  } catch (error) {
    return JSON.stringify({ error: __errorText(error) });
  }
}

function __inlineTexts(id, items) {
  // One call per render for all its text: a V8 round trip per text token would be most of the time.
  var render = __renders[id];
  var state = render.tokenizerThis.lexer.state;
  var error = null;
  var out = items.map(function (item) {
    if (error) return null;
    state.inRawBlock = item.raw;
    try {
      var token = render.tokenizer.inlineText.call(render.tokenizerThis, item.src);
      if (!token || token.type !== 'text') return null;
      return String(token.text);
    } catch (caught) {
      error = __errorText(caught);
      return null;
    }
  });
  return JSON.stringify({ texts: out, error: error });
}

// --- generators -------------------------------------------------------------------------------
// A generator gets Hexo's locals: posts, pages, tags and categories as warehouse Query objects of
// documents, whose dates are moment objects in the machine's zone (as Hexo's post.date is).

function Query(data) {
  this.data = data;
  this.length = data.length;
}

function __sortKeys(orderby, order) {
  var keys = [];
  if (typeof orderby === 'string') {
    if (order !== undefined) {
      keys.push([orderby, order]);
    } else {
      orderby.split(' ').forEach(function (key) {
        if (!key) return;
        if (key.charAt(0) === '-') keys.push([key.slice(1), -1]);
        else keys.push([key, 1]);
      });
    }
  } else if (orderby && typeof orderby === 'object') {
    Object.keys(orderby).forEach(function (key) { keys.push([key, orderby[key]]); });
  }
  return keys.map(function (pair) {
    var direction = pair[1];
    var down = direction === -1 || direction === '-1' || direction === 'desc' || direction === 'descending';
    return { key: pair[0], direction: down ? -1 : 1 };
  });
}

// warehouse's SchemaType compare: a missing value sorts first; moments and dates by time.
function __compare(a, b) {
  if (a === b) return 0;
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  if (b === undefined || b === null) return 1;
  var left = typeof a === 'object' ? a.valueOf() : a;
  var right = typeof b === 'object' ? b.valueOf() : b;
  if (left > right) return 1;
  if (left < right) return -1;
  return 0;
}

function __matches(item, query) {
  return Object.keys(query || {}).every(function (key) {
    var wanted = query[key];
    var value = item[key];
    if (wanted && typeof wanted === 'object' && !Array.isArray(wanted)) {
      return Object.keys(wanted).every(function (op) {
        var operand = wanted[op];
        if (op === '$ne') return value !== operand;
        if (op === '$in') return operand.indexOf(value) >= 0;
        if (op === '$nin') return operand.indexOf(value) < 0;
        if (op === '$exists') return (value !== undefined) === Boolean(operand);
        if (op === '$lt') return __compare(value, operand) < 0;
        if (op === '$lte') return __compare(value, operand) <= 0;
        if (op === '$gt') return __compare(value, operand) > 0;
        if (op === '$gte') return __compare(value, operand) >= 0;
        throw new Error('Query.find: ' + op + ' is not offered here');
      });
    }
    if (value && typeof value === 'object' && typeof value.valueOf() !== 'object') return __compare(value, wanted) === 0;
    return value === wanted;
  });
}

Query.prototype = {
  toArray: function () { return this.data.slice(); },
  count: function () { return this.data.length; },
  forEach: function (fn) { this.data.forEach(function (item, i) { fn(item, i); }); return this; },
  map: function (fn) { return this.data.map(function (item, i) { return fn(item, i); }); },
  filter: function (fn) { return new Query(this.data.filter(function (item, i) { return fn(item, i); })); },
  every: function (fn) { return this.data.every(function (item, i) { return fn(item, i); }); },
  some: function (fn) { return this.data.some(function (item, i) { return fn(item, i); }); },
  reduce: function () { return Array.prototype.reduce.apply(this.data, arguments); },
  reduceRight: function () { return Array.prototype.reduceRight.apply(this.data, arguments); },
  indexOf: function (item) { return this.data.indexOf(item); },
  slice: function (start, end) { return new Query(this.data.slice(start, end)); },
  limit: function (count) { return new Query(this.data.slice(0, count)); },
  skip: function (count) { return new Query(this.data.slice(count)); },
  reverse: function () { return new Query(this.data.slice().reverse()); },
  eq: function (i) { return i < 0 ? this.data[this.data.length + i] : this.data[i]; },
  first: function () { return this.data[0]; },
  last: function () { return this.data[this.data.length - 1]; },
  find: function (query, options) {
    var found = this.data.filter(function (item) { return __matches(item, query); });
    if (options && options.limit) found = found.slice(0, options.limit);
    return new Query(found);
  },
  findOne: function (query) { return this.find(query).first(); },
  sort: function (orderby, order) {
    var keys = __sortKeys(orderby, order);
    var sorted = this.data.slice().sort(function (a, b) {
      for (var i = 0; i < keys.length; i++) {
        var outcome = __compare(a[keys[i].key], b[keys[i].key]);
        if (outcome) return outcome * keys[i].direction;
      }
      return 0;
    });
    return new Query(sorted);
  },
  toJSON: function () { return this.data; }
};
Query.prototype.each = Query.prototype.forEach;
Query.prototype.size = Query.prototype.count;
Query.prototype[Symbol.iterator] = function () { return this.data[Symbol.iterator](); };

var __locals = null;

function __setLocals(json) {
  var site = JSON.parse(json);
  var moment = __requireModule('moment');
  var taxa = function (list) {
    return list.map(function (entry) { return Object.assign({}, entry.fields, { _posts: entry.posts }); });
  };
  var tags = taxa(site.tags);
  var categories = taxa(site.categories);
  var documents = site.documents.map(function (entry) {
    var doc = Object.assign({}, entry.fields);
    doc.date = moment(entry.date);
    doc.updated = entry.updated ? moment(entry.updated) : undefined;
    doc._tags = entry.tags;
    doc._categories = entry.categories;
    return doc;
  });
  documents.forEach(function (doc) {
    doc.tags = new Query(doc._tags.map(function (i) { return tags[i]; }));
    doc.categories = new Query(doc._categories.map(function (i) { return categories[i]; }));
    delete doc._tags;
    delete doc._categories;
  });
  tags.concat(categories).forEach(function (taxon) {
    taxon.posts = new Query(taxon._posts.map(function (i) { return documents[i]; }));
    taxon.length = taxon.posts.length;
    delete taxon._posts;
  });
  var isPost = function (doc, i) { return i < site.post_count; };
  __locals = {
    posts: new Query(documents.filter(isPost)),
    pages: new Query(documents.filter(function (doc, i) { return !isPost(doc, i); })),
    tags: new Query(tags),
    categories: new Query(categories),
    data: {}
  };
  return '""';
}

function __routesOf(result) {
  // Hexo concatenates each generator's return value into its routes.
  var list = [].concat(result === undefined || result === null ? [] : result);
  var routes = [];
  var layouts = [];
  list.forEach(function (route) {
    if (!route) return;
    if (route.layout) {
      layouts.push(String(route.path));
      return;
    }
    var data = route.data;
    if (typeof data === 'function') data = data();
    if (data && typeof data.then === 'function') throw new Error('a route whose data is a promise is not offered here');
    if (data === undefined || data === null) data = '';
    else if (typeof data === 'object' && typeof data.toString === 'function' && data.toString !== Object.prototype.toString) data = data.toString();
    else if (typeof data === 'object') data = JSON.stringify(data);
    routes.push({ path: String(route.path), data: String(data) });
  });
  return { routes: routes, layouts: layouts };
}

function __safeRoutesOf(result) {
  try {
    return __routesOf(result);
  } catch (error) {
    return { error: __errorText(error) };
  }
}

function __runGenerator(name) {
  var generator = __site.generators[name];
  try {
    var result = generator.fn.call(hexo, __locals);
    if (result && typeof result.then === 'function') return __later(result, __safeRoutesOf, 'generator');
    return JSON.stringify(__safeRoutesOf(result));
  } catch (error) {
    return JSON.stringify({ error: __errorText(error) });
  }
}

__modules['hexo-util/index'] = {
  source: "module.exports = { escapeHTML: require('./escape_html'), unescapeHTML: require('./unescape_html'), " +
    "stripHTML: require('./strip_html'), slugize: require('./slugize'), " +
    "escapeDiacritic: require('./escape_diacritic'), escapeRegExp: require('./escape_regexp'), " +
    "encodeURL: require('./encode_url'), decodeURL: require('./decode_url'), url_for: require('./url_for'), " +
    "full_url_for: require('./full_url_for'), relative_url: require('./relative_url'), " +
    "prettyUrls: require('./pretty_urls'), Cache: require('./cache') };",
  exports: undefined
};
