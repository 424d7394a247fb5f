//! The wizard's state and its transitions: plain Rust, no DOM, tested natively.
//!
//! The state is what the URL carries (`law::query`) plus the screen shown. Every action returns the new
//! state; the Yew layer only renders it and mirrors it into the address bar.

use crate::law::i18n::CopyId as C;
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

// ---------------------------------------------------------------------------------------------------------------
// Dates typed as day, month and year (three numeric fields, the pattern GOV.UK found works for everyone).

/// One of the three fields of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

/// What is wrong with a date typed in three fields; each has its own sentence in `rules/copy.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing typed.
    Missing,
    /// This field is empty and another one is not.
    MissingPart(DatePart),
    /// This field is not a number in its range (a day 1–31, a month 1–12, a year of four digits).
    BadPart(DatePart),
    /// Each field is fine but the month has no such day (31 April, 29 February 2026).
    NoSuchDay,
}

impl DateProblem {
    /// The copy id of the sentence that explains it.
    pub fn copy(self) -> C {
        use DatePart::*;
        match self {
            DateProblem::Missing => C::date_missing,
            DateProblem::MissingPart(Day) => C::date_missing_day,
            DateProblem::MissingPart(Month) => C::date_missing_month,
            DateProblem::MissingPart(Year) => C::date_missing_year,
            DateProblem::BadPart(Day) => C::date_bad_day,
            DateProblem::BadPart(Month) => C::date_bad_month,
            DateProblem::BadPart(Year) => C::date_bad_year,
            DateProblem::NoSuchDay => C::date_no_such_day,
        }
    }

    /// The field to mark as wrong (`None`: the whole date).
    pub fn part(self) -> Option<DatePart> {
        match self {
            DateProblem::MissingPart(p) | DateProblem::BadPart(p) => Some(p),
            _ => None,
        }
    }
}

/// The date typed as day, month and year (spaces around are ignored, leading zeros allowed).
pub fn date_from_parts(day: &str, month: &str, year: &str) -> Result<Date, DateProblem> {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Err(DateProblem::Missing);
    }
    let number = |s: &str, part: DatePart, digits: core::ops::RangeInclusive<usize>, range: core::ops::RangeInclusive<u32>| {
        if s.is_empty() {
            return Err(DateProblem::MissingPart(part));
        }
        if !digits.contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateProblem::BadPart(part));
        }
        let n = s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
        if range.contains(&n) {
            Ok(n)
        } else {
            Err(DateProblem::BadPart(part))
        }
    };
    let d = number(d, DatePart::Day, 1..=2, 1..=31)?;
    let m = number(m, DatePart::Month, 1..=2, 1..=12)?;
    // Four digits: "26" could be 1926 or 2026, and the law's dates are exact.
    let y = number(y, DatePart::Year, 4..=4, 1000..=9999)?;
    Date::from_ymd(y as i32, m, d).ok_or(DateProblem::NoSuchDay)
}

/// The three fields of a date as the form keeps them, in one string separated by U+001F, which no keyboard
/// types (one string, not three: each kind of state costs the download code of its own).
pub const DRAFT_SEP: char = '\u{1f}';

/// The fields of a date (`2026-11-05` → `5`, `11`, `2026`), as a draft; empty fields for no date.
pub fn date_draft(value: &str) -> String {
    match Date::parse(value) {
        Some(d) => {
            let (y, m, d) = d.ymd();
            format!("{d}{DRAFT_SEP}{m}{DRAFT_SEP}{y}")
        }
        None => format!("{DRAFT_SEP}{DRAFT_SEP}"),
    }
}

/// Day, month and year of a draft.
pub fn draft_parts(draft: &str) -> [&str; 3] {
    let mut it = draft.split(DRAFT_SEP);
    [it.next().unwrap_or(""), it.next().unwrap_or(""), it.next().unwrap_or("")]
}

/// The draft with field `i` (0 day, 1 month, 2 year) replaced by what was typed.
pub fn draft_with(draft: &str, i: usize, typed: &str) -> String {
    let mut parts = draft_parts(draft);
    let typed = typed.replace(DRAFT_SEP, "");
    parts[i] = &typed;
    format!("{}{DRAFT_SEP}{}{DRAFT_SEP}{}", parts[0], parts[1], parts[2])
}

/// The date of a draft.
pub fn date_from_draft(draft: &str) -> Result<Date, DateProblem> {
    let [d, m, y] = draft_parts(draft);
    date_from_parts(d, m, y)
}

