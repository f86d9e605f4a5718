/* Fluid folds that open without Bootstrap; hand-written, no framework. */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var title = event.target.closest && event.target.closest('.fold-title[data-toggle="collapse"]');
    // Fluid itself (jQuery + Bootstrap) handles its folds; do not toggle twice.
    if (!title || (window.jQuery && window.jQuery.fn && window.jQuery.fn.collapse)) return;
    var panel = document.getElementById((title.getAttribute('href') || '').slice(1));
    if (!panel) return;
    event.preventDefault();
    var open = panel.classList.toggle('show');
    title.classList.toggle('collapsed', !open);
    title.setAttribute('aria-expanded', String(open));
  });
})();
