//! The assessment as sentences for people, in one language. Shared by the wizard's result screen and
//! the `text` part of `qadam assess`. Copy templates live in `rules/copy.toml` with `{name}` slots.

use super::assess::{Action, Assessment, Caution, Deadline, PenaltyDue, Status};
use super::i18n::{cite, copy, format_date, format_tenge, plural_form, weekday_name, CopyId as C, Lang};
use super::model::RuleSet;
use alloc::{format, string::String, vec::Vec};

/// Fills `{name}` slots of a template.
pub fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = String::from(template);
    for (k, v) in slots {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// "in 3 days", "today", "5 days ago" — how far the due date is from the assessment day.
pub fn days_left(rules: &RuleSet, lang: Lang, days: i32) -> String {
    let n = days.unsigned_abs().to_string();
    let forms = rules.locale.day_forms.get(lang);
    let unit = plural_form(forms, lang, days.abs() as i64);
    match days {
        0 => copy(rules, C::due_today, lang).into(),
        d if d > 0 => fill(copy(rules, C::days_left, lang), &[("n", &n), ("days", unit)]),
        _ => fill(copy(rules, C::days_overdue, lang), &[("n", &n), ("days", unit)]),
    }
}

/// "25 November 2026 (Wednesday)".
pub fn due_date(rules: &RuleSet, lang: Lang, d: &Deadline) -> String {
    format!("{} ({})", format_date(&rules.locale, lang, d.due), weekday_name(&rules.locale, lang, d.due))
}

pub fn deadline_sentence(rules: &RuleSet, lang: Lang, d: &Deadline) -> String {
    format!(
        "{}: {} — {}. {} [{}]",
        d.rule.action.get(lang),
        due_date(rules, lang, d),
        days_left(rules, lang, d.days_left),
        d.rule.counting.get(lang),
        cite(rules, &d.rule.source, lang)
    )
}

/// A fine in MRP and tenge at the MRP of its year ("10 MRP = 43,250 tenge in 2026"); none for a warning or a ban.
pub fn penalty_amount(rules: &RuleSet, lang: Lang, p: &PenaltyDue) -> Option<String> {
    (p.penalty.mrp > 0).then(|| {
        fill(
            copy(rules, C::fine_amount, lang),
            &[("mrp", &p.penalty.mrp.to_string()), ("tenge", &format_tenge(lang, p.tenge)), ("year", &p.mrp_year.to_string())],
        )
    })
}

pub fn penalty_sentence(rules: &RuleSet, lang: Lang, p: &PenaltyDue) -> String {
    let amount = penalty_amount(rules, lang, p).unwrap_or_default();
    format!("{} {} [{}]", p.penalty.text.get(lang), amount, cite(rules, &p.penalty.source, lang)).replace("  ", " ")
}

pub fn caution_sentence(rules: &RuleSet, lang: Lang, c: &Caution) -> String {
    match c {
        Caution::Uncertain(s) => fill(
            copy(rules, C::caution_uncertain, lang),
            &[("cite", &cite(rules, s, lang)), ("note", s.note.as_ref().map_or("", |n| n.get(lang)))],
        ),
        Caution::CalendarNotPublished(y) => fill(copy(rules, C::caution_calendar, lang), &[("year", &y.to_string())]),
        Caution::UncertainDayOff(d) => fill(copy(rules, C::caution_day_off, lang), &[("date", &format_date(&rules.locale, lang, *d))]),
        Caution::Ineligible(t) => t.ineligible.as_ref().map_or_else(String::new, |x| x.get(lang).into()),
        Caution::VisaRequired(c) => fill(copy(rules, C::caution_visa_required, lang), &[("country", c.name.get(lang))]),
        Caution::MrpYearMissing(y) => fill(copy(rules, C::caution_mrp_year, lang), &[("year", &y.to_string())]),
        Caution::PlannedExitAfterLawfulEnd(n) => {
            let unit = plural_form(rules.locale.day_forms.get(lang), lang, *n as i64);
            fill(copy(rules, C::caution_planned_exit, lang), &[("n", &n.to_string()), ("days", unit)])
        }
        Caution::DocumentUnknown => copy(rules, C::caution_document_unknown, lang).into(),
    }
}

/// When a step is due, in words: the date and weekday, or "now", or "a standing duty"; and how far it is.
pub fn action_when(rules: &RuleSet, lang: Lang, a: &Action) -> (String, Option<String>) {
    match (a.status, a.due) {
        (Status::Ongoing, _) => (copy(rules, C::action_ongoing, lang).into(), None),
        (_, Some(d)) => (
            format!("{} ({})", format_date(&rules.locale, lang, d), weekday_name(&rules.locale, lang, d)),
            Some(days_left(rules, lang, a.days_left)),
        ),
        (_, None) => (copy(rules, C::action_now, lang).into(), None),
    }
}

/// How to put an overdue step right now, when it is overdue.
pub fn action_fix<'r>(lang: Lang, a: &Action<'r>) -> Option<&'r str> {
    match (a.status, &a.rule.fix) {
        (Status::Overdue, Some(f)) => Some(f.get(lang)),
        _ => None,
    }
}

/// One step of the plan in a sentence: what to do, by when (or now), and its source.
pub fn action_sentence(rules: &RuleSet, lang: Lang, a: &Action) -> String {
    let (when, left) = action_when(rules, lang, a);
    let when = left.map_or(when.clone(), |l| format!("{when} — {l}"));
    let fix = action_fix(lang, a).map_or(String::new(), |f| format!(" {f}"));
    format!("{}: {}.{} [{}]", when, a.rule.text.get(lang).trim_end_matches('.'), fix, cite(rules, &a.rule.source, lang))
}

/// The immigration type in plain words, or what the person is when it is none.
pub fn type_sentence(rules: &RuleSet, lang: Lang, a: &Assessment) -> String {
    match (a.immigration_type, a.immigration_kind) {
        (Some(t), Some(k)) => format!("{} — {}", t.name.get(lang), k.name.get(lang)),
        (Some(t), None) => t.name.get(lang).into(),
        (None, _) if a.citizen => copy(rules, C::type_citizen, lang).into(),
        (None, _) => copy(rules, C::type_none, lang).into(),
    }
}

/// Every sentence of the assessment, grouped as the contract's `text` object.
pub struct Sentences {
    pub actions: Vec<String>,
    pub immigration_type: String,
    pub deadlines: Vec<String>,
    pub rights: Vec<String>,
    pub obligations: Vec<String>,
    pub penalties: Vec<String>,
    pub cautions: Vec<String>,
}

pub fn sentences(rules: &RuleSet, lang: Lang, a: &Assessment) -> Sentences {
    Sentences {
        actions: a.actions.iter().map(|x| action_sentence(rules, lang, x)).collect(),
        immigration_type: type_sentence(rules, lang, a),
        deadlines: a.deadlines.iter().map(|d| deadline_sentence(rules, lang, d)).collect(),
        rights: a.rights.iter().map(|r| format!("{} [{}]", r.text.get(lang), cite(rules, &r.source, lang))).collect(),
        obligations: a.obligations.iter().map(|r| format!("{} [{}]", r.text.get(lang), cite(rules, &r.source, lang))).collect(),
        penalties: a.penalties.iter().map(|p| penalty_sentence(rules, lang, p)).collect(),
        cautions: a.cautions.iter().map(|c| caution_sentence(rules, lang, c)).filter(|s| !s.is_empty()).collect(),
    }
}
