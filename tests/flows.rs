//! Interview flows as tables (`tests/flows/*.toml`): each case is the answers a person gives and the questions
//! they must see, replayed forward with the wizard's own actions, then backward with Back, and checked
//! node by node. A report names the questions no case visits.

use qadam::law::{bundled, date::Date, i18n::Lang};
use qadam::wizard::{Action, State, Step};
use std::collections::BTreeSet;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    flow: Vec<Flow>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Flow {
    name: String,
    on: String,
    /// `[fact, answer]` pairs in the order asked; the answer `unknown` is "I don't know".
    answers: Vec<[String; 2]>,
    /// The immigration type shown at the end (`none` for none).
    #[serde(default)]
    immigration_type: Option<String>,
}

fn step_name(s: &Step) -> String {
    match s {
        Step::Start => "start".into(),
        Step::Question(f) => f.clone(),
        Step::Answers => "answers".into(),
        Step::Result => "result".into(),
    }
}

#[test]
fn flow_tables_forward_and_backward() {
    let rules = bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/flows");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut visited = BTreeSet::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in paths.iter().filter(|p| p.extension().map_or(false, |e| e == "toml")) {
        let file: File = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for f in file.flow {
            count += 1;
            let today = Date::parse(&f.on).unwrap();
            let mut s = State::from_query(rules, &format!("?on={}", f.on), Lang::En, today);
            let mut fail = |m: String| failures.push(format!("{}: {m}", f.name));
            s = s.apply(rules, Action::Begin, today);
            // Forward: each answer is asked exactly when expected.
            for [fact, answer] in &f.answers {
                if s.step != Step::Question(fact.clone()) {
                    fail(format!("expected question {fact}, the wizard shows {}", step_name(&s.step)));
                    break;
                }
                visited.insert(fact.clone());
                // "unknown" is "I don't know" where a question offers it; `document=unknown` is an answer of its own.
                let offers_dont_know = rules.questions.iter().any(|q| q.fact == *fact && q.may_not_know);
                s = if answer == "unknown" && offers_dont_know {
                    s.apply(rules, Action::DontKnow(fact.clone()), today)
                } else {
                    s.apply(rules, Action::Answer { fact: fact.clone(), raw: answer.clone() }, today)
                };
                if let Some(e) = &s.answer_error {
                    fail(format!("answer {fact}={answer} refused: {e}"));
                    break;
                }
            }
            if s.step != Step::Result {
                fail(format!("after the last answer the wizard shows {}, not the result", step_name(&s.step)));
                continue;
            }
            if let Some(want) = &f.immigration_type {
                let a = qadam::law::assess::assess(rules, &s.facts, s.as_of(today));
                let got = a.immigration_type.map_or("none", |t| t.id.as_str());
                if got != want {
                    fail(format!("immigration type {got}, expected {want}"));
                }
            }
            // The link of the result opens the same result.
            let again = State::from_query(rules, &s.to_query(rules), Lang::Ru, today);
            if again.facts != s.facts || again.step != Step::Result || again.lang != Lang::En {
                fail(format!("the result's link {} does not reopen it", s.to_query(rules)));
            }
            // Backward: Back visits the same questions in reverse, each with its answer still filled in.
            for [fact, _] in f.answers.iter().rev() {
                s = s.apply(rules, Action::Back, today);
                if s.step != Step::Question(fact.clone()) {
                    fail(format!("Back should show {fact}, shows {}", step_name(&s.step)));
                    break;
                }
                if s.facts.get(fact).is_none() && !s.unknown.contains(fact) {
                    fail(format!("Back to {fact} lost its answer"));
                }
            }
            s = s.apply(rules, Action::Back, today);
            if s.step != Step::Start {
                fail(format!("Back from the first question shows {}", step_name(&s.step)));
            }
        }
    }
    let unvisited: Vec<&str> = rules.questions.iter().map(|q| q.fact.as_str()).filter(|f| !visited.contains(*f)).collect();
    println!("flows: {count} cases; questions no flow visits: {unvisited:?}");
    assert!(failures.is_empty(), "{} flow failures:\n{}", failures.len(), failures.join("\n"));
    assert!(unvisited.is_empty(), "questions no flow visits: {unvisited:?}");
}

