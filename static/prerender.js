// Shows the static start screen in the person's language before the first paint (a classic script right after
// it, so it runs before the page is drawn). The widget makes the same choice when it starts.
(function () {
  var q = (location.search.match(/[?&]lang=(kk|ru|en)(&|$)/) || [])[1];
  var prefs = [q].concat(navigator.languages || [navigator.language]);
  var want = 'ru';
  for (var i = 0; i < prefs.length; i++) {
    var l = String(prefs[i] || '').slice(0, 2).toLowerCase();
    if (l === 'kk' || l === 'ru' || l === 'en') { want = l; break; }
  }
  var blocks = document.querySelectorAll('[data-prerender]');
  for (var j = 0; j < blocks.length; j++) blocks[j].hidden = blocks[j].getAttribute('data-prerender') !== want;
  document.documentElement.lang = want;
})();