/// Answers that are possible but more often a slip of the finger, so the wizard asks "are you sure?":
/// an arrival in the future or before this year.
pub const ARRIVAL_FACT: &str = "entry_date";
pub const EARLIEST_USUAL_ARRIVAL_YEAR: i32 = 1990;

/// The copy id of the "are you sure?" question for this answer, if it needs one.
pub fn unusual_date(fact: &str, d: Date, as_of: Date) -> Option<C> {
    if fact != ARRIVAL_FACT {
        None
    } else if d > as_of {
        Some(C::date_sure_future)
    } else if d.year() < EARLIEST_USUAL_ARRIVAL_YEAR {
        Some(C::date_sure_old)
    } else {
        None
    }
}

/// One earlier trip as typed: the drafts (`date_draft`) of its day of entry and day of exit.
pub type TripDraft = [String; 2];

/// The trips of an answer in its URL form (`2026-06-01..2026-06-30,…`), each date as its three fields.
pub fn trip_drafts(answer: &str) -> Vec<TripDraft> {
    answer
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (a, b) = p.split_once("..").unwrap_or((p, ""));
            [date_draft(a), date_draft(b)]
        })
        .collect()
}

/// The answer in its URL form. A trip left wholly empty is dropped; a day left empty is sent as `missing`, for
/// the engine to name; a day typed wrong stays on the screen: (trip, 0 entry or 1 exit, what is wrong).
pub fn trips_answer(trips: &[TripDraft]) -> Result<String, (usize, usize, DateProblem)> {
    let mut out = Vec::new();
    for (i, trip) in trips.iter().enumerate() {
        let days = [date_from_draft(&trip[0]), date_from_draft(&trip[1])];
        if days.iter().all(|d| *d == Err(DateProblem::Missing)) {
            continue;
        }
        let mut iso = [String::new(), String::new()];
        for (k, day) in days.into_iter().enumerate() {
            iso[k] = match day {
                Ok(d) => d.to_string(),
                Err(DateProblem::Missing) => "missing".into(),
                Err(problem) => return Err((i, k, problem)),
            };
        }
        out.push(format!("{}..{}", iso[0], iso[1]));
    }
    Ok(out.join(","))
}

