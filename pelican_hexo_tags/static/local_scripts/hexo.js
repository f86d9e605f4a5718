// The `hexo` a Hexo site's own scripts (scripts/*.js, themes/NAME/scripts/**/*.js) see, in an embedded V8.
// Written for pelican_hexo_tags (local_scripts.py); not from any npm package.
// Every call from Python returns a JSON string: mini-racer's mapped JS objects are not needed, and plain
// strings keep the bridge's types obvious.
'use strict';

var __site = { filters: [], tags: {}, ignored: [], logs: [] };
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

function __requireModule(name) {
  var entry = __modules[name];
  if (!entry) throw new Error('no module ' + name);
  if (entry.exports === undefined) {
    var module = { exports: {} };
    var factory = new Function('module', 'exports', 'require', entry.source);
    factory(module, module.exports, function (dependency) {
      return __requireModule(dependency.replace(/^\.\//, 'hexo-util/'));
    });
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

// WHATWG URL for special (http-like) schemes: parsing, relative resolution, percent-encoding.
function URL(input, base) {
  input = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
  var match = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(input);
  var rest;
  if (match) {
    this.protocol = match[1].toLowerCase() + ':';
    rest = match[2].replace(/^\/*/, '//');
    this._authority(rest.slice(2));
  } else {
    if (base === undefined) throw new TypeError('Invalid URL');
    var parent = base instanceof URL ? base : new URL(base);
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
  var defaults = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };
  this.port = port === defaults[this.protocol] ? '' : port;
  this._setPath(end < 0 ? '/' : text.slice(end), null);
};

URL.prototype._relative = function (input, parent) {
  if (input === '') {
    this._setPath(parent.pathname + parent.search, null);
    return;
  }
  var first = input.charAt(0);
  if (first === '/') return this._setPath(input, null);
  if (first === '?') return this._setPath(parent.pathname + input, null);
  if (first === '#') return this._setPath(parent.pathname + parent.search + input, null);
  var dir = parent.pathname.slice(0, parent.pathname.lastIndexOf('/') + 1);
  this._setPath(dir + input, null);
};

URL.prototype._setPath = function (text) {
  var hash = text.indexOf('#');
  this.hash = hash < 0 ? '' : __hashOrEmpty(text.slice(hash));
  if (hash >= 0) text = text.slice(0, hash);
  var query = text.indexOf('?');
  this.search = query < 0 || query === text.length - 1 ? '' : __percentEncode(text.slice(query), '"#<>\'');
  if (query >= 0) text = text.slice(0, query);
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
  this.pathname = '/' + out.join('/');
};

function __hashOrEmpty(hash) {
  return hash.length <= 1 ? '' : __percentEncode(hash, '"<>`');
}

Object.defineProperties(URL.prototype, {
  host: { get: function () { return this.hostname + (this.port ? ':' + this.port : ''); } },
  origin: { get: function () { return this.protocol + '//' + this.host; } },
  href: {
    get: function () {
      var credentials = this.username ? this.username + (this.password ? ':' + this.password : '') + '@' : '';
      return this.protocol + '//' + credentials + this.host + this.pathname + this.search + this.hash;
    }
  }
});
URL.prototype.toString = function () { return this.href; };
URL.prototype.toJSON = function () { return this.href; };

function __unavailable(name) {
  return new Proxy({}, {
    get: function (object, prop) {
      if (typeof prop === 'symbol' || prop === '__esModule' || prop === 'default' || prop === 'then') return undefined;
      return function () { throw new Error(name + '.' + String(prop) + ' cannot run here (no processes or files)'); };
    }
  });
}

function __require(name) {
  if (name === 'hexo-util') {
    var util = __requireModule('hexo-util/index');
    return __offered('hexo-util', util);
  }
  if (name === 'path' || name === 'node:path') return __path;
  if (name === 'path/posix') return __path;
  if (name === 'url' || name === 'node:url') return __offered('url', { URL: URL });
  // lodash and moment themselves (static/), evaluated on the first require: pure JavaScript.
  if (name === 'lodash') return __requireModule('lodash');
  if (name === 'moment') return __requireModule('moment');
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
    generator: __ignored('generator'),
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
  __pending = { file: file, filters: [], tags: [], ignored: [] };
  try {
    var module = { exports: {} };
    var dir = file.slice(0, file.lastIndexOf('/') + 1) || '.';
    var body = new Function('hexo', 'require', 'module', 'exports', '__filename', '__dirname', source + '\n//# sourceURL=' + file);
    body.call(module.exports, hexo, __require, module, module.exports, file, dir);
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
  return JSON.stringify({ filters: filters, tags: tags, ignored: loaded.ignored });
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

__modules['hexo-util/index'] = {
  source: "module.exports = { escapeHTML: require('./escape_html'), unescapeHTML: require('./unescape_html'), " +
    "stripHTML: require('./strip_html'), slugize: require('./slugize'), " +
    "escapeDiacritic: require('./escape_diacritic'), escapeRegExp: require('./escape_regexp') };",
  exports: undefined
};
