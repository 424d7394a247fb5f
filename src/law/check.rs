//! `qadam check`: everything a reviewer would otherwise have to check by hand in a rule set.
//!
//! Texts present in every language; every source cited, dated and known; every reference resolving;
//! every question and outcome reachable and no interview ending incomplete; no gap or overlap in any
//! dated value from 2020 to 2027; a calendar for every year.

use super::assess::{assess, Ctx};
use super::date::Date;
use super::facts::{fact_kind, FactSet, Facts};
use super::flow;
use super::model::*;
use std::collections::{BTreeMap, BTreeSet};

/// The span every dated value must cover without gap or overlap.
pub const SWEEP_FROM: (i32, u32, u32) = (2020, 1, 1);
pub const SWEEP_TO: (i32, u32, u32) = (2027, 12, 31);

/// Every text of the rule set with a path naming where it stands.
pub fn texts(r: &RuleSet) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> = Vec::new();
    fn source<'a>(out: &mut Vec<(String, &'a Text)>, path: &str, s: &'a Source) {
        if let Some(n) = &s.note {
            out.push((format!("{path}.source.note"), n));
        }
    }
    for a in &r.acts {
        out.push((format!("act[{}].short", a.id), &a.short));
        out.push((format!("act[{}].title", a.id), &a.title));
        out.push((format!("act[{}].url", a.id), &a.url));
    }
    // The plan's steps: what to do is the `action`, the rest are its parts.
    for (i, a) in r.actions.iter().enumerate() {
        let p = format!("action[{}#{i}]", a.id);
        out.push((format!("{p}.action"), &a.text));
        for (k, t) in [("fix", &a.fix), ("bring", &a.bring)] {
            if let Some(t) = t {
                out.push((format!("{p}.{k}"), t));
            }
        }
        out.push((format!("{p}.missed"), &a.missed));
        source(&mut out, &p, &a.source);
    }
    for q in &r.questions {
        let p = format!("question[{}]", q.fact);
        out.push((format!("{p}.title"), &q.title));
        out.push((format!("{p}.hint"), &q.hint));
        if let Some(f) = &q.unknown_fallback {
            out.push((format!("{p}.unknown_fallback"), f));
        }
        if let Some(f) = &q.skip_label {
            out.push((format!("{p}.skip_label"), f));
        }
        for o in &q.options {
            out.push((format!("{p}.option[{}].label", o.value), &o.label));
            out.push((format!("{p}.option[{}].hint", o.value), &o.hint));
        }
    }
    for t in &r.immigration_types {
        let p = format!("immigration_type[{}]", t.id);
        for (f, x) in [("name", &t.name), ("who", &t.who), ("document", &t.document), ("term", &t.term), ("body", &t.body)] {
            out.push((format!("{p}.{f}"), x));
        }
        if let Some(i) = &t.ineligible {
            out.push((format!("{p}.ineligible"), i));
        }
        for s in &t.sources {
            source(&mut out, &p, s);
        }
        for (i, k) in t.kinds.iter().enumerate() {
            let p = format!("{p}.kind[{i}]");
            for (f, x) in [("name", &k.name), ("document", &k.document), ("term", &k.term), ("body", &k.body)] {
                out.push((format!("{p}.{f}"), x));
            }
            source(&mut out, &p, &k.source);
        }
    }
    for (i, d) in r.deadlines.iter().enumerate() {
        let p = format!("deadline[{}#{i}]", d.id);
        out.push((format!("{p}.action"), &d.action));
        out.push((format!("{p}.counting"), &d.counting));
        if let Some(c) = &d.caution {
            out.push((format!("{p}.caution"), c));
        }
        source(&mut out, &p, &d.source);
    }
    for x in &r.rights {
        out.push((format!("right[{}].text", x.id), &x.text));
        source(&mut out, &format!("right[{}]", x.id), &x.source);
    }
    for x in &r.obligations {
        out.push((format!("obligation[{}].text", x.id), &x.text));
        source(&mut out, &format!("obligation[{}]", x.id), &x.source);
    }
    for x in &r.penalties {
        out.push((format!("penalty[{}].text", x.id), &x.text));
        source(&mut out, &format!("penalty[{}]", x.id), &x.source);
    }
    for x in &r.mrp {
        source(&mut out, &format!("mrp[{}]", x.year), &x.source);
    }
    for x in &r.entry_regimes {
        out.push((format!("entry_regime[{}].name", x.id), &x.name));
        source(&mut out, &format!("entry_regime[{}]", x.id), &x.source);
    }
    for c in &r.countries {
        out.push((format!("country[{}].name", c.code), &c.name));
    }
    for h in &r.calendar.holidays {
        out.push((format!("holiday[{:02}-{:02}].name", h.month, h.day), &h.name));
        source(&mut out, &format!("holiday[{:02}-{:02}]", h.month, h.day), &h.source);
    }
    for y in &r.calendar.years {
        let p = format!("year[{}]", y.year);
        source(&mut out, &p, &y.source);
        for d in std::iter::once(&y.kurban_ait).chain(&y.extra_days_off).chain(&y.working_weekend_days) {
            out.push((format!("{p}[{}].name", d.date), &d.name));
            source(&mut out, &format!("{p}[{}]", d.date), &d.source);
        }
    }
    for s in &r.services {
        out.push((format!("service[{}].name", s.id), &s.name));
        out.push((format!("service[{}].what_for", s.id), &s.what_for));
        source(&mut out, &format!("service[{}]", s.id), &s.source);
    }
    for g in &r.glossary {
        out.push((format!("glossary[{}].term", g.id), &g.term));
        out.push((format!("glossary[{}].explanation", g.id), &g.explanation));
        source(&mut out, &format!("glossary[{}]", g.id), &g.source);
    }
    for c in &r.copy {
        out.push((format!("copy[{}]", c.id), &c.text));
    }
    for (i, m) in r.locale.months.iter().enumerate() {
        out.push((format!("locale.months[{i}]"), m));
    }
    for (i, m) in r.locale.weekdays.iter().enumerate() {
        out.push((format!("locale.weekdays[{i}]"), m));
    }
    out.push(("locale.day_forms".into(), &r.locale.day_forms));
    out
}

