//! The answer fields of the question screens that are more than a list of choices: a date as day, month and
//! year, the earlier trips (two such dates each), the country search.

use super::rules;
use crate::law::{explain, i18n::copy, i18n::CopyId as C, i18n::Lang, search};
use crate::wizard::{draft_parts, draft_with, DatePart, DateProblem, TripDraft};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn t(id: C, lang: Lang) -> &'static str {
    copy(rules(), id, lang)
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

// ---------------------------------------------------------------------------------------------------------------
// A date

/// What the question screen says under the fields before anything is sent (one thing at a time).
#[derive(Clone, Copy, PartialEq)]
pub enum Note {
    None,
    Date(DateProblem),
    /// An unusual date (`wizard::unusual_date`) waiting for "yes, it is right", with the copy id of the question.
    Unsure(crate::law::date::Date, C),
    /// A date of an earlier trip typed wrong: (trip, 0 entry or 1 exit, what is wrong).
    Trip(usize, usize, DateProblem),
}

/// A problem that marks all three fields of a date (the date as a whole is wrong, e.g. out of order).
pub const WHOLE_DATE: DateProblem = DateProblem::NoSuchDay;

/// Each field: its part, id suffix (the stylesheet sizes the fields by it), label and most digits.
const PARTS: [(DatePart, &str, C, &str); 3] =
    [(DatePart::Day, "day", C::date_day, "2"), (DatePart::Month, "month", C::date_month, "2"), (DatePart::Year, "year", C::date_year, "4")];

/// Three labelled numeric fields (`{id}-day`, `{id}-month`, `{id}-year`): the phone shows its digit keyboard,
/// and the order and the words are those of the page's language, whatever the phone's own settings. The
/// caller wraps them in a fieldset named by the question or the trip. `wrong` marks the field at fault, or all
/// three when the problem is the date as a whole.
pub fn date_fields(id: &str, l: Lang, draft: &str, set: Callback<(usize, String)>, wrong: Option<DateProblem>, described: &str) -> Html {
    let value = draft_parts(draft);
    html! {
        <div class="date-fields">
        { for PARTS.iter().enumerate().map(|(i, (part, suffix, label, digits))| {
            let field = format!("{id}-{suffix}");
            let invalid = wrong.is_some_and(|w| w.part().map_or(true, |p| p == *part));
            let set = set.clone();
            html! {
                <div class="date-part">
                    <label for={ field.clone() }>{ t(*label, l) }</label>
                    <input type="text" inputmode="numeric" pattern="[0-9]*" autocomplete="off" id={ field }
                        maxlength={ *digits } value={ value[i].to_string() } aria-invalid={ invalid.then_some("true") }
                        aria-describedby={ (!described.is_empty()).then(|| described.to_string()) }
                        oninput={ Callback::from(move |e: InputEvent| set.emit((i, input_value(&e)))) } />
                </div>
            }
        }) }
        </div>
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Earlier trips

/// The trips, each date as the same three fields as a date question (`stay-{i}-entry-day` …), grouped by trip
/// and by day. `wrong` marks the date at fault: (trip, 0 entry or 1 exit, what is wrong).
pub fn stays_input(l: Lang, rows: &UseStateHandle<Vec<TripDraft>>, wrong: Option<(usize, usize, DateProblem)>, described: &str) -> Html {
    let add = {
        let rows = rows.clone();
        Callback::from(move |_| {
            let mut v = (*rows).clone();
            v.push(Default::default());
            rows.set(v);
        })
    };
    html! {
        <>
            if rows.is_empty() { <p class="notice">{ t(C::stays_none, l) }</p> }
            <ul class="stays">
            { for rows.iter().enumerate().map(|(i, trip)| {
                let remove = {
                    let rows = rows.clone();
                    Callback::from(move |_| {
                        let mut v = (*rows).clone();
                        v.remove(i);
                        rows.set(v);
                    })
                };
                let n = (i + 1).to_string();
                let day = |k: usize, label: C, which: &str| {
                    let rows = rows.clone();
                    let set = Callback::from(move |(part, typed): (usize, String)| {
                        let mut v = (*rows).clone();
                        v[i][k] = draft_with(&v[i][k], part, &typed);
                        rows.set(v);
                    });
                    let problem = wrong.filter(|w| (w.0, w.1) == (i, k)).map(|w| w.2);
                    html! {
                        <fieldset class="field">
                            <legend>{ t(label, l) }</legend>
                            { date_fields(&format!("stay-{i}-{which}"), l, &trip[k], set, problem, described) }
                        </fieldset>
                    }
                };
                html! {
                    <li>
                        <fieldset>
                            <legend>{ explain::fill(t(C::stays_trip, l), &[("n", &n)]) }</legend>
                            { day(0, C::stays_entry, "entry") }
                            { day(1, C::stays_exit, "exit") }
                            <div class="actions"><button type="button" class="secondary" onclick={ remove }>{ t(C::stays_remove, l) }{ " " }{ n.clone() }</button></div>
                        </fieldset>
                    </li>
                }
            }) }
            </ul>
            <div class="actions"><button type="button" class="secondary" id="add-stay" onclick={ add }>{ t(C::stays_add, l) }</button></div>
        </>
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The country

/// The search box and the countries it finds (`law::search`), as radio buttons; "stateless" always last, and
/// never alone: when nothing matches, the common countries are offered with a word that nothing was found.
pub fn country_input(
    l: Lang,
    draft: &UseStateHandle<String>,
    search_text: &UseStateHandle<String>,
    radios: impl Fn(&UseStateHandle<String>, Vec<(String, String, String)>) -> Html,
) -> Html {
    let r = rules();
    let found = search::countries(r, search_text);
    let mut countries = found.countries;
    // The answer already chosen stays on screen whatever is typed.
    let selected = draft.as_str();
    if !selected.is_empty() && selected != "stateless" && !countries.iter().any(|c| c.code == selected) {
        if let Some(c) = r.countries.iter().find(|c| c.code == selected) {
            countries.insert(0, c);
        }
    }
    let mut options: Vec<(String, String, String)> =
        countries.into_iter().map(|c| (c.code.clone(), c.name.get(l).to_string(), c.code.clone())).collect();
    options.push(("stateless".into(), t(C::stateless, l).into(), String::new()));
    let typed = !search_text.trim().is_empty();
    let heading = if typed && !found.fallback { t(C::country_results, l) } else { t(C::country_common, l) };
    let s = search_text.clone();
    html! {
        <>
            <label class="field" for="country-search">{ t(C::country_search, l) }</label>
            <p class="hint" id="country-search-hint">{ t(C::country_search_hint, l) }</p>
            <input type="search" id="country-search" autocomplete="off" value={ (**search_text).clone() } aria-describedby="country-search-hint"
                oninput={ Callback::from(move |e: InputEvent| s.set(input_value(&e))) } />
            <p aria-live="polite" class="hint" id="country-none">{ if found.fallback { t(C::country_none_found, l) } else { "" } }</p>
            <h2 class="list-heading">{ heading }</h2>
            { radios(draft, options) }
        </>
    }
}
