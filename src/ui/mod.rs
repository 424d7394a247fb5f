//! The widget: thin Yew components over the pure wizard state (`crate::wizard`) and the engine.
//!
//! The reducer owns the state; components only render it and send actions. The address bar mirrors the
//! state (`?lang=…&citizenship=…&step=…`), so back and forward walk the steps and any step is a link.

mod dom;
mod inputs;
mod plan;
mod screens;

use crate::law::{bundled, date::Date, i18n::CopyId as C, i18n::Lang, model::RuleSet};
use crate::wizard::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// The wizard state with what the reducer needs beside it.
#[derive(Clone, PartialEq)]
pub struct Model {
    pub state: State,
    pub today: Date,
    /// The last change came from the address bar (back/forward): do not push it again.
    pub from_history: bool,
    /// The last change only switched the language: it replaces the address (a language is not a step).
    pub replace: bool,
    /// The addresses of the entries this page pushed below the current one, oldest first: the page's Back
    /// link goes back in the browser's history when the entry below shows the step Back leads to.
    pub trail: Vec<String>,
}

pub enum Msg {
    Do(Action),
    /// The browser went back or forward to this query.
    History(String),
    /// A new entry was pushed on top of this address.
    Pushed(String),
}

impl Reducible for Model {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let rules = bundled();
        let mut m = (*self).clone();
        match msg {
            Msg::Do(a) => {
                m.replace = matches!(a, Action::SetLang(_));
                m.state = m.state.apply(rules, a, m.today);
                m.from_history = false;
            }
            Msg::History(q) => {
                // The language is a choice, not a step: back and forward keep the one shown.
                let lang = m.state.lang;
                m.state = m.state.apply(rules, Action::Navigate(q.clone()), m.today);
                m.state.lang = lang;
                m.from_history = true;
                m.replace = false;
                if m.trail.last().is_some_and(|p| place(p) == place(&q)) {
                    m.trail.pop();
                } else {
                    m.trail.clear();
                }
            }
            Msg::Pushed(below) => {
                m.trail.push(below);
                return Rc::new(m);
            }
        }
        Rc::new(m)
    }
}

pub fn rules() -> &'static RuleSet {
    bundled()
}

/// An address without its language, to compare places.
fn place(q: &str) -> String {
    q.trim_start_matches('?').split('&').filter(|p| !p.starts_with("lang=")).collect::<Vec<_>>().join("&")
}

/// The `step` of an address (`None`: the start screen).
fn step_of(q: &str) -> Option<&str> {
    crate::law::query::param(q, "step")
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The query the page opened with.
    pub query: String,
    pub lang: Lang,
    pub today: Date,
    /// The person pressed Start before the rule set arrived: open at the first question.
    pub begin: bool,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let model = {
        let (q, l, t, begin) = (props.query.clone(), props.lang, props.today, props.begin);
        use_reducer(move || {
            let mut state = State::from_query(rules(), &q, l, t);
            state.lang = l;
            if begin {
                state = state.apply(rules(), Action::Begin, t);
            }
            Model { state, today: t, from_history: !begin, replace: false, trail: Vec::new() }
        })
    };
    let dispatch = {
        let model = model.clone();
        Callback::from(move |a: Action| model.dispatch(Msg::Do(a)))
    };

    // The address bar follows the state; a change that came from the address bar is not pushed again.
    {
        let query = model.state.to_query(rules());
        let model = model.clone();
        use_effect_with(query, move |q| {
            dom::set_document_lang(model.state.lang);
            let below = dom::current_query();
            if below != *q {
                if model.from_history || model.replace {
                    dom::replace_query(q);
                } else {
                    dom::push_query(q);
                    model.dispatch(Msg::Pushed(below));
                }
            }
        });
    }
    // Back and forward buttons.
    {
        let model = model.clone();
        use_effect_with((), move |_| {
            let listener = dom::on_popstate(move |q| model.dispatch(Msg::History(q)));
            move || drop(listener)
        });
    }

    let back = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            // The browser's history only when the entry below is where Back leads (not, e.g., the later step
            // a previous Back came from); from the answers list, back to wherever it was opened from.
            let target = model.state.clone().apply(rules(), Action::Back, model.today).step;
            let below = model.trail.last().map(|p| step_of(p));
            let answers = model.state.step == crate::wizard::Step::Answers;
            if below.is_some_and(|b| answers || b == target.param()) {
                dom::history_back();
            } else {
                model.dispatch(Msg::Do(Action::Back));
            }
        })
    };

    let s = &model.state;
    html! {
        <>
            <screens::Header lang={s.lang} on_lang={dispatch.reform(Action::SetLang)} />
            <screens::LinkErrors lang={s.lang} errors={s.link_errors.clone()} ignored={s.link_ignored} />
            {
                match &s.step {
                    crate::wizard::Step::Start => html! { <screens::Start lang={s.lang} on_start={dispatch.reform(|_| Action::Begin)} /> },
                    crate::wizard::Step::Question(f) => html! {
                        <screens::Question
                            key={f.clone()}
                            fact={f.clone()}
                            state={s.clone()}
                            today={model.today}
                            dispatch={dispatch.clone()}
                            on_back={back.clone()} />
                    },
                    crate::wizard::Step::Answers => html! { <screens::Answers state={s.clone()} today={model.today} dispatch={dispatch.clone()} on_back={back.clone()} /> },
                    crate::wizard::Step::Result => html! { <screens::Result state={s.clone()} today={model.today} dispatch={dispatch.clone()} on_back={back.clone()} /> },
                }
            }
            <screens::Footer lang={s.lang} />
        </>
    }
}