/// Every source of the rule set with a path naming where it stands.
pub fn sources(r: &RuleSet) -> Vec<(String, &Source)> {
    let mut out: Vec<(String, &Source)> = Vec::new();
    for t in &r.immigration_types {
        out.extend(t.sources.iter().map(|s| (format!("immigration_type[{}]", t.id), s)));
        out.extend(t.kinds.iter().enumerate().map(|(i, k)| (format!("immigration_type[{}].kind[{i}]", t.id), &k.source)));
    }
    out.extend(r.deadlines.iter().enumerate().map(|(i, d)| (format!("deadline[{}#{i}]", d.id), &d.source)));
    out.extend(r.rights.iter().map(|x| (format!("right[{}]", x.id), &x.source)));
    out.extend(r.obligations.iter().map(|x| (format!("obligation[{}]", x.id), &x.source)));
    out.extend(r.penalties.iter().map(|x| (format!("penalty[{}]", x.id), &x.source)));
    out.extend(r.mrp.iter().map(|x| (format!("mrp[{}]", x.year), &x.source)));
    out.extend(r.entry_regimes.iter().map(|x| (format!("entry_regime[{}]", x.id), &x.source)));
    out.extend(r.calendar.holidays.iter().map(|h| (format!("holiday[{:02}-{:02}]", h.month, h.day), &h.source)));
    for y in &r.calendar.years {
        out.push((format!("year[{}]", y.year), &y.source));
        for d in std::iter::once(&y.kurban_ait).chain(&y.extra_days_off).chain(&y.working_weekend_days) {
            out.push((format!("year[{}][{}]", y.year, d.date), &d.source));
        }
    }
    out.extend(r.services.iter().map(|x| (format!("service[{}]", x.id), &x.source)));
    out.extend(r.glossary.iter().map(|x| (format!("glossary[{}]", x.id), &x.source)));
    out
}