impl State {
    /// "Question `n` of about `total`": the place of `fact` among the questions that apply to the answers so
    /// far (`flow::applicable`), and how many those are. Later answers can add or remove questions, hence
    /// "about".
    pub fn progress(&self, rules: &RuleSet, fact: &str, today: Date) -> (usize, usize) {
        let path = self.path(rules, today);
        let n = path.iter().position(|f| f == fact).map_or(1, |i| i + 1);
        (n, path.len().max(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::bundled;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_typed_in_three_fields() {
        assert_eq!(date_from_parts("20", "11", "2026"), Ok(d("2026-11-20")));
        assert_eq!(date_from_parts(" 5", "03 ", "2026"), Ok(d("2026-03-05")));
        assert_eq!(date_from_parts("05", "3", "2026"), Ok(d("2026-03-05")));
        assert_eq!(date_from_parts("29", "2", "2028"), Ok(d("2028-02-29")));
        assert_eq!(date_from_parts("", " ", ""), Err(DateProblem::Missing));
        assert_eq!(date_from_parts("", "11", "2026"), Err(DateProblem::MissingPart(DatePart::Day)));
        assert_eq!(date_from_parts("20", "", "2026"), Err(DateProblem::MissingPart(DatePart::Month)));
        assert_eq!(date_from_parts("20", "11", ""), Err(DateProblem::MissingPart(DatePart::Year)));
        assert_eq!(date_from_parts("32", "11", "2026"), Err(DateProblem::BadPart(DatePart::Day)));
        assert_eq!(date_from_parts("0", "11", "2026"), Err(DateProblem::BadPart(DatePart::Day)));
        assert_eq!(date_from_parts("2x", "11", "2026"), Err(DateProblem::BadPart(DatePart::Day)));
        assert_eq!(date_from_parts("20", "13", "2026"), Err(DateProblem::BadPart(DatePart::Month)));
        assert_eq!(date_from_parts("20", "ноя", "2026"), Err(DateProblem::BadPart(DatePart::Month)));
        assert_eq!(date_from_parts("20", "11", "26"), Err(DateProblem::BadPart(DatePart::Year)));
        assert_eq!(date_from_parts("20", "11", "20266"), Err(DateProblem::BadPart(DatePart::Year)));
        assert_eq!(date_from_parts("20", "11", "0999"), Err(DateProblem::BadPart(DatePart::Year)));
        assert_eq!(date_from_parts("31", "4", "2026"), Err(DateProblem::NoSuchDay));
        assert_eq!(date_from_parts("29", "2", "2026"), Err(DateProblem::NoSuchDay));
        let draft = date_draft("2026-11-05");
        assert_eq!(draft_parts(&draft), ["5", "11", "2026"]);
        assert_eq!(draft_parts(&date_draft("unknown")), ["", "", ""]);
        assert_eq!(draft_parts(&draft_with(&draft, 1, "12")), ["5", "12", "2026"]);
        assert_eq!(date_from_draft(&draft_with(&draft, 0, "31")), Err(DateProblem::NoSuchDay));
        assert_eq!(date_from_draft(&draft_with(&date_draft(""), 2, "2026")), Err(DateProblem::MissingPart(DatePart::Day)));
    }

    #[test]
    fn trips_are_typed_as_three_fields_a_date_and_sent_in_the_url_form() {
        let drafts = trip_drafts("2026-06-01..2026-06-30,2025-01-05..missing");
        assert_eq!(draft_parts(&drafts[0][0]), ["1", "6", "2026"]);
        assert_eq!(draft_parts(&drafts[1][1]), ["", "", ""]);
        assert_eq!(trips_answer(&drafts), Ok("2026-06-01..2026-06-30,2025-01-05..missing".into()));
        assert_eq!(trips_answer(&trip_drafts("")), Ok(String::new()));
        // A trip left empty is dropped; a day typed wrong is named with its trip and its place.
        let mut typed = drafts.clone();
        typed.push([date_draft(""), date_draft("")]);
        assert_eq!(trips_answer(&typed), Ok("2026-06-01..2026-06-30,2025-01-05..missing".into()));
        typed[0][1] = draft_with(&typed[0][1], 1, "13");
        assert_eq!(trips_answer(&typed), Err((0, 1, DateProblem::BadPart(DatePart::Month))));
        typed[0][1] = draft_with(&typed[0][1], 1, "6");
        typed[1][0] = draft_with(&typed[1][0], 0, "30");
        typed[1][0] = draft_with(&typed[1][0], 1, "2");
        assert_eq!(trips_answer(&typed), Err((1, 0, DateProblem::NoSuchDay)));
    }

    #[test]
    fn an_arrival_in_the_future_or_before_1990_is_asked_again() {
        let today = d("2026-11-22");
        assert_eq!(unusual_date("entry_date", d("2026-11-23"), today), Some(C::date_sure_future));
        assert_eq!(unusual_date("entry_date", d("1989-12-31"), today), Some(C::date_sure_old));
        assert_eq!(unusual_date("entry_date", d("1990-01-01"), today), None);
        assert_eq!(unusual_date("entry_date", today, today), None);
        // A planned exit is in the future by nature.
        assert_eq!(unusual_date("planned_exit", d("2027-01-01"), today), None);
    }

    #[test]
    fn the_counter_counts_the_questions_that_apply() {
        let r = bundled();
        let today = d("2026-11-22");
        let start = State::from_query(r, "", Lang::En, today);
        let (n, total) = start.progress(r, "citizenship", today);
        assert_eq!(n, 1);
        assert!(total >= 4, "only {total} questions counted at the start");
        // A citizen is asked fewer questions than a foreigner who works.
        let citizen = State::from_query(r, "citizenship=KZ", Lang::En, today);
        let worker = State::from_query(r, "citizenship=UZ&purpose=labour", Lang::En, today);
        let (_, c) = citizen.progress(r, "entry_date", today);
        let (wn, w) = worker.progress(r, "works_for", today);
        assert!(c < w, "citizen {c} questions, worker {w}");
        let worker_path: Vec<&str> = crate::law::flow::applicable(&Ctx { rules: r, facts: &worker.facts, as_of: today }).iter().map(|q| q.fact.as_str()).collect();
        assert_eq!(wn, 1 + worker_path.iter().position(|f| *f == "works_for").unwrap(), "{worker_path:?}");
        assert!(wn >= 3, "works_for comes after citizenship and purpose");
        assert_eq!(c, crate::law::flow::applicable(&Ctx { rules: r, facts: &citizen.facts, as_of: today }).len());
    }
}
