/* Butterfly tabs, hide buttons and galleries that work offline; hand-written, no framework. */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target : event.target.parentNode;
    var tab = target.closest('.tabs > .nav-tabs > .tab');
    if (tab) {
      var tabs = tab.closest('.tabs');
      var buttons = tabs.querySelectorAll(':scope > .nav-tabs > .tab');
      var panes = tabs.querySelectorAll(':scope > .tab-contents > .tab-item-content');
      var index = Array.prototype.indexOf.call(buttons, tab);
      tab.parentNode.classList.remove('no-default');
      buttons.forEach(function (b, i) { b.classList.toggle('active', i === index); });
      panes.forEach(function (p, i) { p.classList.toggle('active', i === index); });
      return;
    }
    var top = target.closest('.tab-to-top > button');
    if (top) {
      top.closest('.tabs').scrollIntoView({ behavior: 'smooth' });
      return;
    }
    var hide = target.closest('.hide-inline > .hide-button, .hide-block > .hide-button');
    if (hide) hide.parentNode.classList.add('open');
  });

  function showImages(box, images) {
    var list = box.querySelector('.gallery-items');
    var first = parseInt(box.getAttribute('data-first'), 10) || 10;
    var step = parseInt(box.getAttribute('data-limit'), 10) || 10;
    var shown = 0;
    list.textContent = '';
    function more(count) {
      images.slice(shown, shown + count).forEach(function (item) {
        var img = document.createElement('img');
        img.src = item.url;
        img.alt = item.alt || '';
        if (item.title) img.title = item.title;
        img.loading = 'lazy';
        list.appendChild(img);
      });
      shown = Math.min(images.length, shown + count);
      if (shown >= images.length && button) button.remove();
    }
    var button = null;
    if (images.length > first) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'gallery-more';
      button.textContent = 'More';
      button.addEventListener('click', function () { more(step); });
      box.appendChild(button);
    }
    more(first);
  }

  function galleries() {
    document.querySelectorAll('.gallery-container').forEach(function (box) {
      var items = box.querySelector('.gallery-items');
      if (!items || box.hasAttribute('data-shown')) return;
      box.setAttribute('data-shown', '');
      if (box.getAttribute('data-type') === 'url') {
        // The list lives on this site; nothing is fetched from elsewhere.
        fetch(items.textContent.trim()).then(function (r) { return r.json(); }).then(function (images) {
          showImages(box, images);
        }).catch(function () {});
        return;
      }
      try { showImages(box, JSON.parse(items.textContent)); } catch (e) { /* leave the text as it is */ }
    });
    // Without mermaid.js the diagram source is better than nothing.
    if (!window.mermaid) {
      document.querySelectorAll('.mermaid-wrap > .mermaid-src[hidden]').forEach(function (pre) {
        pre.removeAttribute('hidden');
      });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', galleries);
  else galleries();
})();