/// What the reachability walk found.
#[derive(Default, Debug)]
pub struct Coverage {
    pub paths: usize,
    pub questions: BTreeSet<String>,
    pub outcomes: BTreeSet<String>,
    pub dead_ends: Vec<String>,
}

/// All outcome names a rule set can produce: types, kinds, deadline, right, obligation and penalty ids.
pub fn all_outcomes(r: &RuleSet) -> BTreeSet<String> {
    let mut o = BTreeSet::new();
    o.insert("type:none".to_string());
    for t in &r.immigration_types {
        o.insert(format!("type:{}", t.id));
        for (i, _) in t.kinds.iter().enumerate() {
            o.insert(format!("kind:{}#{i}", t.id));
        }
    }
    o.extend(r.deadlines.iter().map(|d| format!("deadline:{}", d.id)));
    o.extend(r.rights.iter().map(|d| format!("right:{}", d.id)));
    o.extend(r.obligations.iter().map(|d| format!("obligation:{}", d.id)));
    o.extend(r.actions.iter().map(|d| format!("action:{}", d.id)));
    o
}

/// Walks every interview path: every option of every choice, yes and no, one country per entry regime,
/// and for dates a representative day or "I don't know" where allowed; records what each path reaches.
pub fn walk(r: &RuleSet, as_of: Date) -> Coverage {
    let mut cov = Coverage::default();
    let mut countries: Vec<String> = Vec::new();
    let mut seen_regimes = BTreeSet::new();
    for c in &r.countries {
        if seen_regimes.insert(c.regime.clone()) {
            countries.push(c.code.clone());
        }
    }
    countries.push("stateless".into());
    let mut stack: Vec<(Facts, FactSet)> = vec![(Facts::new(), FactSet::default())];
    while let Some((facts, unknown)) = stack.pop() {
        let ctx = Ctx { rules: r, facts: &facts, as_of };
        match flow::next_to_ask(&ctx, &unknown) {
            None => {
                cov.paths += 1;
                let a = assess(r, &facts, as_of);
                if !a.complete {
                    cov.dead_ends.push(format!("{:?} ends without {:?}", summary(&facts), a.next_question));
                }
                match a.immigration_type {
                    Some(t) => {
                        cov.outcomes.insert(format!("type:{}", t.id));
                        if let Some(k) = a.immigration_kind {
                            let i = t.kinds.iter().position(|x| core::ptr::eq(x, k)).unwrap_or(0);
                            cov.outcomes.insert(format!("kind:{}#{i}", t.id));
                        }
                    }
                    None => {
                        cov.outcomes.insert("type:none".into());
                    }
                }
                cov.outcomes.extend(a.deadlines.iter().map(|d| format!("deadline:{}", d.rule.id)));
                cov.outcomes.extend(a.rights.iter().map(|d| format!("right:{}", d.id)));
                cov.outcomes.extend(a.obligations.iter().map(|d| format!("obligation:{}", d.id)));
                cov.outcomes.extend(a.actions.iter().map(|d| format!("action:{}", d.rule.id)));
            }
            Some(q) => {
                cov.questions.insert(q.fact.clone());
                let entry = as_of.add_days(-3);
                let answers: Vec<String> = match q.kind {
                    QuestionKind::Country => countries.clone(),
                    QuestionKind::YesNo => vec!["true".into(), "false".into()],
                    QuestionKind::Choice => q.options.iter().map(|o| o.value.clone()).collect(),
                    QuestionKind::Date => match q.fact.as_str() {
                        // A recent arrival, and one long enough ago that a stay has run out (an overstay).
                        "entry_date" => vec![entry.to_string(), entry.add_days(-120).to_string()],
                        "planned_exit" => vec![entry.add_days(10).to_string(), entry.add_days(200).to_string()],
                        "kandas_status_granted" => vec![entry.add_days(-30).to_string()],
                        _ => vec![entry.add_days(365).to_string()],
                    },
                    QuestionKind::Stays => vec![format!("{}..{}", entry.add_days(-100), entry.add_days(-60))],
                };
                if q.may_not_know {
                    let mut u = unknown;
                    u.insert(&q.fact);
                    stack.push((facts.clone(), u));
                }
                for v in answers {
                    let mut f = facts.clone();
                    if f.set(r, &q.fact, &v).is_ok() && f.check_consistency().is_ok() {
                        stack.push((f, unknown));
                    }
                }
            }
        }
    }
    cov
}

