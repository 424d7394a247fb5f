//! Component tests in headless Chromium (wasm-bindgen-test): the widget mounted into a page, with the rule set
//! installed as the browser would after fetching it.
#![cfg(target_arch = "wasm32")]

use qadam::law::{date::Date, i18n::Lang};
use qadam::ui::{Shell, ShellProps};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.postcard"));

fn mount(query: &str, lang: Lang) -> web_sys::Element {
    qadam::law::install(BUNDLE).expect("the bundle decodes");
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let today = Date::parse("2026-11-22").unwrap();
    yew::Renderer::<Shell>::with_root_and_props(root.clone(), ShellProps { query: query.into(), lang, today, begin: false }).render();
    root
}

/// Yields to the browser until `ready` holds (Yew renders asynchronously): waits for a condition, not for a time.
/// The bound only ends a test that would otherwise hang; a busy machine meets the condition long before it.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..3000 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("never happened: {what}");
}

fn has(root: &web_sys::Element, sel: &str) -> bool {
    root.query_selector(sel).ok().flatten().is_some()
}

#[wasm_bindgen_test]
async fn a_result_link_shows_the_contracts_dates_in_kazakh() {
    let root = mount("?lang=kk&on=2026-11-22&citizenship=DE&purpose=visit&entry_date=2026-11-20&document=none&planned_exit=unknown&previous_stays=&step=result", Lang::Ru);
    until("the result", || has(&root, "#result")).await;
    let result = root.query_selector("#result").unwrap().expect("the result is shown");
    assert_eq!(result.get_attribute("data-immigration-type").as_deref(), Some("none"));
    let due = |id: &str| root.query_selector(&format!("[data-deadline-id={id}]")).unwrap().and_then(|e| e.get_attribute("data-due"));
    assert_eq!(due("host_notification").as_deref(), Some("2026-11-25"));
    assert_eq!(due("visa_free_stay_end").as_deref(), Some("2026-12-19"));
    let text = root.text_content().unwrap();
    // Kazakh month names and plurals come from the rule set, not from the browser's incomplete kk data.
    assert!(text.contains("2026 жылғы 25 қараша"), "{text}");
    assert!(text.contains("3 күн қалды"), "{text}");
}

#[wasm_bindgen_test]
async fn the_language_switch_keeps_the_place() {
    let root = mount("?lang=en&citizenship=UZ&purpose=labour&ethnic_kazakh=false", Lang::En);
    until("the works_for question", || has(&root, "section[data-question=works_for] #q-title")).await;
    let title = || root.query_selector("#q-title").unwrap().unwrap().text_content().unwrap();
    assert_eq!(title(), "On what basis do you work?");
    let ru: web_sys::HtmlElement = root.query_selector("button[lang=ru]").unwrap().unwrap().dyn_into().unwrap();
    ru.click();
    until("the title in Russian", || title() != "On what basis do you work?").await;
    assert_eq!(title(), "На каком основании вы работаете?");
    // An EAEU contract is offered only to EAEU citizens: not to a citizen of Uzbekistan.
    assert!(root.query_selector("#opt-works_for-eaeu_contract").unwrap().is_none());
    assert!(root.query_selector("#opt-works_for-household").unwrap().is_some());
    // A permit to a labour immigrant only for citizens of states with a 3-month visa-free treaty (Art. 43-1 p. 1).
    let root = mount("?lang=en&citizenship=CN&purpose=labour&ethnic_kazakh=false", Lang::En);
    until("the works_for question for China", || has(&root, "#opt-works_for-none")).await;
    assert!(root.query_selector("#opt-works_for-household").unwrap().is_none());
    assert!(root.query_selector("#opt-works_for-none").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn an_empty_date_is_named_under_the_question() {
    let root = mount("?lang=en&citizenship=UZ&purpose=visit&ethnic_kazakh=false", Lang::En);
    until("the entry_date question", || has(&root, "#q-date-day")).await;
    for part in ["day", "month", "year"] {
        let input: web_sys::HtmlInputElement = root.query_selector(&format!("#q-date-{part}")).unwrap().unwrap().dyn_into().unwrap();
        assert_eq!(input.value(), "", "{part}");
        assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"), "{part}");
    }
    let button: web_sys::HtmlElement = root.query_selector("#continue").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    until("the error", || has(&root, "#q-error")).await;
    let error = root.query_selector("#q-error").unwrap().expect("an error is shown");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(error.text_content().unwrap(), "Enter a date.");
}

#[wasm_bindgen_test]
async fn an_arrival_in_the_future_is_asked_again_then_accepted() {
    let root = mount("?lang=ru&citizenship=UZ&purpose=visit&ethnic_kazakh=false&entry_date=2027-05-01&step=entry_date", Lang::Ru);
    until("the entry_date question", || has(&root, "#q-date-day")).await;
    let value = |part: &str| {
        let input: web_sys::HtmlInputElement = root.query_selector(&format!("#q-date-{part}")).unwrap().unwrap().dyn_into().unwrap();
        input.value()
    };
    assert_eq!([value("day"), value("month"), value("year")], ["1", "5", "2027"]);
    let click = |sel: &str| root.query_selector(sel).unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    click("#continue");
    until("the question whether the date is right", || has(&root, "#q-sure")).await;
    let sure = root.query_selector("#q-sure").unwrap().unwrap();
    assert!(sure.text_content().unwrap().contains("ещё не наступил"), "{}", sure.text_content().unwrap());
    assert!(has(&root, "section[data-question=entry_date]"), "the answer was taken without asking");
    click("#continue");
    until("the next question", || !has(&root, "section[data-question=entry_date]")).await;
    assert!(has(&root, "section[data-question]"), "the confirmed date did not lead to the next question");
}
