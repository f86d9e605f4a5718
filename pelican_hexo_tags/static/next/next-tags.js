/* NexT tabs that switch and PDFs in the browser's own viewer, offline; hand-written, no framework. */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.tabs > .nav-tabs > .tab > a');
    if (!link) return;
    var tabs = link.closest('.tabs');
    var id = (link.getAttribute('href') || '').slice(1);
    var pane = Array.prototype.find.call(tabs.querySelectorAll(':scope > .tab-content > .tab-pane'), function (el) {
      return el.id === id;
    });
    if (!pane) return;
    event.preventDefault();
    tabs.querySelectorAll(':scope > .nav-tabs > .tab, :scope > .tab-content > .tab-pane').forEach(function (el) {
      el.classList.remove('active');
    });
    link.parentNode.classList.add('active');
    pane.classList.add('active');
  });
  function pdfs() {
    document.querySelectorAll('.pdf-container[data-target]').forEach(function (box) {
      if (box.firstChild) return;
      var url = box.getAttribute('data-target');
      box.style.height = box.getAttribute('data-height') || '500px';
      var object = document.createElement('object');
      object.data = url;
      object.type = 'application/pdf';
      var fallback = document.createElement('a');
      fallback.href = url;
      fallback.textContent = url;
      object.appendChild(fallback);
      box.appendChild(object);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', pdfs);
  else pdfs();
})();
