/* pelican-hexo-tags theme: written for this project (MIT, as the plugin). No dependencies. */
(function () {
  "use strict";
  var root = document.documentElement;
  var STORE = "hexo-theme-mode";
  var zh = (root.lang || "").toLowerCase().indexOf("zh") === 0;

  // --- dark mode: the system's preference until the reader picks, then the pick, kept across pages.
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var chosen = root.getAttribute("data-theme");
    return chosen ? chosen === "dark" : !!(systemDark && systemDark.matches);
  }
  var toggle = document.querySelector(".theme-toggle");
  function showMode() {
    if (toggle) toggle.setAttribute("aria-pressed", isDark() ? "true" : "false");
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var mode = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", mode);
      try { localStorage.setItem(STORE, mode); } catch (e) { /* private mode: this page only */ }
      showMode();
    });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", showMode);
    showMode();
  }

  // --- the phone menu.
  var rail = document.querySelector(".rail");
  var menuButton = document.querySelector(".menu-toggle");
  if (rail && menuButton) {
    menuButton.addEventListener("click", function () {
      var open = rail.classList.toggle("menu-open");
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // --- the current page in the menu.
  var here = location.pathname.replace(/index\.html$/, "");
  document.querySelectorAll(".rail-menu a[href]").forEach(function (link) {
    var path = new URL(link.href, location.href).pathname.replace(/index\.html$/, "");
    if (path === here || (path.length > 1 && here.indexOf(path) === 0)) link.setAttribute("aria-current", "page");
  });

  // --- table of contents: open beside the post on wide screens, the heading being read marked.
  var toc = document.getElementById("toc");
  var links = toc ? Array.prototype.slice.call(toc.querySelectorAll("a.toc-link")) : [];
  var targets = links.map(function (link) { return document.getElementById(link.getAttribute("data-target")); });
  var wide = window.matchMedia ? window.matchMedia("(min-width: 1200px)") : null;
  if (toc && wide && wide.matches) toc.open = true;
  if (toc) {
    toc.querySelector("summary").addEventListener("click", function (event) {
      // Beside the post the list is always shown; its title is not a switch there.
      if (wide && wide.matches) event.preventDefault();
    });
  }
  var current = null;
  function markHeading() {
    // The last heading whose top has passed a little below the top of the window.
    var line = Math.min(120, window.innerHeight / 3);
    var found = -1;
    for (var i = 0; i < targets.length; i++) {
      if (targets[i] && targets[i].getBoundingClientRect().top <= line) found = i;
    }
    var link = found >= 0 ? links[found] : null;
    if (link === current) return;
    if (current) { current.classList.remove("active"); current.removeAttribute("aria-current"); }
    current = link;
    if (link) {
      link.classList.add("active");
      link.setAttribute("aria-current", "location");
      var box = toc.getBoundingClientRect();
      var at = link.getBoundingClientRect();
      if (at.top < box.top || at.bottom > box.bottom) toc.scrollTop += at.top - box.top - box.height / 2;
    }
  }

  // --- back to top.
  var up = document.querySelector(".back-to-top");
  if (up) {
    up.addEventListener("click", function () {
      window.scrollTo({ top: 0, behavior: "smooth" });
    });
  }

  // --- inline math wider than the column: only those scroll, so the rest keep their baseline.
  var formulas = document.querySelectorAll(
    ":is(.post-body, .post-excerpt) :is(span.math.inline, p .katex, li .katex)"
  );
  function markWideFormulas() {
    for (var i = 0; i < formulas.length; i++) {
      var formula = formulas[i];
      formula.classList.remove("math-wide");
      var room = formula.parentElement ? formula.parentElement.clientWidth : 0;
      if (room && formula.getBoundingClientRect().width > room) formula.classList.add("math-wide");
    }
  }
  if (formulas.length) {
    markWideFormulas();
    window.addEventListener("load", markWideFormulas);
  }

  var pending = false;
  function onScroll() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      if (links.length) markHeading();
      if (up) up.hidden = window.scrollY < 400;
    });
  }
  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", onScroll);
  if (formulas.length) window.addEventListener("resize", markWideFormulas);
  onScroll();

  // --- a copy button on every code block.
  function codeText(block) {
    var code = block.querySelector("td.code") || block.querySelector("pre") || block;
    var lines = code.querySelectorAll(".line");
    if (lines.length) {
      return Array.prototype.map.call(lines, function (line) { return line.textContent; }).join("\n");
    }
    return code.textContent;
  }
  function copied(button, ok) {
    button.textContent = ok ? (zh ? "已复制" : "Copied") : (zh ? "复制失败" : "Failed");
    button.classList.add("copied");
    setTimeout(function () {
      button.textContent = zh ? "复制" : "Copy";
      button.classList.remove("copied");
    }, 1500);
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  document.querySelectorAll(".post-body figure.highlight, .post-body > pre").forEach(function (block) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "code-copy";
    button.textContent = zh ? "复制" : "Copy";
    button.setAttribute("aria-label", zh ? "复制代码" : "Copy code");
    button.addEventListener("click", function () {
      var text = codeText(block);
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { copied(button, true); },
          function () { copied(button, fallbackCopy(text)); }
        );
      } else {
        copied(button, fallbackCopy(text));
      }
    });
    block.appendChild(button);
  });

  // --- names for what Hexo's markup leaves unnamed: the markup stays Hexo's, the page gets the words.
  var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
  document.querySelectorAll("iframe:not([title])").forEach(function (frame) {
    var host = "";
    try { host = new URL(frame.src, location.href).hostname; } catch (e) { host = ""; }
    frame.title = (zh ? "嵌入的内容" : "Embedded content") + (host ? " (" + host + ")" : "");
  });
  document.querySelectorAll("a[href^='#']").forEach(function (link) {
    if (link.textContent.trim() || link.getAttribute("aria-label") || link.getAttribute("title") || link.querySelector("img, svg")) return;
    var heading = link.closest("h1, h2, h3, h4, h5, h6");
    var text = heading ? heading.textContent.trim() : link.getAttribute("href").slice(1);
    link.setAttribute("aria-label", (zh ? "本节链接：" : "Link to this section: ") + text);
  });

  // --- a wide table or formula scrolls inside itself: a keyboard reaches it only with a tab stop.
  function focusableScrollers() {
    document.querySelectorAll(".post-body table, .post-body .katex-display, .post-body pre, .post-body .math-wide").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-scroll-tabstop", "");
      } else if (!scrolls && box.hasAttribute("data-scroll-tabstop")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-scroll-tabstop");
      }
    });
  }
  focusableScrollers();
  window.addEventListener("resize", focusableScrollers);
})();
