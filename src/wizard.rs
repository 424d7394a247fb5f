//! The wizard's state and its transitions: plain Rust, no DOM, tested natively.
//!
//! The state is what the URL carries (`law::query`) plus the screen shown. Every action returns the new
//! state; the Yew layer only renders it and mirrors it into the address bar.

use crate::law::{
    assess::Ctx,
    date::Date,
    facts::{FactError, FactSet, Facts},
    flow,
    i18n::Lang,
    model::{QuestionKind, RuleSet},
    query,
};
use alloc::{string::String, vec::Vec};

/// The screen shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Start,
    /// The question that fills this fact.
    Question(String),
    /// The list of answers with change links.
    Answers,
    Result,
}

impl Step {
    pub fn param(&self) -> Option<&str> {
        match self {
            Step::Start => None,
            Step::Question(f) => Some(f),
            Step::Answers => Some("answers"),
            Step::Result => Some("result"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub facts: Facts,
    /// Optional facts answered "I don't know".
    pub unknown: FactSet,
    pub lang: Lang,
    /// The as-of date given in the link (`on`); `None` means today.
    pub on: Option<Date>,
    pub step: Step,
    /// Bad link parameters, named on the page and otherwise ignored.
    pub link_errors: Vec<FactError>,
    /// Other parts of the link that were ignored: counted on the page, never echoed.
    pub link_ignored: usize,
    /// The problem with the answer just given, shown under the question.
    pub answer_error: Option<FactError>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Begin,
    /// An answer in its URL form (`true`, `UZ`, `2026-11-20`, `a..b,c..d`).
    Answer { fact: String, raw: String },
    DontKnow(String),
    /// The page's own Back link.
    Back,
    /// Open a question from the answers list ("change").
    Change(String),
    ShowAnswers,
    Restart,
    SetLang(Lang),
    /// The browser moved to another address (back/forward), or the page opened with one.
    Navigate(String),
}

impl State {
    /// The state a link describes; `today` is used only to route (which questions apply).
    pub fn from_query(rules: &RuleSet, q: &str, default_lang: Lang, today: Date) -> State {
        let parsed = query::parse(rules, q);
        let mut s = State {
            facts: parsed.facts,
            unknown: parsed.unknown,
            lang: parsed.lang.unwrap_or(default_lang),
            on: parsed.on,
            step: Step::Start,
            link_errors: parsed.errors,
            link_ignored: parsed.ignored,
            answer_error: None,
        };
        s.prune(rules, today);
        let step_param = query::param(q, "step");
        s.step = match step_param {
            // A link that asks for the result gets it once every required fact is there; optional ones then
            // take their safe default, as the result says.
            Some("result") if s.complete(rules, today) => Step::Result,
            Some("answers") if !s.facts.is_empty() => Step::Answers,
            Some(f) if s.applies(rules, f, today) => Step::Question(f.into()),
            Some(other) => {
                if !other.is_empty() && !["result", "answers"].contains(&other) {
                    s.link_errors.push(FactError::new("step", crate::law::facts::FactErrorKind::Step, "no such question for these answers"));
                }
                s.route(rules, today)
            }
            None if s.facts.is_empty() && s.unknown.is_empty() => Step::Start,
            None => s.route(rules, today),
        };
        s
    }

    fn prune(&mut self, rules: &RuleSet, today: Date) {
        let as_of = self.as_of(today);
        flow::prune(rules, &mut self.facts, &mut self.unknown, as_of);
    }

    pub fn as_of(&self, today: Date) -> Date {
        self.on.unwrap_or(today)
    }

    /// Every required fact the answers lead to is given (the engine's `complete`).
    pub fn complete(&self, rules: &RuleSet, today: Date) -> bool {
        let ctx = Ctx { rules, facts: &self.facts, as_of: self.as_of(today) };
        flow::next_required(&ctx).is_none()
    }

    /// The next question to ask, if any.
    pub fn next(&self, rules: &RuleSet, today: Date) -> Option<String> {
        let ctx = Ctx { rules, facts: &self.facts, as_of: self.as_of(today) };
        flow::next_to_ask(&ctx, &self.unknown).map(|q| q.fact.clone())
    }

    fn route(&self, rules: &RuleSet, today: Date) -> Step {
        self.next(rules, today).map_or(Step::Result, Step::Question)
    }

    fn applies(&self, rules: &RuleSet, fact: &str, today: Date) -> bool {
        let ctx = Ctx { rules, facts: &self.facts, as_of: self.as_of(today) };
        rules.questions.iter().any(|q| q.fact == fact && ctx.holds(&q.when))
    }

    /// The applicable questions, in order, up to and including the current one.
    pub fn path(&self, rules: &RuleSet, today: Date) -> Vec<String> {
        let ctx = Ctx { rules, facts: &self.facts, as_of: self.as_of(today) };
        flow::applicable(&ctx).into_iter().map(|q| q.fact.clone()).collect()
    }

    /// The address of this state (`?lang=…&…&step=…`).
    pub fn to_query(&self, rules: &RuleSet) -> String {
        let mut q = query::write(rules, &self.facts, &self.unknown, self.lang, self.on);
        if let Some(p) = self.step.param() {
            q.push_str("&step=");
            q.push_str(p);
        }
        q
    }

    /// Applies an action and returns the new state.
    pub fn apply(mut self, rules: &RuleSet, action: Action, today: Date) -> State {
        self.answer_error = None;
        match action {
            // Start opens the first question, its answer filled in if there is one (after walking back).
            Action::Begin => {
                self.step = self.path(rules, today).first().cloned().map_or(Step::Result, Step::Question);
            }
            Action::Answer { fact, raw } => {
                // The link's problems were named when it opened; once the person answers they are history.
                self.link_errors.clear();
                self.link_ignored = 0;
                let mut facts = self.facts.clone();
                let set = if raw.is_empty() && kind_of(rules, &fact) != Some(QuestionKind::Stays) {
                    Err(FactError::new(&fact, crate::law::facts::FactErrorKind::Missing, "missing"))
                } else {
                    facts.set(rules, &fact, &raw).and_then(|_| facts.check_consistency())
                };
                match set {
                    Ok(()) => {
                        self.facts = facts;
                        self.unknown.remove(&fact);
                        self.prune(rules, today);
                        self.step = self.after(rules, &fact, today);
                    }
                    Err(e) => self.answer_error = Some(e),
                }
            }
            Action::DontKnow(fact) => {
                self.link_errors.clear();
                self.link_ignored = 0;
                if rules.questions.iter().any(|q| q.fact == fact && q.may_not_know) {
                    self.facts.remove(&fact);
                    self.unknown.insert(&fact);
                    self.prune(rules, today);
                    self.step = self.after(rules, &fact, today);
                }
            }
            Action::Back => {
                self.step = match &self.step {
                    Step::Question(f) => {
                        let path = self.path(rules, today);
                        match path.iter().position(|x| x == f) {
                            Some(0) | None => Step::Start,
                            Some(i) => Step::Question(path[i - 1].clone()),
                        }
                    }
                    Step::Result | Step::Answers => {
                        self.path(rules, today).last().cloned().map_or(Step::Start, Step::Question)
                    }
                    Step::Start => Step::Start,
                };
            }
            Action::Change(f) => {
                if self.applies(rules, &f, today) {
                    self.step = Step::Question(f);
                }
            }
            Action::ShowAnswers => self.step = Step::Answers,
            Action::Restart => {
                self = State {
                    facts: Facts::new(),
                    unknown: FactSet::default(),
                    lang: self.lang,
                    on: self.on,
                    step: Step::Start,
                    link_errors: Vec::new(),
                    link_ignored: 0,
                    answer_error: None,
                };
            }
            Action::SetLang(l) => self.lang = l,
            Action::Navigate(q) => {
                let mut next = State::from_query(rules, &q, self.lang, today);
                // Going back shows the earlier question with the answer given before still filled in.
                for (k, v) in self.facts.iter() {
                    if next.facts.get(k).is_none() && !next.unknown.contains(k) {
                        let _ = next.facts.set(rules, k, &v.to_query());
                    }
                }
                for k in self.unknown.iter() {
                    if next.facts.get(k).is_none() {
                        next.unknown.insert(k);
                    }
                }
                if next.facts.check_consistency().is_err() {
                    next.facts = State::from_query(rules, &q, self.lang, today).facts;
                }
                next.prune(rules, today);
                return next;
            }
        }
        self
    }

    /// After answering `fact`: the next unanswered question, or else the result.
    fn after(&self, rules: &RuleSet, fact: &str, today: Date) -> Step {
        let path = self.path(rules, today);
        let here = path.iter().position(|x| x == fact);
        // Walk on from the question just answered, so that a changed answer is followed by the questions after it.
        if let Some(i) = here {
            for f in &path[i + 1..] {
                if self.facts.get(f).is_none() && !self.unknown.contains(f) {
                    return Step::Question(f.clone());
                }
            }
        }
        self.route(rules, today)
    }
}

fn kind_of(rules: &RuleSet, fact: &str) -> Option<QuestionKind> {
    rules.questions.iter().find(|q| q.fact == fact).map(|q| q.kind)
}
