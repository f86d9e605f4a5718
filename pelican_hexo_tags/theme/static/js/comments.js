/* pelican-hexo-tags theme: written for this project (MIT, as the plugin). No dependencies.
   Loads each comment service's embed (kept inert in a <template> by _comments.html) once the
   comments come near the viewport, so a reader who never scrolls there asks no other host
   for anything. */
(function () {
  "use strict";
  var root = document.documentElement;
  var section = document.querySelector("section.comments");
  if (!section) return;
  var services = Array.prototype.slice.call(section.querySelectorAll("[data-comments-service]"));
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function isDark() {
    var chosen = root.getAttribute("data-theme");
    return chosen ? chosen === "dark" : !!(systemDark && systemDark.matches);
  }
  function themeOf(service) {
    return isDark() ? service.getAttribute("data-theme-dark") : service.getAttribute("data-theme-light");
  }

  // A script parsed inside a <template> never runs once moved; a new one made here does.
  function fresh(old, service) {
    var script = document.createElement("script");
    for (var i = 0; i < old.attributes.length; i++) script.setAttribute(old.attributes[i].name, old.attributes[i].value);
    var themeAttribute = service.getAttribute("data-theme-attribute");
    if (themeAttribute && script.src) script.setAttribute(themeAttribute, themeOf(service));
    script.text = old.text;
    return script;
  }

  // In order, each external client loaded before the inline call that uses it.
  function runInOrder(scripts, service, at) {
    if (at >= scripts.length) return;
    var script = fresh(scripts[at], service);
    if (script.src && !script.hasAttribute("async")) {
      script.async = false;
      script.addEventListener("load", function () { runInOrder(scripts, service, at + 1); });
      service.appendChild(script);
    } else {
      service.appendChild(script);
      runInOrder(scripts, service, at + 1);
    }
  }

  function load(service) {
    if (service.hasAttribute("data-comments-loaded")) return;
    service.setAttribute("data-comments-loaded", "");
    var template = service.querySelector("template.comments-embed");
    if (!template) return;
    var content = document.importNode(template.content, true);
    var scripts = Array.prototype.slice.call(content.querySelectorAll("script"));
    scripts.forEach(function (script) { script.parentNode.removeChild(script); });
    template.parentNode.replaceChild(content, template);
    runInOrder(scripts, service, 0);
  }

  function loadAll() { services.forEach(load); }

  if (!("IntersectionObserver" in window) || location.hash === "#comments") {
    loadAll();
  } else {
    var watcher = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        watcher.disconnect();
        loadAll();
      }
    }, { rootMargin: "0px 0px 300px 0px" });
    watcher.observe(section);
  }

  // The reader's dark-mode switch reaches the embeds that take a theme after loading.
  var frames = { giscus: "https://giscus.app", utterances: "https://utteranc.es" };
  function retheme() {
    services.forEach(function (service) {
      var name = service.getAttribute("data-comments-service");
      var frame = service.querySelector("iframe");
      if (!frame || !frame.contentWindow || !frames[name]) return;
      var message = name === "giscus"
        ? { giscus: { setConfig: { theme: themeOf(service) } } }
        : { type: "set-theme", theme: themeOf(service) };
      frame.contentWindow.postMessage(message, frames[name]);
    });
  }
  if (window.MutationObserver) new MutationObserver(retheme).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", retheme);
})();
