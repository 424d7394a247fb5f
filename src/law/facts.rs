//! A person's facts: the contract's input (`../shared/spec/assess.md`, "Facts").
//!
//! One parser serves the wizard, the URL and `qadam assess`: every value arrives in its URL form
//! (`true`, `2026-11-20`, `2026-06-01..2026-06-30,…`) and is checked against the contract's type and,
//! for choices, against the rule set's answer options. A bad value is an error naming its key.

use super::date::Date;
use super::i18n::CopyId as C;
use super::model::{QuestionKind, RuleSet};
use alloc::{
    format,
    string::{String, ToString},
    vec::Vec,
};

/// The fact keys of the contract, with the kind of answer each takes.
pub const FACT_KEYS: [(&str, QuestionKind); 13] = [
    ("citizenship", QuestionKind::Country),
    ("ethnic_kazakh", QuestionKind::YesNo),
    ("purpose", QuestionKind::Choice),
    ("entry_date", QuestionKind::Date),
    ("planned_exit", QuestionKind::Date),
    ("document", QuestionKind::Choice),
    ("document_valid_until", QuestionKind::Date),
    ("kandas_status_granted", QuestionKind::Date),
    ("address_changed", QuestionKind::Date),
    ("previous_stays", QuestionKind::Stays),
    ("works_for", QuestionKind::Choice),
    ("host_notified", QuestionKind::YesNo),
    ("registered", QuestionKind::YesNo),
];

pub fn fact_kind(key: &str) -> Option<QuestionKind> {
    fact_index(key).map(|i| FACT_KEYS[i].1)
}

fn fact_index(key: &str) -> Option<usize> {
    FACT_KEYS.iter().position(|(k, _)| *k == key)
}

/// A set of fact keys (those answered "I don't know"). A bit per key of the contract.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FactSet(u16);

impl FactSet {
    pub fn insert(&mut self, key: &str) {
        if let Some(i) = fact_index(key) {
            self.0 |= 1 << i;
        }
    }
    pub fn remove(&mut self, key: &str) {
        if let Some(i) = fact_index(key) {
            self.0 &= !(1 << i);
        }
    }
    pub fn contains(&self, key: &str) -> bool {
        fact_index(key).map_or(false, |i| self.0 & (1 << i) != 0)
    }
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        FACT_KEYS.iter().enumerate().filter(move |(i, _)| self.0 & (1 << i) != 0).map(|(_, (k, _))| *k)
    }
}

/// An earlier stay in Kazakhstan; both days count as days of stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stay {
    pub entry: Date,
    pub exit: Date,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Code(String),
    Bool(bool),
    Date(Date),
    Stays(Vec<Stay>),
}

impl Value {
    /// The URL form of the value, which conditions in the rule files compare against.
    pub fn to_query(&self) -> String {
        match self {
            Value::Code(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Stays(v) => v.iter().map(|s| format!("{}..{}", s.entry, s.exit)).collect::<Vec<_>>().join(","),
        }
    }
}

/// What kind of failure a bad fact is: code decides by this, never by the English text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactErrorKind {
    UnknownFact,
    Country,
    YesNo,
    Choice,
    Date,
    DatesOrder,
    Stays,
    /// The command line's input is not a JSON object of facts of the contract's types.
    Input,
    /// A required answer was left empty.
    Missing,
    /// `step` names no question for these answers.
    Step,
    /// The page address is longer than the widget reads.
    TooLong,
    Lang,
    /// A key given more than once (in a link or in JSON): neither value is used.
    Repeated,
}

impl FactErrorKind {
    /// The id of the copy text that says it to people, in their language.
    pub fn copy_id(self) -> C {
        match self {
            FactErrorKind::UnknownFact => C::err_unknown_fact,
            FactErrorKind::Country => C::err_country,
            FactErrorKind::YesNo => C::err_yes_no,
            FactErrorKind::Choice => C::err_choice,
            FactErrorKind::Date => C::err_date,
            FactErrorKind::DatesOrder => C::err_dates_order,
            FactErrorKind::Stays => C::err_stays,
            FactErrorKind::Input => C::err_input,
            FactErrorKind::Missing => C::err_missing,
            FactErrorKind::Step => C::err_step,
            FactErrorKind::TooLong => C::err_too_long,
            FactErrorKind::Lang => C::err_lang,
            FactErrorKind::Repeated => C::err_repeated,
        }
    }
}

/// A bad fact: which key, what kind of failure, and what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactError {
    pub key: String,
    pub kind: FactErrorKind,
    /// What was wrong, in English, for the command line and logs.
    pub problem: String,
}

impl core::fmt::Display for FactError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.key, self.problem)
    }
}

fn err(key: &str, kind: FactErrorKind, problem: impl Into<String>) -> FactError {
    FactError { key: key.into(), kind, problem: problem.into() }
}

impl FactError {
    pub fn new(key: &str, kind: FactErrorKind, problem: impl Into<String>) -> FactError {
        err(key, kind, problem)
    }

    /// The id of the copy text that says it to people.
    pub fn copy(&self) -> C {
        self.kind.copy_id()
    }
}

/// The facts given, one slot per key of the contract, in the contract's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    values: [Option<Value>; FACT_KEYS.len()],
}

