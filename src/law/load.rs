//! Reads the rule files under `rules/` into a [`RuleSet`].
//!
//! Compiled into `build.rs` (which bundles the result) and into the native `qadam check RULES`.
//! A malformed file gives a message naming the file, the line and column, and the problem.

use super::model::*;
use alloc::{format, string::String, vec::Vec};
use serde::Deserialize;

/// The files of a rule set, in the order they are read.
pub const FILES: [&str; 13] = [
    "ruleset.toml",
    "questions.toml",
    "immigration_types.toml",
    "deadlines.toml",
    "rights.toml",
    "penalties.toml",
    "entry_regimes.toml",
    "countries.toml",
    "calendar.toml",
    "services.toml",
    "copy.toml",
    "conditions.toml",
    "actions.toml",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSetFile {
    version: String,
    verified_on: super::date::Date,
    act: Vec<Act>,
    locale: Locale,
    policy: Policy,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionsFile {
    condition: Vec<NamedCond>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionsFile {
    action: Vec<ActionRule>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    question: Vec<Question>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypesFile {
    immigration_type: Vec<ImmigrationType>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeadlinesFile {
    deadline: Vec<DeadlineRule>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RightsFile {
    right: Vec<Right>,
    obligation: Vec<Obligation>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PenaltiesFile {
    penalty: Vec<Penalty>,
    mrp: Vec<Mrp>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegimesFile {
    entry_regime: Vec<EntryRegime>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    country: Vec<Country>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    holiday: Vec<Holiday>,
    year: Vec<CalendarYear>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServicesFile {
    service: Vec<Service>,
    glossary: Vec<GlossaryTerm>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CopyFile {
    copy: Vec<Copy>,
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| {
        // toml's message starts "TOML parse error at line L, column C" and quotes the line.
        format!("rules/{name}: {}", e.to_string().trim_end())
    })
}

/// Builds a rule set from the files' texts; `read(name)` returns the text of `rules/<name>`.
pub fn load(mut read: impl FnMut(&str) -> Result<String, String>) -> Result<RuleSet, Vec<String>> {
    let mut errors = Vec::new();
    let mut text = |name: &str| match read(name) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.push(format!("rules/{name}: cannot be read: {e}"));
            None
        }
    };
    let texts: Vec<Option<String>> = FILES.iter().map(|f| text(f)).collect();
    let mut errors2 = Vec::new();
    macro_rules! file {
        ($i:expr, $t:ty) => {
            texts[$i].as_deref().and_then(|t| match parse::<$t>(FILES[$i], t) {
                Ok(v) => Some(v),
                Err(e) => {
                    errors2.push(e);
                    None
                }
            })
        };
    }
    let rs = file!(0, RuleSetFile);
    let q = file!(1, QuestionsFile);
    let ty = file!(2, TypesFile);
    let dl = file!(3, DeadlinesFile);
    let ri = file!(4, RightsFile);
    let pe = file!(5, PenaltiesFile);
    let re = file!(6, RegimesFile);
    let co = file!(7, CountriesFile);
    let ca = file!(8, CalendarFile);
    let se = file!(9, ServicesFile);
    let cp = file!(10, CopyFile);
    let cn = file!(11, ConditionsFile);
    let ac = file!(12, ActionsFile);
    errors.extend(errors2);
    match (rs, q, ty, dl, ri, pe, re, co, ca, se, cp, cn, ac) {
        (Some(rs), Some(q), Some(ty), Some(dl), Some(ri), Some(pe), Some(re), Some(co), Some(ca), Some(se), Some(cp), Some(cn), Some(ac))
            if errors.is_empty() =>
        {
            Ok(RuleSet {
                version: rs.version,
                verified_on: rs.verified_on,
                acts: rs.act,
                questions: q.question,
                immigration_types: ty.immigration_type,
                deadlines: dl.deadline,
                rights: ri.right,
                obligations: ri.obligation,
                penalties: pe.penalty,
                mrp: pe.mrp,
                entry_regimes: re.entry_regime,
                countries: co.country,
                calendar: Calendar { holidays: ca.holiday, years: ca.year },
                services: se.service,
                glossary: se.glossary,
                copy: cp.copy,
                locale: rs.locale,
                policy: rs.policy,
                conditions: cn.condition,
                actions: ac.action,
            })
        }
        _ => Err(errors),
    }
}
