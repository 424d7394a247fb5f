// The start screen in the person's language before the first paint; a tap on Start is kept until the widget runs (ui::start).
(function () {
  var root = document.documentElement;
  var prefs = [(location.search.match(/[?&]lang=([^&]*)/) || [])[1]].concat(navigator.languages || [navigator.language]);
  var want = '__QADAM_LANG_DEFAULT__';
  for (var i = 0; i < prefs.length; i++) {
    var l = String(prefs[i]);
    if (i) l = l.split(/[-_]/)[0].toLowerCase();
    if (/^(__QADAM_LANGS__)$/.test(l)) { want = l; break; }
  }
  var b = document.querySelectorAll('[data-prerender]');
  for (var j = 0; j < b.length; j++) {
    b[j].hidden = b[j].getAttribute('data-prerender') !== want;
    // The tab's title in that language, as the widget's start screen has it.
    if (!b[j].hidden) document.title = 'Qadam — ' + b[j].querySelector('h1').textContent;
  }
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
