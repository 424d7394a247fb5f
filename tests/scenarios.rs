//! Scenario tables: `tests/scenarios/*.toml`, each case a person's facts, a day, and what the law gives.
//! One generic runner checks them all and reports the outcomes no case reaches.

use qadam::law::{assess::assess, bundled, check, date::Date};
use std::collections::{BTreeMap, BTreeSet};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    on: String,
    facts: toml::Table,
    /// `none` for no type.
    #[serde(default)]
    immigration_type: Option<String>,
    #[serde(default)]
    complete: Option<bool>,
    #[serde(default)]
    next_question: Option<String>,
    /// Deadline id → due date; every listed deadline must be there with that date.
    #[serde(default)]
    deadlines: BTreeMap<String, String>,
    /// Deadline ids that must not be there.
    #[serde(default)]
    no_deadlines: Vec<String>,
    /// When set, the deadlines above are all there is.
    #[serde(default)]
    only_these_deadlines: bool,
    #[serde(default)]
    rights: Vec<String>,
    #[serde(default)]
    no_rights: Vec<String>,
    #[serde(default)]
    obligations: Vec<String>,
    /// Penalty id → tenge.
    #[serde(default)]
    penalties: BTreeMap<String, u64>,
    /// The plan, in order: each `id status due` (`-` for no date); when set, exactly these actions.
    #[serde(default)]
    actions: Option<Vec<String>>,
    /// The plan's first action id.
    #[serde(default)]
    first_action: Option<String>,
    /// Action ids that must not be in the plan.
    #[serde(default)]
    no_actions: Vec<String>,
    /// Caution ids that must be there (`planned_exit_after_lawful_end:6` with its days).
    #[serde(default)]
    cautions: Vec<String>,
    /// The penalty ids marked `applies` (the tier in force today); when set, exactly these.
    #[serde(default)]
    applies: Option<Vec<String>>,
    /// A bad fact: the key the error must name.
    #[serde(default)]
    error_key: Option<String>,
}

fn facts_json(t: &toml::Table) -> String {
    serde_json::to_string(&serde_json::to_value(t).unwrap()).unwrap()
}

