/*! Qadam embed (MIT): one <script> tag shows the Qadam widget in an iframe, sized to its content.
 *  <script src="https://WIDGET/embed.js" data-lang="kk" data-accent="#00778b" async></script>
 *  Attributes, events and the host's CSP: docs/embed.md. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var d = script.dataset;
  var base;
  try {
    base = new URL(d.widget || './', script.src);
  } catch (e) {
    return;
  }
  if (!/^https?:$/.test(base.protocol)) return;
  var origin = base.origin;
  var LANG = /^(__QADAM_LANGS__)$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var RESERVED = /^(lang|step|embed|host|accent|share)$/;

  var q = new URLSearchParams();
  if (d.facts) {
    new URLSearchParams(d.facts).forEach(function (v, k) {
      if (/^[a-z_]{1,40}$/.test(k) && !RESERVED.test(k)) q.set(k, v.slice(0, 200));
    });
  }
  var lang = LANG.test(d.lang || '') ? d.lang : null;
  if (lang) q.set('lang', lang);
  q.set('embed', '1');
  q.set('host', location.origin);
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(d.accent || '')) q.set('accent', d.accent);
  // What the qadam:result event carries (docs/embed.md): ids only, unless the host opts in to the due
  // dates (data-share="dates") or to the dates and the answers (data-share="facts" or data-share-facts="true").
  var share = d.share === 'facts' || d.shareFacts === 'true' ? 'facts' : d.share === 'dates' ? 'dates' : null;
  if (share) q.set('share', share);

  // The frame's accessible name in each language (rules/copy.toml page_embed_title; scripts/build.sh fills it in).
  var TITLES = __QADAM_EMBED_TITLES__;
  var frame = document.createElement('iframe');
  frame.src = origin + base.pathname + '?' + q.toString();
  frame.title = d.title || TITLES[lang || '__QADAM_LANG_DEFAULT__'];
  frame.setAttribute('allow', 'clipboard-write');
  // Inline !important styles: the host's stylesheets cannot shrink, hide or frame the widget.
  var s = frame.style;
  function set(k, v) { s.setProperty(k, v, 'important'); }
  var fixed = {
    display: 'block', width: '100%', 'max-width': '100%', 'min-width': '0', 'min-height': '0', 'max-height': 'none',
    border: '0', margin: '0', padding: '0', 'box-sizing': 'border-box', visibility: 'visible', opacity: '1', filter: 'none'
  };
  for (var p in fixed) set(p, fixed[p]);
  set('height', (/^\d{2,4}$/.test(d.height || '') ? d.height : '600') + 'px');
  script.parentNode.insertBefore(frame, script.nextSibling);

  function emit(name, detail) {
    var target = script.isConnected ? script : window;
    target.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true }));
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    var m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'qadam:height') {
      if (typeof m.height === 'number' && m.height > 0 && m.height < 100000) set('height', Math.ceil(m.height) + 'px');
    } else if (m.type === 'qadam:lang') {
      if (typeof m.lang === 'string' && LANG.test(m.lang) && m.lang !== lang) {
        lang = m.lang;
        if (!d.title) frame.title = TITLES[lang];
        emit('qadam:language', { lang: lang });
      }
    } else if (m.type === 'qadam:result') {
      if (typeof m.immigration_type !== 'string' || !Array.isArray(m.deadlines)) return;
      var deadlines = [];
      for (var i = 0; i < m.deadlines.length; i++) {
        var x = m.deadlines[i];
        if (x && typeof x.id === 'string') {
          deadlines.push(share && typeof x.due === 'string' && DATE.test(x.due) ? { id: x.id, due: x.due } : { id: x.id });
        }
      }
      var detail = { immigration_type: m.immigration_type, deadlines: deadlines };
      if (share === 'facts' && m.facts && typeof m.facts === 'object') {
        detail.facts = {};
        for (var k in m.facts) {
          if (Object.prototype.hasOwnProperty.call(m.facts, k) && typeof m.facts[k] === 'string') detail.facts[k] = m.facts[k];
        }
      }
      emit('qadam:result', detail);
    }
  });
})();
