// Qadam inside a host page's iframe: embed.js opened /?embed=1&host=<host origin>&lang=…&accent=…&share=…
// boot-*.js loads this (as frame-<hash>.js) only in a frame with embed=1, so other visitors download none of
// it, and calls start() before the wasm runs, so the frame's settings are read before the widget rewrites
// the address.
// It posts to the parent, addressed to the host's origin only (never '*'):
//   {type: 'qadam:height', height}   the content's height, after each render and each change of size
//   {type: 'qadam:lang', lang}       the widget's language, once known and on each change
//   {type: 'qadam:result', immigration_type, deadlines: [{id}]}   each result shown, read from
//                                    section#result[data-immigration-type] li[data-deadline-id]; the due
//                                    dates ([data-due]) only with share=dates or share=facts, the answers
//                                    only with share=facts. Every script of the host page can read these
//                                    messages (analytics included), so by default they carry ids only: due
//                                    dates give away the entry date and an overstay.
// and applies the host's accent colour when white text on it stays readable (contrast at least 4.5:1).
const FRAME = ['embed', 'host', 'accent', 'share'];
const NOT_FACTS = FRAME.concat(['lang', 'step', 'on']);

const origin = (url) => {
  try {
    const o = new URL(url).origin;
    return /^https?:\/\//.test(o) ? o : null;
  } catch (e) {
    return null;
  }
};

// '#rgb' or '#rrggbb' -> ['#rrggbb', darker shade] when white text on it has a contrast of at least 4.5:1.
export function accent(value) {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value || '');
  if (!m) return null;
  const hex = (m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1]).toLowerCase();
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const l = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
  if (1.05 / (l + 0.05) < 4.5) return null;
  return ['#' + hex, '#' + rgb.map((c) => Math.floor(c * 0.72).toString(16).padStart(2, '0')).join('')];
}

export function start() {
  const q = new URLSearchParams(location.search);
  const root = document.documentElement;
  // The browser's own word on who the parent is wins over what the link says.
  const target = (location.ancestorOrigins && location.ancestorOrigins[0]) || origin(q.get('host')) || origin(document.referrer);
  const share = q.get('share') === 'facts';
  const dates = share || q.get('share') === 'dates';
  root.setAttribute('data-embed', '');
  // The page's own lang="ru" is the template's: the language reported is the one the widget sets.
  root.removeAttribute('lang');
  const colour = accent(q.get('accent'));
  if (colour) {
    // CSSOM, which style-src 'self' allows (a style attribute it would not).
    root.style.setProperty('--accent', colour[0]);
    root.style.setProperty('--accent-dark', colour[1]);
  }

  // The widget writes its state into the address: keep the frame's settings on it, so a reload of the
  // frame is embedded the same way. (The widget itself ignores them: ui/dom.rs current_query.)
  const suffix = FRAME.filter((k) => q.has(k)).map((k) => `&${k}=${encodeURIComponent(q.get(k))}`).join('');
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name];
    history[name] = function (state, title, url) {
      return original.call(this, state, title, typeof url === 'string' && !url.includes('embed=1') ? url + suffix : url);
    };
  }

  const last = {};
  const send = (key, message) => {
    const json = JSON.stringify(message);
    if (target && last[key] !== json) {
      last[key] = json;
      parent.postMessage(message, target);
    }
  };
  const report = () => {
    send('height', { type: 'qadam:height', height: document.body.offsetHeight });
    if (/^(__QADAM_LANGS__)$/.test(root.lang)) send('lang', { type: 'qadam:lang', lang: root.lang });
    const result = document.querySelector('section#result[data-immigration-type]');
    if (!result) {
      last.result = null; // showing the same result again later is a new event
      return;
    }
    const message = {
      type: 'qadam:result',
      immigration_type: result.getAttribute('data-immigration-type'),
      deadlines: [...result.querySelectorAll('li[data-deadline-id]')].map((li) => (dates
        ? { id: li.getAttribute('data-deadline-id'), due: li.getAttribute('data-due') }
        : { id: li.getAttribute('data-deadline-id') })),
    };
    if (share) {
      message.facts = {};
      new URLSearchParams(location.search).forEach((v, k) => {
        if (!NOT_FACTS.includes(k)) message.facts[k] = v;
      });
    }
    send('result', message);
  };
  new ResizeObserver(report).observe(document.body);
  new MutationObserver(report).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['lang', 'data-immigration-type', 'data-due'] });
  report();
}