#[test]
fn scenario_tables() {
    let rules = bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().map_or(false, |e| e == "toml")).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut reached = BTreeSet::new();
    let mut count = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for c in file.case {
            count += 1;
            let on = Date::parse(&c.on).unwrap_or_else(|| panic!("{}: bad on", c.name));
            let mut fail = |m: String| failures.push(format!("{} [{}]: {m}", c.name, path.file_name().unwrap().to_string_lossy()));
            let facts = match qadam::cli::facts_from_json(rules, &facts_json(&c.facts)) {
                Ok(f) => {
                    if let Some(k) = &c.error_key {
                        fail(format!("expected an error naming `{k}`, the facts were accepted"));
                        continue;
                    }
                    f
                }
                Err(e) => {
                    if c.error_key.as_deref() != Some(e.key.as_str()) {
                        fail(format!("unexpected error {e}"));
                    }
                    continue;
                }
            };
            let a = assess(rules, &facts, on);
            let ty = a.immigration_type.map_or("none", |t| t.id.as_str());
            reached.insert(format!("type:{ty}"));
            if let Some(k) = a.immigration_kind {
                let t = a.immigration_type.unwrap();
                let i = t.kinds.iter().position(|x| std::ptr::eq(x, k)).unwrap();
                reached.insert(format!("kind:{}#{i}", t.id));
            }
            for d in &a.deadlines {
                reached.insert(format!("deadline:{}", d.rule.id));
            }
            reached.extend(a.rights.iter().map(|r| format!("right:{}", r.id)));
            reached.extend(a.obligations.iter().map(|r| format!("obligation:{}", r.id)));
            reached.extend(a.actions.iter().map(|r| format!("action:{}", r.rule.id)));
            let plan: Vec<String> = a
                .actions
                .iter()
                .map(|x| format!("{} {} {}", x.rule.id, x.status.id(), x.due.map_or("-".to_string(), |d| d.to_string())))
                .collect();
            if let Some(want) = &c.actions {
                if *want != plan {
                    fail(format!("plan {plan:?}, expected {want:?}"));
                }
            }
            if let Some(want) = &c.first_action {
                if a.actions.first().map(|x| x.rule.id.as_str()) != Some(want.as_str()) {
                    fail(format!("first action {:?}, expected {want}", plan.first()));
                }
            }
            for id in &c.no_actions {
                if a.actions.iter().any(|x| x.rule.id == *id) {
                    fail(format!("action {id} present, expected absent (plan {plan:?})"));
                }
            }
            let cautions: Vec<String> = a
                .cautions
                .iter()
                .map(|c| match c {
                    qadam::law::assess::Caution::PlannedExitAfterLawfulEnd(n) => format!("{}:{n}", c.id()),
                    _ => c.id().to_string(),
                })
                .collect();
            for want in &c.cautions {
                if !cautions.contains(want) {
                    fail(format!("caution {want} missing (got {cautions:?})"));
                }
            }
            if let Some(want) = &c.applies {
                let got: Vec<&str> = a.penalties.iter().filter(|p| p.applies).map(|p| p.penalty.id.as_str()).collect();
                if *want != got {
                    fail(format!("penalties that apply {got:?}, expected {want:?}"));
                }
            }
            if let Some(want) = &c.immigration_type {
                if want != ty {
                    fail(format!("immigration_type {ty}, expected {want}"));
                }
            }
            if let Some(want) = c.complete {
                if want != a.complete {
                    fail(format!("complete {}, expected {want}", a.complete));
                }
            }
            if let Some(want) = &c.next_question {
                if a.next_question != Some(want.as_str()) {
                    fail(format!("next_question {:?}, expected {want}", a.next_question));
                }
            }
            let got: BTreeMap<&str, String> = a.deadlines.iter().map(|d| (d.rule.id.as_str(), d.due.to_string())).collect();
            for (id, due) in &c.deadlines {
                match got.get(id.as_str()) {
                    Some(g) if g == due => {}
                    Some(g) => fail(format!("{id} due {g}, expected {due}")),
                    None => fail(format!("{id} missing (got {got:?})")),
                }
            }
            for id in &c.no_deadlines {
                if got.contains_key(id.as_str()) {
                    fail(format!("{id} present, expected absent"));
                }
            }
            if c.only_these_deadlines && got.len() != c.deadlines.len() {
                fail(format!("deadlines {got:?}, expected only {:?}", c.deadlines));
            }
            let rights: BTreeSet<&str> = a.rights.iter().map(|r| r.id.as_str()).collect();
            for r in &c.rights {
                if !rights.contains(r.as_str()) {
                    fail(format!("right {r} missing (got {rights:?})"));
                }
            }
            for r in &c.no_rights {
                if rights.contains(r.as_str()) {
                    fail(format!("right {r} present, expected absent"));
                }
            }
            let obligations: BTreeSet<&str> = a.obligations.iter().map(|r| r.id.as_str()).collect();
            for o in &c.obligations {
                if !obligations.contains(o.as_str()) {
                    fail(format!("obligation {o} missing (got {obligations:?})"));
                }
            }
            for (id, tenge) in &c.penalties {
                match a.penalties.iter().find(|p| p.penalty.id == *id) {
                    Some(p) if p.tenge == *tenge => {}
                    Some(p) => fail(format!("penalty {id} {} tenge, expected {tenge}", p.tenge)),
                    None => fail(format!("penalty {id} missing")),
                }
            }
        }
    }
    let unreached: Vec<String> = check::all_outcomes(rules).difference(&reached).cloned().collect();
    println!("scenarios: {count} cases in {} files; outcomes no case reaches: {unreached:?}", files.len());
    assert!(failures.is_empty(), "{} of {count} scenarios failed:\n{}", failures.len(), failures.join("\n"));
    assert!(count >= 65, "only {count} scenarios");
}