/// Whether the rule set has arrived.
#[derive(Clone, Copy, PartialEq)]
enum Load {
    /// Not asked for yet: the start screen needs none of it.
    Idle,
    Loading,
    Failed,
    Ready,
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub query: String,
    pub lang: Lang,
    pub today: Date,
    /// Start was tapped on the static start screen before the widget arrived: fetch the rule set and open
    /// the first question as soon as it is in.
    #[prop_or_default]
    pub begin: bool,
}

/// The widget before and after the rule set arrives. The start screen is shown at once from the copy
/// compiled in; the rule set (the law as data, about a third of the download) is fetched from the same
/// origin when the person starts, or at once when the link already carries answers.
#[function_component(Shell)]
pub fn shell(p: &ShellProps) -> Html {
    let wants_rules = dom::query_has_answers(&p.query);
    let load = use_state(|| if crate::law::installed().is_some() { Load::Ready } else { Load::Idle });
    let lang = use_state(|| dom::query_lang(&p.query).unwrap_or(p.lang));
    let begin = use_state(|| p.begin);
    let fetch = {
        let load = load.clone();
        Callback::from(move |_: ()| {
            if matches!(*load, Load::Loading | Load::Ready) {
                return;
            }
            load.set(Load::Loading);
            let load = load.clone();
            dom::fetch_rules(move |ok| load.set(if ok { Load::Ready } else { Load::Failed }));
        })
    };
    {
        let (fetch, tapped) = (fetch.clone(), p.begin);
        use_effect_with((), move |_| {
            if wants_rules || tapped {
                fetch.emit(());
            }
        });
    }
    {
        let l = *lang;
        use_effect_with(l, |l| dom::set_document_lang(*l));
    }
    if *load == Load::Ready {
        return html! { <App query={ p.query.clone() } lang={ *lang } today={ p.today } begin={ *begin } /> };
    }
    let l = *lang;
    let on_start = {
        let (fetch, begin) = (fetch.clone(), begin.clone());
        Callback::from(move |_: MouseEvent| {
            begin.set(true);
            fetch.emit(());
        })
    };
    let set_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    html! {
        <>
            <screens::Header lang={ l } on_lang={ set_lang } />
            if wants_rules {
                <h1 id="start-title">{ "Qadam" }</h1>
            } else {
                <screens::Start lang={ l } on_start={ on_start } />
            }
            <p role="status" aria-live="polite" id="load-status">
            { match *load {
                Load::Loading => html! { { screens::text(C::loading, l) } },
                Load::Failed => html! {
                    <span class="error">{ screens::text(C::load_failed, l) }{ " " }
                        <button type="button" class="secondary" id="retry" onclick={ fetch.reform(|_| ()) }>{ screens::text(C::retry, l) }</button>
                    </span>
                },
                _ => html! {},
            } }
            </p>
            <screens::Footer lang={ l } />
        </>
    }
}

/// Mounts the widget into the page's first `[data-qadam]` element, else `#qadam` (the page's `<main>`),
/// replacing the loading text.
pub fn start() {
    let today = dom::today();
    let query = dom::initial_query();
    let lang = dom::query_lang(&query).unwrap_or_else(|| Lang::from_preferences(dom::browser_languages().iter().map(String::as_str)));
    // Start tapped on the static start screen before now (static/prerender.js).
    let begin = dom::root_attribute("data-qadam-begin").is_some();
    let root = dom::root();
    yew::Renderer::<Shell>::with_root_and_props(root, ShellProps { query, lang, today, begin }).render();
}