fn summary(f: &Facts) -> Vec<String> {
    f.iter().map(|(k, v)| format!("{k}={}", v.to_query())).collect()
}

/// Finds days from 2020 to 2027 on which no version, or more than one, of a dated value is in force.
fn sweep<'a>(problems: &mut Vec<String>, what: &str, versions: &[&'a Validity]) {
    let from = Date::from_ymd(SWEEP_FROM.0, SWEEP_FROM.1, SWEEP_FROM.2).unwrap();
    let to = Date::from_ymd(SWEEP_TO.0, SWEEP_TO.1, SWEEP_TO.2).unwrap();
    let start = versions.iter().filter_map(|v| v.valid_from).min().map_or(from, |d| d.max(from));
    let mut d = start;
    let (mut gap, mut overlap) = (None, None);
    while d <= to {
        let n = versions.iter().filter(|v| v.contains(d)).count();
        if n == 0 && gap.is_none() {
            gap = Some(d);
        }
        if n > 1 && overlap.is_none() {
            overlap = Some(d);
        }
        d = d.add_days(1);
    }
    if let Some(g) = gap {
        problems.push(format!("{what}: no version in force on {g}"));
    }
    if let Some(o) = overlap {
        problems.push(format!("{what}: more than one version in force on {o}"));
    }
}

fn cond_facts<'a>(c: &'a Cond, out: &mut Vec<(&'a str, Option<&'a [String]>)>) {
    match c {
        Cond::All(v) | Cond::Any(v) => v.iter().for_each(|c| cond_facts(c, out)),
        Cond::Not(c) => cond_facts(c, out),
        Cond::FactIn(f) => out.push((&f.fact, Some(&f.values))),
        Cond::Known(k) => out.push((k, None)),
        Cond::FactBefore(f) => out.push((&f.fact, None)),
        Cond::WithinYears(f) => out.push((&f.fact, None)),
        _ => {}
    }
}

/// The names of named conditions a condition uses.
fn cond_names<'a>(c: &'a Cond, out: &mut Vec<&'a str>) {
    match c {
        Cond::All(v) | Cond::Any(v) => v.iter().for_each(|c| cond_names(c, out)),
        Cond::Not(c) => cond_names(c, out),
        Cond::Is(n) => out.push(n),
        _ => {}
    }
}

/// The named conditions the engine itself asks for (`Ctx::is_citizen`, `Ctx::may_stay_over`).
pub const ENGINE_CONDITIONS: [&str; 2] = ["is_citizen", "visa_free_document"];

fn cond_short(c: &Cond) -> String {
    let s = format!("{c:?}");
    s.chars().take(80).collect()
}

/// Each id must name something the rule set defines (`known`); otherwise a problem saying where.
fn unknown_refs(p: &mut Vec<String>, place: &str, kind: &str, ids: &[String], known: impl Fn(&str) -> bool) {
    for id in ids.iter().filter(|id| !known(id)) {
        p.push(format!("{place}: unknown {kind} `{id}`"));
    }
}

fn dup_names(p: &mut Vec<String>, r: &RuleSet) {
    let mut seen = BTreeSet::new();
    for c in &r.conditions {
        if !seen.insert(c.name.as_str()) {
            p.push(format!("condition `{}` is defined twice", c.name));
        }
    }
}

