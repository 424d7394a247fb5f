// Shows the static start screen in the person's language before the first paint; the widget makes the same
// choice. Before the widget has arrived, a tap on a language shows it and a tap on Start says "loading" and
// fetches the rule set; both are kept on <html> for the widget (src/ui/mod.rs start).
(function () {
  var root = document.documentElement;
  var q = (location.search.match(/[?&]lang=(kk|ru|en)(&|$)/) || [])[1];
  var prefs = [q].concat(navigator.languages || [navigator.language]);
  var want = 'ru';
  for (var i = 0; i < prefs.length; i++) {
    var l = String(prefs[i] || '').slice(0, 2).toLowerCase();
    if (l === 'kk' || l === 'ru' || l === 'en') { want = l; break; }
  }
  var show = function (lang) {
    var b = document.querySelectorAll('[data-prerender]');
    for (var j = 0; j < b.length; j++) b[j].hidden = b[j].getAttribute('data-prerender') !== lang;
    root.lang = lang;
  };
  show(want);
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-prerender] nav button[lang], [data-prerender] [data-start]');
    if (!b) return;
    if (!b.hasAttribute('data-start')) {
      show(b.lang);
      root.setAttribute('data-qadam-lang', b.lang);
    } else if (!root.hasAttribute('data-qadam-begin')) {
      root.setAttribute('data-qadam-begin', '');
      var s = b.closest('[data-prerender]').querySelector('[data-loading]');
      s.textContent = s.getAttribute('data-loading');
      var m = document.querySelector('meta[name=qadam-rules]');
      if (m) document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: m.content }));
    }
  });
})();