/// The longest list of earlier stays accepted: more than a URL can sensibly carry.
pub const MAX_STAYS: usize = 50;

impl Facts {
    pub fn new() -> Facts {
        Facts::default()
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values[fact_index(key)?].as_ref()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        FACT_KEYS.iter().zip(&self.values).filter_map(|((k, _), v)| Some((*k, v.as_ref()?)))
    }

    pub fn is_empty(&self) -> bool {
        self.values.iter().all(Option::is_none)
    }

    pub fn code(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Value::Code(s)) => Some(s),
            _ => None,
        }
    }

    pub fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    pub fn date(&self, key: &str) -> Option<Date> {
        match self.get(key) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    pub fn stays(&self) -> &[Stay] {
        match self.get("previous_stays") {
            Some(Value::Stays(v)) => v,
            _ => &[],
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.values[fact_index(key)?].take()
    }

    /// Sets a fact from its URL form, checking it against the contract and the rule set.
    pub fn set(&mut self, rules: &RuleSet, key: &str, raw: &str) -> Result<(), FactError> {
        let value = parse_value(rules, key, raw)?;
        // parse_value has checked that the key is one of the contract's.
        if let Some(i) = fact_index(key) {
            self.values[i] = Some(value);
        }
        Ok(())
    }

    /// Checks what no single value shows: dates that contradict each other.
    pub fn check_consistency(&self) -> Result<(), FactError> {
        let entry = self.date("entry_date");
        if let (Some(e), Some(x)) = (entry, self.date("planned_exit")) {
            if x < e {
                return Err(err("planned_exit", FactErrorKind::DatesOrder, format!("{x} is before entry_date {e}")));
            }
        }
        let stays = self.stays();
        for (i, a) in stays.iter().enumerate() {
            if let Some(b) = stays[i + 1..].iter().find(|b| b.entry <= a.exit && a.entry <= b.exit) {
                return Err(err(
                    "previous_stays",
                    FactErrorKind::Stays,
                    format!("the stays {}..{} and {}..{} overlap", a.entry, a.exit, b.entry, b.exit),
                ));
            }
            if let Some(e) = entry.filter(|e| a.exit >= *e) {
                return Err(err("previous_stays", FactErrorKind::Stays, format!("the stay {}..{} does not end before entry_date {e}", a.entry, a.exit)));
            }
        }
        Ok(())
    }
}

fn parse_value(rules: &RuleSet, key: &str, raw: &str) -> Result<Value, FactError> {
    let kind = fact_kind(key).ok_or_else(|| {
        let known: Vec<&str> = FACT_KEYS.iter().map(|(k, _)| *k).collect();
        err(key, FactErrorKind::UnknownFact, format!("unknown fact; expected one of {}", known.join(", ")))
    })?;
    match kind {
        QuestionKind::Country => {
            if raw == "stateless" || rules.countries.iter().any(|c| c.code == raw) {
                Ok(Value::Code(raw.to_string()))
            } else {
                Err(err(key, FactErrorKind::Country, format!("`{}` is not an ISO 3166-1 alpha-2 code in upper case (UZ, RU, CN, DE) or `stateless`", clip(raw))))
            }
        }
        QuestionKind::YesNo => match raw {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(err(key, FactErrorKind::YesNo, format!("`{}` is not true or false", clip(raw)))),
        },
        QuestionKind::Choice => {
            let q = rules.questions.iter().find(|q| q.fact == key);
            let options: Vec<&str> = q.map(|q| q.options.iter().map(|o| o.value.as_str()).collect()).unwrap_or_default();
            if options.contains(&raw) {
                Ok(Value::Code(raw.to_string()))
            } else {
                Err(err(key, FactErrorKind::Choice, format!("`{}` is not one of {}", clip(raw), options.join(", "))))
            }
        }
        QuestionKind::Date => Date::parse(raw)
            .map(Value::Date)
            .ok_or_else(|| err(key, FactErrorKind::Date, format!("`{}` is not a real date YYYY-MM-DD", clip(raw)))),
        QuestionKind::Stays => {
            let mut stays = Vec::new();
            for part in raw.split(',').filter(|p| !p.is_empty()) {
                let (a, b) = part
                    .split_once("..")
                    .ok_or_else(|| err(key, FactErrorKind::Stays, format!("`{}` is not a stay ENTRY..EXIT", clip(part))))?;
                let entry = Date::parse(a).ok_or_else(|| err(key, FactErrorKind::Date, format!("`{}` is not a real date YYYY-MM-DD", clip(a))))?;
                let exit = Date::parse(b).ok_or_else(|| err(key, FactErrorKind::Date, format!("`{}` is not a real date YYYY-MM-DD", clip(b))))?;
                if exit < entry {
                    return Err(err(key, FactErrorKind::DatesOrder, format!("the stay {entry}..{exit} ends before it begins")));
                }
                stays.push(Stay { entry, exit });
                if stays.len() > MAX_STAYS {
                    return Err(err(key, FactErrorKind::Stays, format!("more than {MAX_STAYS} stays")));
                }
            }
            Ok(Value::Stays(stays))
        }
    }
}

/// Keeps an echoed bad value short: a hostile URL must not flood the page.
pub(crate) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}
