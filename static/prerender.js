// The start screen in the person's language before the first paint; a tap on Start, or on a language, is kept
// until the widget runs (ui::start reads data-qadam-begin, and the language from the address).
(function () {
  var root = document.documentElement;
  var prefs = [(location.search.match(/[?&]lang=([^&]*)/) || [])[1]].concat(navigator.languages || [navigator.language]);
  var want = '__QADAM_LANG_DEFAULT__';
  for (var i = 0; i < prefs.length; i++) {
    var l = String(prefs[i]);
    if (i) l = l.split(/[-_]/)[0].toLowerCase();
    if (/^(__QADAM_LANGS__)$/.test(l)) { want = l; break; }
  }
  function show(want) {
    var b = document.querySelectorAll('[data-prerender]');
    for (var j = 0; j < b.length; j++) {
      b[j].hidden = b[j].getAttribute('data-prerender') !== want;
      // The tab's title in that language, as the widget's start screen has it.
      if (!b[j].hidden) document.title = 'Qadam — ' + b[j].querySelector('h1').textContent;
    }
    root.lang = want;
  }
  show(want);
  document.addEventListener('click', function (e) {
    var t = e.target.closest && e.target.closest('[data-prerender] button');
    if (!t || root.hasAttribute('data-qadam-begin')) return;
    if (t.lang) {
      // A language tapped before the widget runs: shown at once, the focus kept on its button, and put into
      // the address, from which the widget takes its language when it starts.
      var u = new URL(location.href);
      u.searchParams.set('lang', t.lang);
      history.replaceState(history.state, '', u);
      show(t.lang);
      document.querySelector('[data-prerender="' + t.lang + '"] button[lang="' + t.lang + '"]').focus();
    } else if (t.hasAttribute('data-start')) {
      root.setAttribute('data-qadam-begin', '');
      var s = t.closest('[data-prerender]').querySelector('[data-loading]');
      s.textContent = s.getAttribute('data-loading');
      var m = document.querySelector('meta[name=qadam-rules]');
      if (m) document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: m.content }));
    }
  });
})();
