//! Reads the rule files under `rules/` into a [`RuleSet`].
//!
//! Compiled into `build.rs` (which bundles the result) and into the native `qadam check RULES`.
//! A malformed file gives a message naming the file, the line and column, and the problem.

use super::model::*;
use alloc::{format, string::String, vec::Vec};
use serde::Deserialize;

/// The table of languages, read first: every text of the other files has one entry per language in it.
pub const LANGUAGES: &str = "languages.toml";

/// The files of a rule set, in the order they are read.
pub const FILES: [&str; 14] = [
    LANGUAGES,
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
struct LanguagesFile {
    language: Vec<Language>,
}
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

/// The problems of a table of languages (each names `rules/languages.toml`).
fn check_languages(langs: &[Language]) -> Vec<String> {
    let mut errors = Vec::new();
    let mut say = |m: String| errors.push(format!("rules/{LANGUAGES}: {m}"));
    if langs.iter().filter(|l| l.default && l.pseudo_of.is_none()).count() != 1 {
        say("exactly one language (not a pseudo-locale) must be `default = true`".into());
    }
    for (i, l) in langs.iter().enumerate() {
        let well_formed = l.code.split('-').enumerate().all(|(k, part)| {
            let letters = part.chars().all(|c| c.is_ascii_alphanumeric());
            letters && if k == 0 { (2..=3).contains(&part.len()) && part.chars().all(|c| c.is_ascii_lowercase()) } else { !part.is_empty() }
        });
        if !well_formed {
            say(format!("`{}` is not a language tag such as `kk` or `en-XA`", l.code));
        }
        if langs[..i].iter().any(|o| o.code == l.code) {
            say(format!("`{}` is listed twice", l.code));
        }
        for part in ["{day}", "{month}", "{year}"] {
            if !l.date.contains(part) {
                say(format!("`{}`: date `{}` lacks {part}", l.code, l.date));
            }
        }
        if let Some(from) = &l.pseudo_of {
            if !langs.iter().any(|o| &o.code == from && o.pseudo_of.is_none()) {
                say(format!("`{}`: pseudo_of `{from}` is not a language of the table", l.code));
            }
        } else if l.hunspell.is_none() {
            say(format!("`{}` has no hunspell dictionary (scripts/spelling.sh checks every language)", l.code));
        }
    }
    errors
}

/// "rules/copy.toml line 9: no text in `uz` (beside "Your migration status…")": the line is the first that
/// holds the beginning of the text in another language.
fn missing_text(file: &str, source: &str, code: &str, sample: &str) -> String {
    let start: String = sample.chars().take(30).collect();
    let line = source.lines().position(|l| !start.is_empty() && l.contains(&start)).map_or(String::new(), |n| format!(" line {}", n + 1));
    format!("rules/{file}{line}: no text in `{code}` (every language of rules/{LANGUAGES} needs one), beside \"{start}…\"")
}

/// How many `|`-separated forms a text of counted things has under a plural rule.
pub fn plural_forms(rule: PluralRule) -> usize {
    match rule {
        PluralRule::OneOther => 2,
        PluralRule::OneFewMany => 3,
        PluralRule::Other => 1,
    }
}

/// Builds a rule set from the files' texts; `read(name)` returns the text of `rules/<name>`. Languages
/// marked `pseudo_of` (test pseudo-locales) are kept only when `pseudo` is true.
pub fn load(mut read: impl FnMut(&str) -> Result<String, String>, pseudo: bool) -> Result<RuleSet, Vec<String>> {
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
    let languages: Vec<Language> = match texts[0].as_deref().map(|t| parse::<LanguagesFile>(LANGUAGES, t)) {
        Some(Ok(f)) => {
            errors2.extend(check_languages(&f.language));
            f.language.into_iter().filter(|l| pseudo || l.pseudo_of.is_none()).collect()
        }
        Some(Err(e)) => {
            errors2.push(e);
            Vec::new()
        }
        None => Vec::new(),
    };
    if languages.is_empty() {
        // Without the table no text can be read: say that once instead of once per text.
        errors.extend(errors2);
        if errors.is_empty() {
            errors.push(format!("rules/{LANGUAGES}: lists no language"));
        }
        return Err(errors);
    }
    macro_rules! file {
        ($i:expr, $t:ty) => {
            texts[$i].as_deref().and_then(|t| {
                let (parsed, missing) = with_languages(&languages, || parse::<$t>(FILES[$i], t));
                errors2.extend(missing.iter().map(|(code, sample)| missing_text(FILES[$i], t, code, sample)));
                match parsed {
                    Ok(v) => Some(v),
                    Err(e) => {
                        errors2.push(e);
                        None
                    }
                }
            })
        };
    }
    let rs = file!(1, RuleSetFile);
    let q = file!(2, QuestionsFile);
    let ty = file!(3, TypesFile);
    let dl = file!(4, DeadlinesFile);
    let ri = file!(5, RightsFile);
    let pe = file!(6, PenaltiesFile);
    let re = file!(7, RegimesFile);
    let co = file!(8, CountriesFile);
    let ca = file!(9, CalendarFile);
    let se = file!(10, ServicesFile);
    let cp = file!(11, CopyFile);
    let cn = file!(12, ConditionsFile);
    let ac = file!(13, ActionsFile);
    if let Some(rs) = &rs {
        for (l, forms) in languages.iter().zip(&rs.locale.day_forms.0).filter(|(_, f)| !f.is_empty()) {
            let (want, got) = (plural_forms(l.plural), forms.split('|').count());
            if want != got {
                errors2.push(format!("rules/ruleset.toml: day_forms in `{}` has {got} forms; its plural rule `{:?}` needs {want}", l.code, l.plural));
            }
        }
    }
    errors.extend(errors2);
    match (rs, q, ty, dl, ri, pe, re, co, ca, se, cp, cn, ac) {
        (Some(rs), Some(q), Some(ty), Some(dl), Some(ri), Some(pe), Some(re), Some(co), Some(ca), Some(se), Some(cp), Some(cn), Some(ac))
            if errors.is_empty() =>
        {
            Ok(RuleSet {
                languages,
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

#[cfg(test)]
mod tests {
    use super::super::model::pseudo;

    #[test]
    fn the_pseudo_locale_is_longer_accented_english_with_slots_and_links_kept() {
        let p = pseudo("{n} days left until {date}");
        assert_eq!(p, "⟦{n} đååýš ļééfţ ûûñţîîļ {date}⟧");
        let sentence = "Check that your host has told the police you arrived.";
        assert!(pseudo(sentence).chars().count() * 10 >= sentence.chars().count() * 13, "about a third longer: {}", pseudo(sentence));
        assert_eq!(pseudo("day|days"), "⟦đååý⟧|⟦đååýš⟧", "each plural form apart");
        assert_eq!(pseudo("https://adilet.zan.kz/eng/docs/Z1100000477"), "https://adilet.zan.kz/eng/docs/Z1100000477");
        assert_eq!(pseudo(""), "");
    }

    #[test]
    fn a_pseudo_locale_is_loaded_only_when_asked_for() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).map_err(|e| e.to_string());
        let plain = super::load(read, false).unwrap();
        let with = super::load(read, true).unwrap();
        assert!(plain.languages.iter().all(|l| l.pseudo_of.is_none()));
        let extra = with.languages.len() - plain.languages.len();
        assert_eq!(extra, 1, "rules/languages.toml has one pseudo-locale");
        let tagline = &with.copy.iter().find(|c| c.id == "app_tagline").unwrap().text;
        assert_eq!(tagline.0.len(), with.languages.len());
        assert_eq!(tagline.0.last().unwrap(), &pseudo(&tagline.0[plain.languages.iter().position(|l| l.code == "en").unwrap()]));
    }
}