#[test]
fn changing_an_earlier_answer_drops_the_answers_it_made_irrelevant() {
    let rules = bundled();
    let today = Date::parse("2026-11-22").unwrap();
    let q = "?citizenship=RU&purpose=labour&works_for=eaeu_contract&entry_date=2026-11-01&document=none&step=purpose";
    let s = State::from_query(rules, q, Lang::Ru, today);
    assert_eq!(s.step, Step::Question("purpose".into()));
    assert!(s.facts.get("works_for").is_some());
    let s = s.apply(rules, Action::Answer { fact: "purpose".into(), raw: "visit".into() }, today);
    assert!(s.facts.get("works_for").is_none(), "works_for no longer applies to a visit");
    assert!(s.facts.get("entry_date").is_some(), "entry_date still applies");
    // The next unanswered question after purpose, not the start.
    assert_eq!(s.step, Step::Question("ethnic_kazakh".into()));
}

#[test]
fn a_bad_answer_is_named_and_the_question_stays() {
    let rules = bundled();
    let today = Date::parse("2026-11-22").unwrap();
    let s = State::from_query(rules, "?citizenship=UZ&purpose=visit&ethnic_kazakh=false", Lang::En, today);
    assert_eq!(s.step, Step::Question("entry_date".into()));
    let s = s.apply(rules, Action::Answer { fact: "entry_date".into(), raw: "2026-02-30".into() }, today);
    assert_eq!(s.step, Step::Question("entry_date".into()));
    assert_eq!(s.answer_error.as_ref().map(|e| e.key.as_str()), Some("entry_date"));
    let s = s.apply(rules, Action::Answer { fact: "entry_date".into(), raw: String::new() }, today);
    assert_eq!(s.answer_error.as_ref().map(|e| e.kind), Some(qadam::law::facts::FactErrorKind::Missing));
}

#[test]
fn bad_link_parameters_are_named_and_ignored() {
    let rules = bundled();
    let today = Date::parse("2026-11-22").unwrap();
    let long = "x".repeat(5000);
    let q = format!("?lang=fr&citizenship=XX&entry_date=2026-02-30&purpose=holiday&foo=bar&on=tomorrow&step=nowhere&document=%ZZ{long}");
    let s = State::from_query(rules, &q, Lang::Kk, today);
    let keys: Vec<&str> = s.link_errors.iter().map(|e| e.key.as_str()).collect();
    for k in ["lang", "citizenship", "entry_date", "purpose", "document", "on", "step", "link"] {
        assert!(keys.contains(&k), "{k} not named in {keys:?}");
    }
    // A name outside the contract is counted, never echoed (a crafted link must not write on the page).
    assert!(!keys.contains(&"foo"), "{keys:?}");
    assert_eq!(s.link_ignored, 1);
    assert!(s.link_errors.iter().all(|e| e.problem.chars().count() < 300), "errors stay short");
    assert_eq!(s.lang, Lang::Kk);
    assert_eq!(s.step, Step::Question("citizenship".into()));
}

#[test]
fn back_and_forward_in_the_browser_restore_answers() {
    let rules = bundled();
    let today = Date::parse("2026-11-22").unwrap();
    let s = State::from_query(rules, "?lang=ru&citizenship=DE&purpose=visit&step=entry_date", Lang::Ru, today);
    let s = s.apply(rules, Action::Answer { fact: "entry_date".into(), raw: "2026-11-20".into() }, today);
    assert_eq!(s.step, Step::Question("document".into()));
    // The browser goes back to the address before the answer: the answer given is still filled in.
    let s = s.apply(rules, Action::Navigate("?lang=ru&citizenship=DE&purpose=visit&step=entry_date".into()), today);
    assert_eq!(s.step, Step::Question("entry_date".into()));
    assert_eq!(s.facts.date("entry_date").map(|d| d.to_string()).as_deref(), Some("2026-11-20"));
}

#[test]
fn a_result_link_with_every_required_fact_opens_at_the_result() {
    let rules = bundled();
    let today = Date::parse("2026-11-22").unwrap();
    let example1 = "?lang=ru&on=2026-11-22&citizenship=DE&purpose=visit&entry_date=2026-11-20&document=none";
    assert_eq!(State::from_query(rules, &format!("{example1}&step=result"), Lang::Ru, today).step, Step::Result);
    // Without step, the link opens at the next question not yet answered: an optional one here.
    assert_eq!(State::from_query(rules, example1, Lang::Ru, today).step, Step::Question("ethnic_kazakh".into()));
    // A required fact missing: the result waits for it.
    let s = State::from_query(rules, "?citizenship=DE&purpose=visit&ethnic_kazakh=false&step=result", Lang::Ru, today);
    assert_eq!(s.step, Step::Question("entry_date".into()));
}