/// Checks a rule set; returns every problem found (empty = it passes).
pub fn check(r: &RuleSet) -> Vec<String> {
    let mut p = Vec::new();
    // Texts in every language.
    for (path, t) in texts(r) {
        for (lang, s) in t.all() {
            if s.trim().is_empty() {
                p.push(format!("{path}: the {} text is empty", lang.code()));
            }
        }
    }
    // Sources cited, dated and known.
    for (path, s) in sources(r) {
        if !r.acts.iter().any(|a| a.id == s.act) {
            p.push(format!("{path}: cites unknown act `{}`", s.act));
        }
        if s.verified_on > r.verified_on {
            p.push(format!("{path}: verified on {} after the rule set's date {}", s.verified_on, r.verified_on));
        }
        if s.confidence == Confidence::Uncertain && s.note.is_none() {
            p.push(format!("{path}: uncertain without a note saying why"));
        }
    }
    // Ids unique where they must be.
    let mut dup = |what: &str, ids: Vec<&str>| {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                p.push(format!("{what} `{id}` is defined twice"));
            }
        }
    };
    dup("question", r.questions.iter().map(|x| x.fact.as_str()).collect());
    dup("immigration type", r.immigration_types.iter().map(|x| x.id.as_str()).collect());
    dup("country", r.countries.iter().map(|x| x.code.as_str()).collect());
    dup("service", r.services.iter().map(|x| x.id.as_str()).collect());
    dup("glossary term", r.glossary.iter().map(|x| x.id.as_str()).collect());
    dup("copy", r.copy.iter().map(|x| x.id.as_str()).collect());
    dup("act", r.acts.iter().map(|x| x.id.as_str()).collect());
    // References resolve.
    let penalty = |id: &str| r.penalties.iter().any(|x| x.id == id);
    let service = |id: &str| r.services.iter().any(|x| x.id == id);
    for d in &r.deadlines {
        let place = format!("deadline[{}]", d.id);
        unknown_refs(&mut p, &place, "penalty", &d.penalties, penalty);
        unknown_refs(&mut p, &place, "glossary term", &d.glossary, |id| r.glossary.iter().any(|x| x.id == id));
        unknown_refs(&mut p, &place, "service", &d.services, service);
        if let Some(f) = d.count.event_fact() {
            if fact_kind(f) != Some(QuestionKind::Date) {
                p.push(format!("deadline[{}]: counts from `{f}`, which is not a date fact", d.id));
            }
        }
    }
    for q in &r.questions {
        match fact_kind(&q.fact) {
            None => p.push(format!("question[{}]: not a fact of the contract", q.fact)),
            Some(k) if k != q.kind => p.push(format!("question[{}]: kind {:?}, the contract says {:?}", q.fact, q.kind, k)),
            _ => {}
        }
        if (q.kind == QuestionKind::Choice) == q.options.is_empty() {
            p.push(format!("question[{}]: choice questions, and only they, have options", q.fact));
        }
        if q.may_not_know && q.unknown_fallback.is_none() {
            p.push(format!("question[{}]: offers \"I don't know\" without saying what the result assumes", q.fact));
        }
        for g in &q.glossary {
            if !r.glossary.iter().any(|x| x.id == *g) {
                p.push(format!("question[{}]: unknown glossary term `{g}`", q.fact));
            }
        }
    }
    for a in &r.actions {
        if let ActionDue::Deadline(id) = &a.due {
            if !r.deadlines.iter().any(|d| d.id == *id) {
                p.push(format!("action[{}]: unknown deadline `{id}`", a.id));
            }
        }
        let place = format!("action[{}]", a.id);
        unknown_refs(&mut p, &place, "penalty", &a.penalties, penalty);
        unknown_refs(&mut p, &place, "service", &a.services, service);
        if a.timing == Timing::Passed && a.fix.is_none() && a.missed.all().all(|(_, s)| s.is_empty()) {
            p.push(format!("action[{}]: an overdue step must say what to do now", a.id));
        }
    }
    for id in &r.policy.lawful_end_deadlines {
        if !r.deadlines.iter().any(|d| d.id == *id) {
            p.push(format!("policy: unknown deadline `{id}` among lawful_end_deadlines"));
        }
    }
    if !r.entry_regimes.iter().any(|x| x.id == r.policy.stateless_regime) {
        p.push(format!("policy: unknown entry regime `{}` for stateless persons", r.policy.stateless_regime));
    }
    let regimes: BTreeSet<&str> = r.entry_regimes.iter().map(|x| x.id.as_str()).collect();
    for c in &r.countries {
        if !regimes.contains(c.regime.as_str()) {
            p.push(format!("country[{}]: unknown entry regime `{}`", c.code, c.regime));
        }
    }
    // Conditions name real facts and real answers.
    let mut conds: Vec<(String, &Cond)> = Vec::new();
    conds.extend(r.questions.iter().map(|q| (format!("question[{}]", q.fact), &q.when)));
    conds.extend(r.deadlines.iter().map(|q| (format!("deadline[{}]", q.id), &q.when)));
    conds.extend(r.rights.iter().map(|q| (format!("right[{}]", q.id), &q.when)));
    conds.extend(r.obligations.iter().map(|q| (format!("obligation[{}]", q.id), &q.when)));
    conds.extend(r.questions.iter().map(|q| (format!("question[{}].required_when", q.fact), &q.required_when)));
    for q in &r.questions {
        conds.extend(q.options.iter().map(|o| (format!("question[{}].option[{}]", q.fact, o.value), &o.when)));
    }
    conds.extend(r.actions.iter().map(|q| (format!("action[{}]", q.id), &q.when)));
    conds.extend(r.services.iter().map(|q| (format!("service[{}]", q.id), &q.when)));
    conds.extend(r.conditions.iter().map(|q| (format!("condition[{}]", q.name), &q.when)));
    // Named conditions: every name used is defined (a condition only by one above it, so there is no cycle),
    // every one defined is used, and those the engine asks for exist.
    dup_names(&mut p, r);
    let mut used: BTreeSet<&str> = ENGINE_CONDITIONS.into_iter().collect();
    for name in ENGINE_CONDITIONS {
        if !r.conditions.iter().any(|c| c.name == name) {
            p.push(format!("condition `{name}`: the engine needs it; define it in conditions.toml"));
        }
    }
    for (path, c) in &conds {
        let mut names = Vec::new();
        cond_names(c, &mut names);
        let defined_before: Vec<&str> = match path.strip_prefix("condition[").and_then(|x| x.strip_suffix(']')) {
            Some(own) => r.conditions.iter().take_while(|c| c.name != own).map(|c| c.name.as_str()).collect(),
            None => r.conditions.iter().map(|c| c.name.as_str()).collect(),
        };
        for n in names {
            used.insert(n);
            if !defined_before.contains(&n) {
                if r.conditions.iter().any(|c| c.name == n) {
                    p.push(format!("{path}: uses `{n}`, which is defined below it (define it above, so there is no cycle)"));
                } else {
                    p.push(format!("{path}: unknown named condition `{n}`"));
                }
            }
        }
    }
    for c in &r.conditions {
        if !used.contains(c.name.as_str()) {
            p.push(format!("condition `{}`: defined but never used", c.name));
        }
    }
    for t in &r.immigration_types {
        conds.push((format!("immigration_type[{}]", t.id), &t.when));
        conds.extend(t.kinds.iter().map(|k| (format!("immigration_type[{}].kind", t.id), &k.when)));
    }
    for (path, c) in conds {
        let mut facts = Vec::new();
        cond_facts(c, &mut facts);
        for (f, values) in facts {
            if fact_kind(f).is_none() {
                p.push(format!("{path}: condition on unknown fact `{f}`"));
                continue;
            }
            for v in values.into_iter().flatten() {
                let mut probe = Facts::new();
                if probe.set(r, f, v).is_err() {
                    p.push(format!("{path}: `{f}` can never be `{v}`"));
                }
            }
        }
    }
    // Dated values: no gap or overlap from 2020 to 2027.
    let mut groups: BTreeMap<String, Vec<&Validity>> = BTreeMap::new();
    // Versions of one deadline: none may be missing on any day after the first; two versions with the same
    // condition may not be in force on the same day (variants with other conditions, such as citizens and
    // permanent residents, may).
    let mut by_id: BTreeMap<&str, Vec<&DeadlineRule>> = BTreeMap::new();
    for d in &r.deadlines {
        by_id.entry(&d.id).or_default().push(d);
    }
    for (id, rules) in &by_id {
        let all: Vec<&Validity> = rules.iter().map(|d| &d.validity).collect();
        let mut gap_only = Vec::new();
        sweep(&mut gap_only, &format!("deadline `{id}`"), &all);
        p.extend(gap_only.into_iter().filter(|m| m.contains("no version")));
        let mut conds: Vec<&Cond> = Vec::new();
        for d in rules {
            if !conds.contains(&&d.when) {
                conds.push(&d.when);
            }
        }
        for c in conds {
            let same: Vec<&Validity> = rules.iter().filter(|d| d.when == *c).map(|d| &d.validity).collect();
            let mut overlap_only = Vec::new();
            sweep(&mut overlap_only, &format!("deadline `{id}` when {}", cond_short(c)), &same);
            p.extend(overlap_only.into_iter().filter(|m| m.contains("more than one")));
        }
    }
    for x in &r.entry_regimes {
        groups.entry(format!("entry regime `{}`", x.id)).or_default().push(&x.validity);
    }
    for x in &r.penalties {
        groups.entry(format!("penalty `{}`", x.id)).or_default().push(&x.validity);
    }
    for x in &r.rights {
        groups.entry(format!("right `{}`", x.id)).or_default().push(&x.validity);
    }
    for x in &r.obligations {
        groups.entry(format!("obligation `{}` when {:?}", x.id, x.when)).or_default().push(&x.validity);
    }
    for (what, versions) in &groups {
        sweep(&mut p, what, versions);
    }
    for y in SWEEP_FROM.0..=SWEEP_TO.0 {
        // The MRP of a year is set by that year's budget law; a later year falls back to the latest one, with a caution.
        if y <= r.verified_on.year() && !r.mrp.iter().any(|m| m.year == y) {
            p.push(format!("mrp: no value for {y}"));
        }
        match r.calendar.years.iter().filter(|c| c.year == y).count() {
            0 => p.push(format!("calendar: no table for {y}")),
            1 => {}
            _ => p.push(format!("calendar: {y} is defined twice")),
        }
    }
    for y in &r.calendar.years {
        for d in std::iter::once(&y.kurban_ait).chain(&y.extra_days_off).chain(&y.working_weekend_days) {
            if d.date.year() != y.year {
                p.push(format!("calendar {}: {} is not in that year", y.year, d.date));
            }
        }
        for w in &y.working_weekend_days {
            if !w.date.weekday().is_weekend() {
                p.push(format!("calendar {}: working weekend day {} is not a Saturday or Sunday", y.year, w.date));
            }
        }
    }
    for w in r.calendar.holidays.windows(2) {
        if (w[1].month, w[1].day) < (w[0].month, w[0].day) {
            p.push(format!("calendar: holiday {:02}-{:02} is listed after {:02}-{:02}; keep them in date order", w[1].month, w[1].day, w[0].month, w[0].day));
        }
    }
    if r.locale.months.len() != 12 || r.locale.weekdays.len() != 7 {
        p.push("locale: needs 12 months and 7 weekdays".into());
    }
    // Every question and outcome reachable; no interview ends incomplete. Not walked while a named condition is
    // unknown or out of order: a cycle would never end.
    if p.iter().any(|m| m.contains("named condition") || m.contains("defined below it")) {
        return p;
    }
    let cov = walk(r, r.verified_on);
    for q in &r.questions {
        if !cov.questions.contains(&q.fact) {
            p.push(format!("question[{}]: no interview reaches it", q.fact));
        }
    }
    for o in all_outcomes(r).difference(&cov.outcomes) {
        p.push(format!("outcome {o}: no interview reaches it"));
    }
    for d in cov.dead_ends.iter().take(5) {
        p.push(format!("dead end: {d}"));
    }
    p
}
