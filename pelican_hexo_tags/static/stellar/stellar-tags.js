/* Stellar swiper arrows over a plain scroll-snap strip; hand-written, no framework. */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var arrow = event.target.closest && event.target.closest('.tag-plugin.swiper > .swiper-button-prev, .tag-plugin.swiper > .swiper-button-next');
    if (!arrow) return;
    var strip = arrow.parentNode.querySelector('.swiper-wrapper');
    var step = strip.clientWidth * (arrow.classList.contains('swiper-button-prev') ? -1 : 1);
    strip.scrollBy({ left: step, behavior: 'smooth' });
  });
})();
