// The start screen in the person's language before the first paint; a tap on Start is kept until the widget runs (ui::start).
(function () {
  var root = document.documentElement;
  var q = (location.search.match(/[?&]lang=(kk|ru|en)(&|$)/) || [])[1];
  var prefs = [q].concat(navigator.languages || [navigator.language]);
  var want = 'ru';
  for (var i = 0; i < prefs.length; i++) {
    var l = String(prefs[i] || '').slice(0, 2).toLowerCase();
    if (l === 'kk' || l === 'ru' || l === 'en') { want = l; break; }
  }
  var b = document.querySelectorAll('[data-prerender]');
  for (var j = 0; j < b.length; j++) b[j].hidden = b[j].getAttribute('data-prerender') !== want;
  root.lang = want;
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-prerender] [data-start]');
    if (b && !root.hasAttribute('data-qadam-begin')) {
      root.setAttribute('data-qadam-begin', '');
      var s = b.closest('[data-prerender]').querySelector('[data-loading]');
      s.textContent = s.getAttribute('data-loading');
      var m = document.querySelector('meta[name=qadam-rules]');
      if (m) document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: m.content }));
    }
  });
})();
