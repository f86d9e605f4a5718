/* pelican-hexo-tags theme: the search page, over the index the site's generators write (search.xml,
   search.json, Fluid's local-search.xml). Written for this project (MIT, as the plugin). No dependencies. */
(function () {
  "use strict";
  var page = document.querySelector(".search-page[data-index]");
  if (!page) return;
  var form = page.querySelector(".search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
  var indexUrl = new URL(page.getAttribute("data-index"), location.href).href;

  // More than a page of results says the words are too common; the count tells how many matched.
  var SHOWN = 50;
  // Characters of text kept before and after the first match in a result's snippet.
  var BEFORE = 30;
  var AFTER = 100;
  var WAIT = 200;

  var WORDS = zh ? {
    loading: "正在载入搜索索引…",
    failed: "搜索索引载入失败，请稍后再试。",
    empty: function (n) { return "输入关键词，搜索全部 " + n + " 篇文章。"; },
    found: function (n, q) { return "找到 " + n + " 篇与“" + q + "”相关的文章。"; },
    capped: function (n) { return "显示前 " + n + " 篇。"; },
    none: function (q) { return "没有找到与“" + q + "”相关的文章。"; }
  } : {
    loading: "Loading the search index…",
    failed: "The search index could not be loaded; try again later.",
    empty: function (n) { return "Type a word to search all " + n + (n === 1 ? " post." : " posts."); },
    found: function (n, q) { return n + (n === 1 ? " post" : " posts") + " found for “" + q + "”."; },
    capped: function (n) { return "The first " + n + " are shown."; },
    none: function (q) { return "No posts found for “" + q + "”."; }
  };

  function say(state, text) {
    page.setAttribute("data-state", state);
    status.textContent = text;
  }

  // --- the index: entries of {title, href, text, taxa}, whatever format it came in.

  var BLOCKS = "p, div, br, li, dt, dd, tr, td, th, pre, blockquote, figure, figcaption, h1, h2, h3, h4, h5, h6, section";
  var parser = new DOMParser();

  // HTML (or text with entities) as the text a reader reads; block ends keep their words apart.
  function plain(value) {
    var text = value == null ? "" : String(value);
    if (/[<&]/.test(text)) {
      var doc = parser.parseFromString(text, "text/html");
      doc.querySelectorAll("script, style, template, noscript, td.gutter").forEach(function (node) { node.remove(); });
      doc.querySelectorAll(BLOCKS).forEach(function (node) { node.after(" "); });
      text = doc.body ? doc.body.textContent : "";
    }
    return text.replace(/\s+/g, " ").trim();
  }

  function names(values) {
    return (Array.isArray(values) ? values : values ? [values] : []).map(function (value) {
      return typeof value === "string" ? value : value && value.name ? String(value.name) : "";
    }).filter(Boolean);
  }

  function fromXml(text) {
    var doc = parser.parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error("the index is not well-formed XML");
    return Array.prototype.map.call(doc.getElementsByTagName("entry"), function (entry) {
      function first(name) {
        var node = entry.getElementsByTagName(name)[0];
        return node ? node.textContent : "";
      }
      function every(name) {
        return Array.prototype.map.call(entry.getElementsByTagName(name), function (node) { return node.textContent.trim(); });
      }
      var link = entry.getElementsByTagName("link")[0];
      return {
        title: first("title"),
        url: first("url").trim() || (link && link.getAttribute("href")) || "",
        content: first("content"),
        categories: every("category"),
        tags: every("tag")
      };
    });
  }

  function fromJson(text) {
    var data = JSON.parse(text);
    if (Array.isArray(data)) return data;
    // Other generators wrap the list: {posts: [...], pages: [...]}.
    return [].concat(data && data.posts || [], data && data.pages || []);
  }

  function prepare(raw) {
    var href = String(raw.url || raw.path || raw.permalink || "");
    try { href = new URL(href, indexUrl).href; } catch (e) { /* kept as written */ }
    var path = href;
    try { path = decodeURI(new URL(href).pathname); } catch (e) { /* kept as written */ }
    var text = plain(raw.content || raw.text || "");
    return {
      title: plain(raw.title) || path,
      href: href,
      path: path,
      text: text,
      taxa: names(raw.categories).concat(names(raw.tags)).join(" · ")
    };
  }

  // --- matching: every word of the query, anywhere (a substring, so Chinese needs no word splitting).

  function escaped(word) {
    return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function words(query) {
    return query.trim().split(/\s+/).filter(Boolean);
  }

  function score(entry, patterns) {
    var total = 0;
    for (var i = 0; i < patterns.length; i++) {
      var inTitle = patterns[i].test(entry.title);
      var inTaxa = patterns[i].test(entry.taxa);
      var inText = patterns[i].test(entry.text);
      if (!inTitle && !inTaxa && !inText) return 0;
      total += (inTitle ? 4 : 0) + (inTaxa ? 2 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  // ``text`` with each match of ``pattern`` (global) in a <mark>.
  function marked(text, pattern) {
    var fragment = document.createDocumentFragment();
    var at = 0;
    var match;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(text))) {
      if (match.index > at) fragment.appendChild(document.createTextNode(text.slice(at, match.index)));
      var mark = document.createElement("mark");
      mark.textContent = match[0];
      fragment.appendChild(mark);
      at = match.index + match[0].length;
    }
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  function snippet(text, pattern) {
    pattern.lastIndex = 0;
    var match = pattern.exec(text);
    var start = match ? Math.max(0, match.index - BEFORE) : 0;
    var end = Math.min(text.length, (match ? match.index : 0) + AFTER);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function show(found, pattern) {
    list.textContent = "";
    found.slice(0, SHOWN).forEach(function (entry) {
      var item = document.createElement("li");
      item.className = "search-result";
      var link = document.createElement("a");
      link.className = "search-result-title";
      link.href = entry.href;
      link.appendChild(marked(entry.title, pattern));
      item.appendChild(link);
      var where = document.createElement("p");
      where.className = "search-result-meta";
      where.textContent = entry.path + (entry.taxa ? " · " + entry.taxa : "");
      item.appendChild(where);
      if (entry.text) {
        var excerpt = document.createElement("p");
        excerpt.className = "search-result-snippet";
        excerpt.appendChild(marked(snippet(entry.text, pattern), pattern));
        item.appendChild(excerpt);
      }
      list.appendChild(item);
    });
  }

  var entries = null;
  var failed = false;

  function remember(query) {
    var address = new URL(location.href);
    if (query) address.searchParams.set("q", query);
    else address.searchParams.delete("q");
    history.replaceState(null, "", address.pathname + address.search + address.hash);
  }

  function run() {
    var query = input.value.trim();
    remember(query);
    if (failed) return;
    if (!entries) { say("loading", WORDS.loading); return; }
    var chosen = words(query);
    if (!chosen.length) {
      list.textContent = "";
      say("empty", WORDS.empty(entries.length));
      return;
    }
    var patterns = chosen.map(function (word) { return new RegExp(escaped(word), "iu"); });
    // Longest first, so that of two words one of which holds the other, the longer is marked whole.
    var longest = chosen.slice().sort(function (a, b) { return b.length - a.length; });
    var all = new RegExp(longest.map(escaped).join("|"), "giu");
    var found = [];
    entries.forEach(function (entry, order) {
      var points = score(entry, patterns);
      if (points) found.push({ entry: entry, points: points, order: order });
    });
    // Best first; the index's own order (newest first) among equals.
    found.sort(function (a, b) { return b.points - a.points || a.order - b.order; });
    show(found.map(function (hit) { return hit.entry; }), all);
    if (!found.length) say("none", WORDS.none(query));
    else say("found", WORDS.found(found.length, query) + (found.length > SHOWN ? " " + WORDS.capped(SHOWN) : ""));
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, WAIT);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });

  // Arrow keys go from the field through the results and back.
  page.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a.search-result-title"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    if (document.activeElement === input) at = -1;
    else if (at < 0) return;
    var next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (next >= links.length) return;
    event.preventDefault();
    (next < 0 ? input : links[next]).focus();
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  input.focus();
  say("loading", WORDS.loading);
  fetch(indexUrl, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.text();
    })
    .then(function (text) {
      var raw = text.trim().charAt(0) === "<" ? fromXml(text) : fromJson(text);
      entries = raw.filter(function (entry) { return entry && (entry.title || entry.url); }).map(prepare);
      run();
    })
    .catch(function (error) {
      failed = true;
      say("error", WORDS.failed);
      if (window.console) console.warn("search index " + indexUrl + ": " + error.message);
    });
})();
