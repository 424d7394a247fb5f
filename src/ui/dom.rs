//! The few browser calls the widget makes, in one place. Nothing here sends data anywhere.

use crate::law::{date::Date, i18n::Lang};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// Where saved answers live after the person chose "remember on this device".
const STORAGE_KEY: &str = "qadam.answers";

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Where the widget goes, emptied of its loading text: the first `[data-qadam]` element (another page of
/// the same origin, loading qadam-mount.js), else the `<main id="qadam">` of our own page.
pub fn root() -> Element {
    let doc = document();
    if let Some(el) = doc.query_selector("[data-qadam]").ok().flatten() {
        if !el.class_name().split_whitespace().any(|c| c == "qadam") {
            el.set_class_name(format!("{} qadam", el.class_name()).trim());
        }
        el.set_inner_html("");
        return el;
    }
    let root = doc.get_element_by_id("qadam").unwrap_or_else(|| {
        let main = doc.create_element("main").expect("create main");
        main.set_id("qadam");
        doc.body().expect("a body").append_child(&main).expect("append main");
        main
    });
    // The static start screen of index.html goes: boot waited until it was painted (and reported as the page's
    // largest paint), and the widget now draws the same words.
    root.set_inner_html("");
    root
}

/// Today's date on the phone's own clock and time zone.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::from_ymd(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| Date::from_ymd(2026, 1, 1).expect("a date"))
}

/// The page's query without the parameters that only configure an embedded frame (`embed`, `host`,
/// `accent`, `share`: static/frame.js keeps them on every address inside a host's iframe).
pub fn current_query() -> String {
    without_frame_params(&window().location().search().unwrap_or_default())
}

fn without_frame_params(query: &str) -> String {
    const FRAME_PARAMS: [&str; 4] = ["embed", "host", "accent", "share"];
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !FRAME_PARAMS.contains(&p.split('=').next().unwrap_or("")))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The query to open with: the address's own, else the answers saved on this device by choice.
pub fn initial_query() -> String {
    let q = current_query();
    if q.len() > 1 {
        return q;
    }
    saved_answers().unwrap_or_default()
}

pub fn browser_languages() -> Vec<String> {
    let nav = window().navigator();
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// An attribute of `<html>`: static/prerender.js keeps there what was tapped before the widget started.
pub fn root_attribute(name: &str) -> Option<String> {
    document().document_element()?.get_attribute(name)
}

pub fn set_document_lang(lang: Lang) {
    if let Some(el) = document().document_element() {
        let _ = el.set_attribute("lang", lang.code());
    }
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

pub fn push_query(q: &str) {
    if let Ok(h) = window().history() {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(q));
    }
}

/// Replaces the current entry's address (a language switch, or the address bar catching up with the state).
pub fn replace_query(q: &str) {
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(q));
    }
}

pub fn history_back() {
    if let Ok(h) = window().history() {
        let _ = h.back();
    }
}

/// Calls `f` with the new query whenever the browser goes back or forward; dropping the guard stops it.
pub struct Listener(Closure<dyn FnMut(web_sys::Event)>);

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = window().remove_event_listener_with_callback("popstate", self.0.as_ref().unchecked_ref());
    }
}

pub fn on_popstate(f: impl Fn(String) + 'static) -> Listener {
    let c = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| f(current_query()));
    let _ = window().add_event_listener_with_callback("popstate", c.as_ref().unchecked_ref());
    Listener(c)
}

/// Moves keyboard and screen-reader focus to the element (a screen's heading).
/// Focuses a new screen's heading: the screen starts at the top (a phone keeps the scroll of the screen before,
/// which hid the first step of a plan), and the screen reader reads it.
pub fn focus(id: &str) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Offers `content` as a file download, made in the page (no request leaves the phone).
pub fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.set_hidden(true);
        if let Some(body) = document().body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub fn print() {
    let _ = window().print();
}

/// The page's full address, for "copy link" (without the parameters of an embedded frame).
pub fn href() -> String {
    let l = window().location();
    let (origin, path, hash) = (l.origin(), l.pathname(), l.hash());
    match (origin, path) {
        (Ok(o), Ok(p)) => format!("{o}{p}{}{}", current_query(), hash.unwrap_or_default()),
        _ => l.href().unwrap_or_default(),
    }
}

/// Copies text to the clipboard; `done(true)` on success.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let clipboard = window().navigator().clipboard();
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn saved_answers() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten().filter(|q| q.starts_with('?'))
}

pub fn save_answers(q: &str) -> bool {
    storage().map_or(false, |s| s.set_item(STORAGE_KEY, q).is_ok())
}

/// "Forget": removes the saved answers at once, then tells the page (`qadam:forget`), whose listener
/// (boot-*.js or qadam-mount.js loads forget-*.js) removes everything else of the person's that Qadam
/// stored: its other storage keys and any Cache Storage entry whose address carries answers.
pub fn forget_answers() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
    notify("qadam:forget");
}

/// Dispatches a plain event on the window, for the page's own scripts (boot-*.js, qadam-mount.js).
fn notify(name: &str) {
    if let Ok(e) = web_sys::Event::new(name) {
        let _ = window().dispatch_event(&e);
    }
}

/// The `lang` of a query, read without the rule set.
pub fn query_lang(q: &str) -> Option<Lang> {
    crate::law::query::param(q, "lang").and_then(Lang::parse)
}

/// Whether a query carries more than the language: answers, a step, an as-of day.
pub fn query_has_answers(q: &str) -> bool {
    q.trim_start_matches('?').split('&').any(|p| !p.is_empty() && !p.starts_with("lang="))
}

/// Fetches the rule set named by `<meta name="qadam-rules">` from the page's own origin and installs it.
pub fn fetch_rules(done: impl FnOnce(bool) + 'static) {
    let url = document()
        .query_selector("meta[name=qadam-rules]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "./rules.bin".into());
    let promise = window().fetch_with_str(&url);
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = async {
            let resp: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
            if matches!(resp.status(), 404 | 410) {
                // This page is from before a release and its rule set is gone: boot-*.js reloads the page once
                // for it (the answers are in the address), which brings the new release.
                notify("qadam:rules-gone");
            }
            if !resp.ok() {
                return None;
            }
            let buf = wasm_bindgen_futures::JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
            Some(js_sys::Uint8Array::new(&buf).to_vec())
        }
        .await;
        done(bytes.map_or(false, |b| crate::law::install(&b).is_some()));
    });
}
