//! The screens: start, one question, the answers, the result. Each only renders state and sends actions.

use super::{dom, inputs, rules};
use crate::ics;
use crate::law::i18n::CopyId as C;
use crate::law::{
    assess::{assess, Assessment, Caution, Ctx},
    date::Date,
    explain,
    facts::{FactError, Value},
    i18n::{act_url, cite, copy, format_date, plural_form, weekday_name, Lang},
    model::{Confidence, Question as Q, QuestionKind, RuleSet, Source},
};
use crate::wizard::{date_draft, date_from_draft, draft_with, trip_drafts, trips_answer, unusual_date, Action, State};
use yew::prelude::*;

fn t(id: C, lang: Lang) -> &'static str {
    copy(rules(), id, lang)
}

/// Copy for the screens shown before the rule set arrives (header, start, footer).
pub fn text(id: C, lang: Lang) -> &'static str {
    match crate::law::installed() {
        Some(r) => copy(r, id, lang),
        None => crate::law::startup::copy(id, lang),
    }
}

fn question(fact: &str) -> Option<&'static Q> {
    rules().questions.iter().find(|q| q.fact == fact)
}

// ---------------------------------------------------------------------------------------------------------------
// Frame

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    html! {
        <header class="top">
            <p class="brand">{ "Qadam" }<small>{ text(C::app_tagline, p.lang) }</small></p>
            <nav aria-label={ text(C::language, p.lang) }>
                <ul class="langs">
                { for Lang::ALL.into_iter().map(|l| {
                    let on = p.on_lang.clone();
                    html! {
                        <li><button type="button" lang={ l.code() } aria-pressed={ (l == p.lang).to_string() }
                            onclick={ Callback::from(move |_| on.emit(l)) }>{ l.name() }</button></li>
                    }
                }) }
                </ul>
            </nav>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct LinkErrorsProps {
    pub lang: Lang,
    pub errors: Vec<FactError>,
    /// Other ignored parts of the link: counted, never echoed.
    pub ignored: usize,
}

/// Bad link parameters: the contract's keys named, then ignored; anything else only counted.
#[function_component(LinkErrors)]
pub fn link_errors(p: &LinkErrorsProps) -> Html {
    if p.errors.is_empty() && p.ignored == 0 {
        return html! {};
    }
    let n = p.ignored.to_string();
    html! {
        <div class="error" role="alert" id="link-errors">
            { for p.errors.iter().map(|e| html! {
                <p>{ explain::fill(t(C::bad_param, p.lang), &[("key", &e.key), ("problem", copy(rules(), e.copy(), p.lang))]) }</p>
            }) }
            if p.ignored > 0 {
                <p id="link-ignored">{ explain::fill(plural_form(t(C::link_ignored, p.lang), p.lang, p.ignored as i64), &[("n", &n)]) }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LangProps {
    pub lang: Lang,
}

#[function_component(Footer)]
pub fn footer(p: &LangProps) -> Html {
    html! {
        <footer class="foot">
            <p>{ text(C::privacy, p.lang) }</p>
            <p>{ text(C::disclaimer, p.lang) }</p>
            <p>{ crate::law::startup::RULES_VERIFIED[p.lang as usize] }</p>
        </footer>
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Start

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    pub on_start: Callback<MouseEvent>,
}

#[function_component(Start)]
pub fn start(p: &StartProps) -> Html {
    let l = p.lang;
    use_effect_with(l, |l| dom::set_title(&format!("Qadam — {}", text(C::app_tagline, *l))));
    html! {
        <section aria-labelledby="start-title">
            <h1 id="start-title" tabindex="-1">{ text(C::app_tagline, l) }</h1>
            <p>{ text(C::start_intro, l) }</p>
            <p>{ text(C::start_time, l) }</p>
            <p class="notice">{ text(C::privacy, l) }</p>
            <p class="hint">{ text(C::disclaimer, l) }</p>
            <div class="actions"><button type="button" id="start" onclick={ p.on_start.clone() }>{ text(C::start_button, l) }</button></div>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------------------------
// One question

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub fact: String,
    pub state: State,
    pub today: Date,
    pub dispatch: Callback<Action>,
    pub on_back: Callback<MouseEvent>,
}

/// The current answer in its URL form, to fill the form in.
fn current(state: &State, fact: &str) -> String {
    state.facts.get(fact).map(Value::to_query).unwrap_or_default()
}

#[function_component(Question)]
pub fn question_screen(p: &QuestionProps) -> Html {
    let l = p.state.lang;
    let q = question(&p.fact);
    // The answer being given: a code, or a date's three fields (`wizard::date_draft`).
    let draft = use_state(|| match q.map(|q| q.kind) {
        Some(QuestionKind::Date) => date_draft(&current(&p.state, &p.fact)),
        _ => current(&p.state, &p.fact),
    });
    let search = use_state(String::new);
    let stays = use_state(|| trip_drafts(&current(&p.state, &p.fact)));
    // What the form says before sending: a date that is not one, a trip that ends before it begins, or an
    // unusual date waiting for "yes, it is right".
    let note = use_state(|| inputs::Note::None);
    {
        let title = q.map(|q| q.title.get(l).to_string()).unwrap_or_default();
        use_effect_with((p.fact.clone(), l), move |_| {
            dom::set_title(&format!("{title} — Qadam"));
            dom::focus("q-title");
        });
    }
    let Some(q) = q else { return html! {} };
    let (number, total) = p.state.progress(rules(), &p.fact, p.today);
    let as_of = p.state.as_of(p.today);

    let onsubmit = {
        let (draft, stays, dispatch, fact) = (draft.clone(), stays.clone(), p.dispatch.clone(), p.fact.clone());
        let note = note.clone();
        let kind = q.kind;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let raw = match kind {
                QuestionKind::Stays => match trips_answer(&stays) {
                    Ok(raw) => raw,
                    Err((trip, day, problem)) => return note.set(inputs::Note::Trip(trip, day, problem)),
                },
                QuestionKind::Date => match date_from_draft(&draft) {
                    // Continue pressed again on the same unusual date counts as "yes, it is right".
                    Ok(d) => match unusual_date(&fact, d, as_of) {
                        Some(id) if *note != inputs::Note::Unsure(d, id) => return note.set(inputs::Note::Unsure(d, id)),
                        _ => d.to_string(),
                    },
                    Err(problem) => return note.set(inputs::Note::Date(problem)),
                },
                _ => (*draft).clone(),
            };
            note.set(inputs::Note::None);
            dispatch.emit(Action::Answer { fact: fact.clone(), raw });
        })
    };
    let engine_error = p.state.answer_error.as_ref().filter(|e| e.key == p.fact).map(|e| match q.kind {
        QuestionKind::Date if e.kind == crate::law::facts::FactErrorKind::DatesOrder => {
            let arrival = p.state.facts.date("entry_date").map(|d| format_date(&rules().locale, l, d)).unwrap_or_default();
            explain::fill(t(C::date_before_arrival, l), &[("date", &arrival)])
        }
        QuestionKind::Date if e.kind == crate::law::facts::FactErrorKind::Missing => t(C::date_missing, l).to_string(),
        QuestionKind::Date => t(C::date_invalid, l).to_string(),
        QuestionKind::Stays if matches!(e.kind, crate::law::facts::FactErrorKind::Date) => t(C::date_missing, l).to_string(),
        QuestionKind::Stays => t(C::stays_order, l).to_string(),
        _ => t(C::choose_one, l).to_string(),
    });
    let message = match *note {
        inputs::Note::Date(x) | inputs::Note::Trip(_, _, x) => Some(t(x.copy(), l).to_string()),
        _ => engine_error,
    };
    let error = message.as_ref().map(|m| html! { <p class="error" id="q-error" role="alert">{ m.clone() }</p> });
    let described = if error.is_some() { "q-hint q-error" } else { "q-hint" };

    let body = match q.kind {
        QuestionKind::Country => inputs::country_input(l, &draft, &search, |d, opts| radios("citizenship", d, opts, described)),
        QuestionKind::YesNo => {
            let opts = [("true", t(C::yes, l), ""), ("false", t(C::no, l), "")];
            radios(&p.fact, &draft, opts.iter().map(|(v, a, b)| (v.to_string(), a.to_string(), b.to_string())).collect(), described)
        }
        QuestionKind::Choice => {
            let ctx = crate::law::assess::Ctx { rules: rules(), facts: &p.state.facts, as_of: p.state.as_of(p.today) };
            let opts = q
                .options
                .iter()
                .filter(|o| ctx.holds(&o.when))
                .map(|o| (o.value.clone(), o.label.get(l).to_string(), o.hint.get(l).to_string()))
                .collect();
            radios(&p.fact, &draft, opts, described)
        }
        QuestionKind::Date => {
            let set = {
                let (draft, note) = (draft.clone(), note.clone());
                Callback::from(move |(i, v): (usize, String)| {
                    draft.set(draft_with(&draft, i, &v));
                    if matches!(*note, inputs::Note::Unsure(..)) {
                        note.set(inputs::Note::None);
                    }
                })
            };
            // The problem the wizard found (the order of the dates) concerns the date as a whole.
            let wrong = match *note {
                inputs::Note::Date(x) => Some(x),
                _ => error.is_some().then_some(inputs::WHOLE_DATE),
            };
            html! {
                <fieldset aria-labelledby="q-title">
                    <p class="hint" id="q-date-example">{ t(C::date_example, l) }</p>
                    { inputs::date_fields("q-date", l, &draft, set, wrong, &format!("{described} q-date-example")) }
                </fieldset>
            }
        }
        QuestionKind::Stays => {
            let wrong = match *note {
                inputs::Note::Trip(trip, day, problem) => Some((trip, day, problem)),
                _ => None,
            };
            inputs::stays_input(l, &stays, wrong, described)
        }
    };
    // "Are you sure?": Continue again on the same date says yes.
    let sure = if let inputs::Note::Unsure(d, id) = *note {
        let text = explain::fill(t(id, l), &[("date", &format_date(&rules().locale, l, d))]);
        html! { <p class="caution" id="q-sure" role="alert">{ text }{ " " }{ t(C::date_sure_fix, l) }</p> }
    } else {
        html! {}
    };

    let dont_know = q.may_not_know.then(|| {
        let (dispatch, fact) = (p.dispatch.clone(), p.fact.clone());
        let label = q.skip_label.as_ref().map_or(t(C::dont_know, l), |s| s.get(l)).to_string();
        html! { <button type="button" class="secondary" id="dont-know" onclick={ Callback::from(move |_| dispatch.emit(Action::DontKnow(fact.clone()))) }>{ label }</button> }
    });

    html! {
        <section aria-labelledby="q-title" class="question" data-question={ p.fact.clone() }>
            <button type="button" class="link" id="back" onclick={ p.on_back.clone() }>{ "← " }{ t(C::back, l) }</button>
            <p class="hint" id="q-count">{ explain::fill(t(C::question_of_total, l), &[("n", &number.to_string()), ("total", &total.to_string())]) }</p>
            <form {onsubmit} novalidate=true>
                <h1 id="q-title" tabindex="-1">{ q.title.get(l) }</h1>
                <p class="hint" id="q-hint">{ q.hint.get(l) }</p>
                { for q.glossary.iter().filter_map(|g| glossary(g, l)) }
                { body }
                { error }
                { sure }
                <div class="actions">
                    <button type="submit" id="continue">{ t(C::next, l) }</button>
                    { dont_know }
                </div>
            </form>
        </section>
    }
}

fn glossary(id: &str, l: Lang) -> Option<Html> {
    let g = rules().glossary.iter().find(|g| g.id == id)?;
    Some(html! {
        <details class="glossary">
            <summary>{ t(C::what_is, l) }{ " " }{ g.term.get(l) }</summary>
            <p>{ g.explanation.get(l) }</p>
            <p class="cite">{ source_link(&g.source, l) }</p>
        </details>
    })
}

fn radios(name: &str, draft: &UseStateHandle<String>, options: Vec<(String, String, String)>, described: &'static str) -> Html {
    html! {
        <fieldset aria-labelledby="q-title" aria-describedby={ described }>
            <div class="options">
            { for options.into_iter().map(|(value, label, hint)| {
                let d = draft.clone();
                let v = value.clone();
                let id = format!("opt-{name}-{value}");
                html! {
                    <label class="option" for={ id.clone() }>
                        <input type="radio" id={ id } name={ name.to_string() } value={ value.clone() } checked={ **draft == value }
                            onchange={ Callback::from(move |_| d.set(v.clone())) } />
                        <span><span>{ label }</span>
                        { if hint.is_empty() { html!{} } else { html! { <span class="hint">{ hint }</span> } } }
                        </span>
                    </label>
                }
            }) }
            </div>
        </fieldset>
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Answers

/// An answer in words, in the chosen language.
pub fn answer_words(r: &RuleSet, l: Lang, fact: &str, v: &Value) -> String {
    match v {
        Value::Code(c) if fact == "citizenship" => {
            if c == "stateless" {
                t(C::stateless, l).into()
            } else {
                r.countries.iter().find(|x| x.code == *c).map_or(c.clone(), |x| x.name.get(l).to_string())
            }
        }
        Value::Code(c) => question(fact)
            .and_then(|q| q.options.iter().find(|o| o.value == *c))
            .map_or(c.clone(), |o| o.label.get(l).to_string()),
        Value::Bool(b) => t(if *b { C::yes } else { C::no }, l).into(),
        Value::Date(d) => format_date(&r.locale, l, *d),
        Value::Stays(s) if s.is_empty() => t(C::stays_none, l).into(),
        Value::Stays(s) => s
            .iter()
            .map(|x| format!("{} – {}", format_date(&r.locale, l, x.entry), format_date(&r.locale, l, x.exit)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// What the answers list and the result need: the state, today, and the ways back.
#[derive(Properties, PartialEq)]
pub struct ScreenProps {
    pub state: State,
    pub today: Date,
    pub dispatch: Callback<Action>,
    pub on_back: Callback<MouseEvent>,
}

#[function_component(Answers)]
pub fn answers(p: &ScreenProps) -> Html {
    let l = p.state.lang;
    let r = rules();
    use_effect_with(l, |l| {
        dom::set_title(&format!("{} — Qadam", t(C::your_answers, *l)));
        dom::focus("answers-title");
    });
    let path = p.state.path(r, p.today);
    let d = p.dispatch.clone();
    html! {
        <section aria-labelledby="answers-title">
            <button type="button" class="link" id="back" onclick={ p.on_back.clone() }>{ "← " }{ t(C::back, l) }</button>
            <h1 id="answers-title" tabindex="-1">{ t(C::your_answers, l) }</h1>
            <ul class="answers">
            { for path.iter().filter_map(|f| {
                let q = question(f)?;
                let words = match p.state.facts.get(f) {
                    Some(v) => answer_words(r, l, f, v),
                    None if p.state.unknown.contains(f) => q.skip_label.as_ref().map_or(t(C::answer_unknown, l), |s| s.get(l)).to_string(),
                    None => return None,
                };
                let (d, f2) = (d.clone(), f.clone());
                Some(html! {
                    <li data-answer={ f.clone() }>
                        <span class="q">{ q.title.get(l) }</span>
                        <span>{ words }</span>
                        <button type="button" class="link" onclick={ Callback::from(move |_| d.emit(Action::Change(f2.clone()))) }>
                            { t(C::change, l) }<span class="visually-hidden">{ ": " }{ q.title.get(l) }</span>
                        </button>
                    </li>
                })
            }) }
            </ul>
            <div class="actions">
                <button type="button" id="to-result" onclick={ d.reform(|_| Action::Begin) }>{ t(C::result_title, l) }</button>
                <button type="button" class="secondary" id="restart" onclick={ d.reform(|_| Action::Restart) }>{ t(C::start_again, l) }</button>
            </div>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Result

fn source_link(s: &Source, l: Lang) -> Html {
    let r = rules();
    let url = act_url(r, s, l).to_string();
    let badge = match s.confidence {
        Confidence::Confirmed => html! {},
        Confidence::Secondary => html! { <>{ " " }<span class="badge">{ t(C::confidence_secondary, l) }</span></> },
        Confidence::Uncertain => html! { <>{ " " }<span class="badge">{ t(C::confidence_uncertain, l) }</span></> },
    };
    html! {
        <>
            <a href={ url } rel="noopener noreferrer" target="_blank">{ cite(r, s, l) }</a>
            { " · " }{ t(C::verified_on, l) }{ " " }{ format_date(&r.locale, l, s.verified_on) }
            { badge }
        </>
    }
}

#[function_component(Result)]
pub fn result(p: &ScreenProps) -> Html {
    let l = p.state.lang;
    let r = rules();
    let status = use_state(String::new);
    let remembered = use_state(|| dom::saved_answers().is_some());
    use_effect_with(l, |l| {
        dom::set_title(&format!("{} — Qadam", t(C::result_title, *l)));
        dom::focus("result-title");
    });
    let as_of = p.state.as_of(p.today);
    let a: Assessment = assess(r, &p.state.facts, as_of);
    let type_id = a.immigration_type.map_or("none", |t| t.id.as_str());
    let d = p.dispatch.clone();

    let ics = {
        let facts = p.state.facts.clone();
        Callback::from(move |_| {
            let a = assess(rules(), &facts, as_of);
            let stamp = ics::utc_stamp(&String::from(js_sys::Date::new_0().to_iso_string()));
            dom::download("qadam-deadlines.ics", "text/calendar", &ics::calendar(rules(), &a, l, &stamp));
        })
    };
    let copy_link = {
        let status = status.clone();
        Callback::from(move |_| {
            let status = status.clone();
            dom::copy_text(dom::href(), move |ok| status.set(t(if ok { C::link_copied } else { C::link_copy_failed }, l).into()));
        })
    };
    let remember = {
        let (status, remembered, q) = (status.clone(), remembered.clone(), p.state.to_query(r));
        Callback::from(move |_| {
            if dom::save_answers(&q) {
                remembered.set(true);
                status.set(t(C::remembered, l).into());
            }
        })
    };
    let forget = {
        let (status, remembered) = (status.clone(), remembered.clone());
        Callback::from(move |_| {
            dom::forget_answers();
            remembered.set(false);
            status.set(t(C::forgotten, l).into());
        })
    };

    let kind = a.immigration_kind;
    let type_block = a.immigration_type.map(|ty| {
        let rows = [
            (C::result_who, ty.who.get(l)),
            (C::result_document, kind.map_or(ty.document.get(l), |k| k.document.get(l))),
            (C::result_term, kind.map_or(ty.term.get(l), |k| k.term.get(l))),
            (C::result_body, kind.map_or(ty.body.get(l), |k| k.body.get(l))),
        ];
        html! {
            <>
                <dl class="facts">
                { for rows.iter().map(|(k, v)| html! { <><dt>{ t(*k, l) }</dt><dd>{ *v }</dd></> }) }
                </dl>
                <p class="cite">
                { for ty.sources.iter().chain(kind.map(|k| &k.source)).map(|s| html! { <span class="src">{ source_link(s, l) }{ "; " }</span> }) }
                </p>
            </>
        }
    });

    let unknown_notes: Vec<String> = p
        .state
        .unknown
        .iter()
        .filter_map(|f| question(f)?.unknown_fallback.as_ref().map(|x| explain::fill(t(C::unknown_used, l), &[("text", x.get(l))])))
        .collect();

    html! {
        <section aria-labelledby="result-title" class="result" id="result" data-immigration-type={ type_id } data-as-of={ as_of.to_string() }>
            <button type="button" class="link no-print" id="back" onclick={ p.on_back.clone() }>{ "← " }{ t(C::back, l) }</button>
            // First the plan: what to do, most urgent first; why and the legal detail follow.
            <h1 id="result-title" tabindex="-1">{ t(C::plan_title, l) }</h1>
            <p class="hint">{ explain::fill(t(C::result_as_of, l), &[("date", &format_date(&r.locale, l, as_of))]) }</p>
            if as_of != p.today {
                // A link may carry another day (`on`): a crafted one could show "Overdue" and fines. Said plainly.
                <p class="caution" role="note" id="not-today">{ explain::fill(t(C::result_not_today, l), &[("date", &format_date(&r.locale, l, as_of)), ("today", &format_date(&r.locale, l, p.today))]) }</p>
            }
            { super::plan::plan(&a, l, |s| source_link(s, l)) }
            <div aria-live="polite">
                <h2>{ t(C::result_type, l) }</h2>
                <p class="type" id="immigration-type"><strong>{ explain::type_sentence(r, l, &a) }</strong></p>
            </div>
            { type_block }

            <h2 id="deadlines">{ t(C::deadlines_title, l) }</h2>
            if a.deadlines.is_empty() { <p>{ t(C::no_deadlines, l) }</p> }
            <ol class="timeline">
            { for a.deadlines.iter().map(|dl| {
                let overdue = dl.overdue();
                html! {
                    <li class={ classes!(overdue.then_some("overdue")) } data-deadline-id={ dl.rule.id.clone() } data-due={ dl.due.to_string() }>
                        <p>{ dl.rule.action.get(l) }</p>
                        <p class="due"><time datetime={ dl.due.to_string() }>{ format_date(&r.locale, l, dl.due) }</time>{ ", " }{ weekday_name(&r.locale, l, dl.due) }</p>
                        <p><span class="left">{ if overdue { format!("{} — ", t(C::overdue, l)) } else { String::new() } }{ explain::days_left(r, l, dl.days_left) }</span></p>
                        <p class="hint">{ dl.rule.counting.get(l) }</p>
                        { for dl.rule.caution.as_ref().map(|c| html! { <p class="caution">{ c.get(l) }</p> }) }
                        if overdue && a.penalties.iter().any(|pd| dl.rule.penalties.contains(&pd.penalty.id)) {
                            // What missing it costs, beside the step that was missed.
                            <div class="caution" role="note">
                            { for a.penalties.iter().filter(|pd| dl.rule.penalties.contains(&pd.penalty.id)).map(|pd| html! {
                                <p>{ explain::penalty_sentence(r, l, pd) }</p>
                            }) }
                            </div>
                        }
                        { for dl.rule.glossary.iter().filter_map(|g| glossary(g, l)) }
                        if !dl.rule.services.is_empty() {
                            <p>{ t(C::where_to_apply, l) }{ ": " }
                            { for dl.rule.services.iter().filter_map(|id| r.services.iter().find(|s| s.id == *id)).map(|s| html! {
                                <><a href={ s.url.clone() } rel="noopener noreferrer" target="_blank">{ s.address.clone() }</a>{ " " }</>
                            }) }
                            </p>
                        }
                        <p class="cite">{ source_link(&dl.rule.source, l) }</p>
                    </li>
                }
            }) }
            </ol>

            if !a.penalties.is_empty() {
                <h2>{ t(C::penalties_title, l) }</h2>
                <ul class="penalties">
                { for a.penalties.iter().map(|pd| html! {
                    <li data-penalty-id={ pd.penalty.id.clone() } data-applies={ pd.applies.then_some("true") }>
                        if pd.applies { <strong class="applies">{ t(C::penalty_applies, l) }{ ": " }</strong> }
                        { pd.penalty.text.get(l) }
                        if let Some(amount) = explain::penalty_amount(r, l, pd) { { " " }<strong>{ amount }</strong> }
                        <br/><span class="cite">{ source_link(&pd.penalty.source, l) }</span>
                    </li>
                }) }
                </ul>
            }

            if !a.rights.is_empty() {
                <h2>{ t(C::rights_title, l) }</h2>
                <ul class="rights">
                { for a.rights.iter().map(|x| html! { <li data-right-id={ x.id.clone() }>{ x.text.get(l) }<br/><span class="cite">{ source_link(&x.source, l) }</span></li> }) }
                </ul>
            }
            if !a.obligations.is_empty() {
                <h2>{ t(C::obligations_title, l) }</h2>
                <ul class="obligations">
                { for a.obligations.iter().map(|x| html! { <li data-obligation-id={ x.id.clone() }>{ x.text.get(l) }<br/><span class="cite">{ source_link(&x.source, l) }</span></li> }) }
                </ul>
            }

            if a.cautions.iter().any(|c| !matches!(c, Caution::PlannedExitAfterLawfulEnd(_))) || !unknown_notes.is_empty() {
                <h2>{ t(C::cautions_title, l) }</h2>
                <p class="caution">{ t(C::caution_earlier_date, l) }</p>
                { for unknown_notes.iter().map(|c| html! { <p class="caution">{ c.clone() }</p> }) }
                // The planned-departure caution stands beside its step in the plan.
                { for a.cautions.iter().filter(|c| !matches!(c, Caution::PlannedExitAfterLawfulEnd(_))).map(|c| html! {
                    <p class="caution" data-caution-id={ c.id() }>{ explain::caution_sentence(r, l, c) }</p>
                }) }
            }

            <h2>{ t(C::help_title, l) }</h2>
            <ul class="help">
            { for r.services.iter().filter(|s| s.help_contact && Ctx { rules: r, facts: &p.state.facts, as_of }.holds(&s.when)).map(|s| html! {
                <li><a href={ s.url.clone() } rel="noopener noreferrer" target="_blank">{ s.address.clone() }</a>{ " — " }{ s.name.get(l) }{ ": " }{ s.what_for.get(l) }</li>
            }) }
            </ul>

            <div class="actions no-print">
                <button type="button" id="add-calendar" onclick={ ics }>{ t(C::add_calendar, l) }</button>
                <button type="button" class="secondary" id="print" onclick={ Callback::from(|_| dom::print()) }>{ t(C::print, l) }</button>
                <button type="button" class="secondary" id="copy-link" onclick={ copy_link }>{ t(C::copy_link, l) }</button>
                if *remembered {
                    <button type="button" class="secondary" id="forget" onclick={ forget }>{ t(C::forget, l) }</button>
                } else {
                    <button type="button" class="secondary" id="remember" onclick={ remember } aria-describedby="remember-hint">{ t(C::remember, l) }</button>
                }
            </div>
            <p class="hint no-print" id="remember-hint">{ t(C::remember_hint, l) }</p>
            <p role="status" aria-live="polite" id="status">{ (*status).clone() }</p>
            <div class="actions no-print">
                <button type="button" class="secondary" id="show-answers" onclick={ d.reform(|_| Action::ShowAnswers) }>{ t(C::your_answers, l) }</button>
                <button type="button" class="secondary" id="restart" onclick={ d.reform(|_| Action::Restart) }>{ t(C::start_again, l) }</button>
            </div>
        </section>
    }
}
