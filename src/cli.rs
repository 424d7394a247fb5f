//! The command line of the contract: `qadam assess`, `qadam check`, `qadam export` (native only).

use crate::law::i18n::CopyId as C;
use crate::law::{
    assess::{assess, Assessment},
    bundled, check,
    date::Date,
    explain::{self, fill},
    facts::{clip, FactError, Facts},
    i18n::{citation, cite, copy, format_date, format_tenge, plural_form, Lang},
    load,
    model::*,
};
use serde_json::{json, Value};
use std::io::{Read, Write};

/// `LANG` stands for a code of rules/languages.toml (see [`usage`]).
const USAGE: &str = "\
qadam — a migrant's legal status in Kazakhstan (Law No. 477-IV), from a bundled, dated rule set

Usage:
  qadam assess [--on YYYY-MM-DD] [--lang LANG] FILE      assess the facts in FILE (JSON; - for stdin)
  qadam check [RULES_DIR]                                 validate a rule set (the bundled one by default)
  qadam export --lang LANG                                the whole rule set as a review document (Markdown)
  qadam texts --lang LANG                                 every text of the rule set, one per line (for spelling)
  qadam --help | --version

LANG: one of {langs}.
Exit codes: 0 ok; 1 check found problems; 2 bad input (one line on stderr names the key);
3 the output could not be written (a closed pipe, a full disk).
";

/// The usage text, with the languages of this build.
pub fn usage() -> String {
    USAGE.replace("{langs}", &lang_codes())
}

/// "kk, ru, en": the languages `--lang` takes.
fn lang_codes() -> String {
    Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::parse(value).ok_or_else(|| format!("--lang: expected one of {}", lang_codes()))
}

/// The largest input read: facts are a JSON object of a few hundred bytes, and `/dev/zero` must not fill
/// the memory.
pub const MAX_INPUT: u64 = 1 << 20;

/// Finds the first key repeated in any object of a JSON text, as a path (`citizenship`,
/// `previous_stays[0].entry`): serde_json keeps only the last value of a repeated key, which would turn
/// `{"citizenship":"DE","citizenship":"KZ"}` silently into a citizen.
struct Repeated<'p>(&'p str);

impl<'de> serde::de::DeserializeSeed<'de> for Repeated<'_> {
    type Value = Option<String>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Repeated<'_> {
    type Value = Option<String>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Option<String>, A::Error> {
        let (mut found, mut i) = (None, 0);
        loop {
            let path = format!("{}[{i}]", self.0);
            match seq.next_element_seed(Repeated(&path))? {
                Some(r) => found = found.or(r),
                None => return Ok(found),
            }
            i += 1;
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Option<String>, A::Error> {
        let (mut keys, mut found) = (Vec::<String>::new(), None);
        while let Some(k) = map.next_key::<String>()? {
            let path = if self.0.is_empty() { k.clone() } else { format!("{}.{k}", self.0) };
            if keys.contains(&k) {
                found = found.or(Some(path.clone()));
            }
            let inner = map.next_value_seed(Repeated(&path))?;
            found = found.or(inner);
            keys.push(k);
        }
        Ok(found)
    }
}

/// Reads the facts of the contract from a JSON object: each value must have the contract's JSON type.
pub fn facts_from_json(rules: &RuleSet, text: &str) -> Result<Facts, FactError> {
    let bad = |key: &str, problem: String| FactError::new(key, crate::law::facts::FactErrorKind::Input, problem);
    let v: Value = serde_json::from_str(text).map_err(|e| bad("(input)", format!("not valid JSON: {e}")))?;
    if !v.is_object() {
        return Err(bad("(input)", "expected a JSON object of facts".into()));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    if let Ok(Some(path)) = serde::de::DeserializeSeed::deserialize(Repeated(""), &mut de) {
        let key = path.split(['[', '.']).next().unwrap_or(&path);
        return Err(FactError::new(key, crate::law::facts::FactErrorKind::Repeated, format!("`{}` is given more than once; a repeated key is refused, not guessed", clip(&path))));
    }
    let obj = v.as_object().into_iter().flatten();
    let mut facts = Facts::new();
    for (k, v) in obj {
        let kind = crate::law::facts::fact_kind(k);
        let raw = match (kind, v) {
            (Some(QuestionKind::YesNo), Value::Bool(b)) => b.to_string(),
            (Some(QuestionKind::YesNo), _) => return Err(bad(k, "expected true or false".into())),
            (Some(QuestionKind::Stays), Value::Array(items)) => {
                let mut parts = Vec::new();
                for it in items {
                    let (Some(e), Some(x)) = (it.get("entry").and_then(Value::as_str), it.get("exit").and_then(Value::as_str)) else {
                        return Err(bad(k, "expected an array of {\"entry\": date, \"exit\": date}".into()));
                    };
                    if it.as_object().map_or(0, |o| o.len()) != 2 {
                        return Err(bad(k, "each stay has exactly the keys entry and exit".into()));
                    }
                    parts.push(format!("{e}..{x}"));
                }
                parts.join(",")
            }
            (Some(QuestionKind::Stays), _) => return Err(bad(k, "expected an array of {\"entry\": date, \"exit\": date}".into())),
            (Some(_), Value::String(s)) => s.clone(),
            (Some(_), _) => return Err(bad(k, "expected a string".into())),
            (None, _) => String::new(),
        };
        facts.set(rules, k, &raw)?;
    }
    facts.check_consistency()?;
    Ok(facts)
}

/// The assessment as the contract's JSON.
pub fn assessment_json(rules: &RuleSet, a: &Assessment, lang: Lang) -> Value {
    let s = explain::sentences(rules, lang, a);
    let deadlines: Vec<Value> = a
        .deadlines
        .iter()
        .map(|d| {
            json!({
                "id": d.rule.id,
                "due": d.due.to_string(),
                "citation": citation(rules, &d.rule.source),
                "days_left": d.days_left,
                "overdue": d.overdue(),
                "confidence": d.rule.source.confidence,
                "verified_on": d.rule.source.verified_on.to_string(),
            })
        })
        .collect();
    let penalties: Vec<Value> = a
        .penalties
        .iter()
        .map(|p| {
            let mut v = json!({
                "id": p.penalty.id,
                "mrp": p.penalty.mrp,
                "tenge": p.tenge,
                "citation": citation(rules, &p.penalty.source),
            });
            if p.applies {
                v["applies"] = json!(true);
            }
            v
        })
        .collect();
    let actions: Vec<Value> = a
        .actions
        .iter()
        .map(|x| {
            json!({
                "id": x.rule.id,
                "status": x.status.id(),
                "due": x.due.map(|d| d.to_string()),
                "deadline": x.deadline.map(|d| d.id.as_str()),
                "where": x.services,
                "penalties": x.rule.penalties,
                "citation": citation(rules, &x.rule.source),
            })
        })
        .collect();
    let cautions: Vec<Value> = a
        .cautions
        .iter()
        .map(|c| {
            let mut v = json!({ "id": c.id(), "text": explain::caution_sentence(rules, lang, c) });
            if let crate::law::assess::Caution::PlannedExitAfterLawfulEnd(n) = c {
                v["days"] = json!(n);
            }
            v
        })
        .collect();
    json!({
        "as_of": a.as_of.to_string(),
        "rule_set": { "version": rules.version, "verified_on": rules.verified_on.to_string() },
        "complete": a.complete,
        "next_question": a.next_question,
        "immigration_type": a.immigration_type.map(|t| t.id.as_str()),
        "deadlines": deadlines,
        "rights": a.rights.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        "obligations": a.obligations.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        "penalties": penalties,
        "actions": actions,
        "cautions": cautions,
        "text": {
            "lang": lang.code(),
            "actions": s.actions,
            "immigration_type": s.immigration_type,
            "deadlines": s.deadlines,
            "rights": s.rights,
            "obligations": s.obligations,
            "penalties": s.penalties,
            "cautions": s.cautions,
        }
    })
}

fn flag_value<'a>(args: &'a [String], i: &mut usize, name: &str) -> Result<&'a str, String> {
    *i += 1;
    args.get(*i).map(String::as_str).ok_or_else(|| format!("{name}: expected a value"))
}

/// Today's date from the system clock (UTC), for `--on` left out.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Date::from_ymd(1970, 1, 1).unwrap().add_days((secs / 86_400) as i32)
}

/// Runs the command line; returns the exit code.
pub fn run(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        None | Some("--help") | Some("-h") | Some("help") => emit(&usage()),
        Some("--version") | Some("-V") => {
            let r = bundled();
            emit(&format!("qadam {} (rules {}, verified {})\n", env!("CARGO_PKG_VERSION"), r.version, r.verified_on))
        }
        Some("assess") => cmd_assess(&args[1..]),
        Some("check") => cmd_check(&args[1..]),
        Some("export") => match parse_lang_only(&args[1..]) {
            Ok(l) => emit(&export(bundled(), l)),
            Err(e) => usage_error(&e),
        },
        Some("texts") => match parse_lang_only(&args[1..]) {
            Ok(l) => emit(&check::texts(bundled()).iter().map(|(_, t)| format!("{}\n", t.get(l))).collect::<String>()),
            Err(e) => usage_error(&e),
        },
        Some(other) => usage_error(&format!("unknown command `{}`", clip(other))),
    }
}

fn usage_error(msg: &str) -> i32 {
    say_error(&format!("{msg} (see qadam --help)"));
    2
}

/// Writes to standard output. A closed pipe or a full disk is one line on standard error and exit code 3,
/// never a panic (Rust ignores SIGPIPE, so `print!` would panic on EPIPE).
fn emit(text: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) => {
            say_error(&format!("cannot write the output: {e}"));
            3
        }
    }
}

/// One line on standard error, as `qadam: …`, with control characters escaped (a hostile key must not
/// drive the terminal); a closed standard error is ignored.
fn say_error(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "qadam: {}", printable(line));
}

/// Control characters and bidirectional overrides as `\u{…}`; everything else as it is.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// The facts file (`-`: standard input), at most MAX_INPUT bytes of UTF-8.
fn read_input(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin().lock().take(MAX_INPUT + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("{}: {e}", clip(file)))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(format!("{}: more than {MAX_INPUT} bytes; facts are a small JSON object", clip(file)));
    }
    String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", clip(file)))
}

fn parse_lang_only(args: &[String]) -> Result<Lang, String> {
    let mut lang = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--lang" => lang = Some(parse_lang(flag_value(args, &mut i, "--lang")?)?),
            other => return Err(format!("unexpected argument `{}`", clip(other))),
        }
        i += 1;
    }
    lang.ok_or_else(|| "--lang: required".into())
}

fn cmd_assess(args: &[String]) -> i32 {
    let rules = bundled();
    let (mut on, mut lang, mut file) = (None, Lang::En, None);
    let mut i = 0;
    while i < args.len() {
        let r: Result<(), String> = (|| {
            match args[i].as_str() {
                "--on" => on = Some(Date::parse(flag_value(args, &mut i, "--on")?).ok_or("--on: expected a real date YYYY-MM-DD")?),
                "--lang" => lang = parse_lang(flag_value(args, &mut i, "--lang")?)?,
                f if file.is_none() && (f == "-" || !f.starts_with('-')) => file = Some(f.to_string()),
                other => return Err(format!("unexpected argument `{}`", clip(other))),
            }
            Ok(())
        })();
        if let Err(e) = r {
            return usage_error(&e);
        }
        i += 1;
    }
    let Some(file) = file else { return usage_error("assess: FILE is required (- for standard input)") };
    let text = match read_input(&file) {
        Ok(t) => t,
        Err(e) => {
            say_error(&e);
            return 2;
        }
    };
    let facts = match facts_from_json(rules, &text) {
        Ok(f) => f,
        Err(e) => {
            // The key may be anything the input held: clipped, and escaped by say_error.
            say_error(&format!("{}: {}", clip(&e.key), e.problem));
            return 2;
        }
    };
    let a = assess(rules, &facts, on.unwrap_or_else(today));
    let json = serde_json::to_string_pretty(&assessment_json(rules, &a, lang)).unwrap_or_default();
    emit(&format!("{json}\n"))
}

fn cmd_check(args: &[String]) -> i32 {
    let mut out = String::new();
    // Everything goes to standard output at once, through emit (a closed pipe is not a panic).
    macro_rules! say {
        ($($t:tt)*) => {{
            out.push_str(&format!($($t)*));
            out.push('\n');
        }};
    }
    let owned;
    let (rules, origin) = match args {
        [] => (bundled(), "the bundled rule set".to_string()),
        [dir] => {
            let base = std::path::Path::new(dir);
            let loaded = load::load(|name| std::fs::read_to_string(base.join(name)).map_err(|e| e.to_string()), cfg!(feature = "pseudo-locale"))
                .and_then(|r| {
                    // Texts are read by place: a table of languages other than the one built in cannot be checked.
                    let listed = r.languages.iter().map(|l| l.code.as_str()).collect::<Vec<_>>().join(", ");
                    if listed == lang_codes() {
                        Ok(r)
                    } else {
                        Err(vec![format!(
                            "rules/{}: lists {listed}; this qadam was built with {}: build it from these rules (cargo build) to check them",
                            load::LANGUAGES,
                            lang_codes()
                        )])
                    }
                });
            match loaded {
                Ok(r) => {
                    owned = r;
                    (&owned, dir.clone())
                }
                Err(errors) => {
                    for e in &errors {
                        say!("{}", e.replacen("rules/", &format!("{}/", dir.trim_end_matches('/')), 1));
                    }
                    say!("check: {} problems in {dir}", errors.len());
                    return emit(&out).max(1);
                }
            }
        }
        _ => return usage_error("check takes at most one RULES directory"),
    };
    let problems = check::check(rules);
    for p in &problems {
        say!("{p}");
    }
    let cov = check::walk(rules, rules.verified_on);
    let sources = check::sources(rules);
    let count = |c: Confidence| sources.iter().filter(|(_, s)| s.confidence == c).count();
    for (path, s) in sources.iter().filter(|(_, s)| s.confidence == Confidence::Uncertain) {
        say!("uncertain: {path} ({}): {}", crate::law::i18n::citation(rules, s), s.note.as_ref().map_or("", |n| n.get(Lang::En)));
    }
    say!(
        "check: {} — {} questions, {} types, {} deadline rules, {} rights, {} obligations, {} penalties, {} entry regimes, {} countries, {} holidays, {} calendar years",
        origin,
        rules.questions.len(),
        rules.immigration_types.len(),
        rules.deadlines.len(),
        rules.rights.len(),
        rules.obligations.len(),
        rules.penalties.len(),
        rules.entry_regimes.len(),
        rules.countries.len(),
        rules.calendar.holidays.len(),
        rules.calendar.years.len()
    );
    say!(
        "check: {} sources ({} confirmed, {} secondary, {} uncertain); {} outcomes reached by {} interview paths; {} texts × {} languages; {} problems",
        sources.len(),
        count(Confidence::Confirmed),
        count(Confidence::Secondary),
        count(Confidence::Uncertain),
        cov.outcomes.len(),
        cov.paths,
        check::texts(rules).len(),
        Lang::COUNT,
        problems.len()
    );
    let code = i32::from(!problems.is_empty());
    emit(&out).max(code)
}

// The review document of `qadam export`, wholly in one language: its labels are the `export_` copy of
// rules/copy.toml. Ids (questions' facts, answers, rules) stay as written in the rule files, in backticks.

/// "3 рабочих дня", "1 working day": a number with the plural form of `forms` (`one|few|many` or `one|other`).
fn count_of(forms: &str, lang: Lang, n: u32) -> String {
    format!("{n} {}", plural_form(forms, lang, i64::from(n)))
}

fn days(rules: &RuleSet, lang: Lang, n: u32) -> String {
    count_of(rules.locale.day_forms.get(lang), lang, n)
}

fn cond_words(rules: &RuleSet, lang: Lang, c: &Cond) -> String {
    let t = |id: C| copy(rules, id, lang);
    let join = |v: &[Cond], word: C| format!("({})", v.iter().map(|c| cond_words(rules, lang, c)).collect::<Vec<_>>().join(&format!(" {} ", t(word))));
    let code = |s: &str| format!("`{s}`");
    let unit = |id: C, n: u32| count_of(t(id), lang, n);
    let codes = |v: &[String]| v.iter().map(|s| code(s)).collect::<Vec<_>>().join(", ");
    let fact_in = |f: &FactIn, is: bool| match (f.values.as_slice(), is) {
        ([v], true) => format!("{} = {}", code(&f.fact), code(v)),
        ([v], false) => format!("{} ≠ {}", code(&f.fact), code(v)),
        (vs, is) => format!("{} {} {{{}}}", code(&f.fact), if is { "∈" } else { "∉" }, codes(vs)),
    };
    match c {
        Cond::Always => t(C::export_always).into(),
        Cond::All(v) => join(v, C::export_and),
        Cond::Any(v) => join(v, C::export_or),
        // `document` ∉ {visa, none}: the same notation in every language, and never ambiguous.
        Cond::Not(c) => match &**c {
            Cond::FactIn(f) => fact_in(f, false),
            c => fill(t(C::export_cond_not), &[("cond", &cond_words(rules, lang, c))]),
        },
        Cond::FactIn(f) => fact_in(f, true),
        Cond::Known(k) => fill(t(C::export_cond_known), &[("fact", &code(k))]),
        Cond::RegimeIn(v) => fill(t(C::export_cond_regime), &[("values", &codes(v))]),
        Cond::MayStayOver(d) => fill(t(C::export_cond_may_stay_over), &[("n", &d.to_string()), ("unit", plural_form(t(C::export_unit_day_exceed), lang, i64::from(*d)))]),
        Cond::StaysAtLeastMonths(m) => {
            let n = unit(C::export_unit_month, *m);
            let (n, u) = n.split_once(' ').unwrap_or((&n, ""));
            fill(t(C::export_cond_stays_months), &[("n", n), ("unit", u)])
        }
        Cond::FactBefore(f) => format!("{} < {}", code(&f.fact), format_date(&rules.locale, lang, f.date)),
        Cond::WithinYears(f) => {
            let n = unit(C::export_unit_year, f.years);
            let (n, u) = n.split_once(' ').unwrap_or((&n, ""));
            fill(t(C::export_cond_within_years), &[("fact", &code(&f.fact)), ("n", n), ("unit", u)])
        }
        Cond::Is(name) => format!("[{}]", code(name)),
    }
}

fn count_words(rules: &RuleSet, lang: Lang, c: &Count) -> String {
    let t = |id: C| copy(rules, id, lang);
    let code = |s: &str| format!("`{s}`");
    match c {
        Count::WorkingDaysAfter { from, days } => format!("{} + {}", code(from), count_of(t(C::export_unit_working_day), lang, *days)),
        Count::CalendarDaysAfter { from, days } => format!("{} + {}", code(from), count_of(t(C::export_unit_calendar_day), lang, *days)),
        Count::VisaFreeStay => t(C::export_count_visa_free).into(),
        Count::MonthsAfter { from, months } => format!("{} + {}", code(from), count_of(t(C::export_unit_month), lang, *months)),
        Count::YearsAfterLastDay { from, years } => {
            format!("{} + {} − {}", code(from), count_of(t(C::export_unit_year), lang, *years), self::days(rules, lang, 1))
        }
        Count::OnFact { fact } => fill(t(C::export_count_on_fact), &[("fact", &code(fact))]),
    }
}

fn validity_words(rules: &RuleSet, lang: Lang, v: &Validity) -> String {
    let date = |d| format_date(&rules.locale, lang, d);
    let range = match (v.valid_from, v.valid_to) {
        (None, None) => return copy(rules, C::export_always, lang).into(),
        (Some(f), None) => format!("{} – …", date(f)),
        (None, Some(t)) => format!("… – {}", date(t)),
        (Some(f), Some(t)) => format!("{} – {}", date(f), date(t)),
    };
    format!("{}: {range}", copy(rules, C::export_in_force, lang))
}

fn yes_no(rules: &RuleSet, lang: Lang, b: bool) -> &str {
    copy(rules, if b { C::yes } else { C::no }, lang)
}

fn confidence_words(rules: &RuleSet, lang: Lang, c: Confidence) -> &str {
    let id = match c {
        Confidence::Confirmed => C::export_confirmed,
        Confidence::Secondary => C::confidence_secondary,
        Confidence::Uncertain => C::confidence_uncertain,
    };
    copy(rules, id, lang)
}

fn source_line(rules: &RuleSet, s: &Source, lang: Lang) -> String {
    let url = crate::law::i18n::act_url(rules, s, lang);
    let mut line = format!(
        "{} — {} {}, {}",
        cite(rules, s, lang),
        copy(rules, C::verified_on, lang),
        format_date(&rules.locale, lang, s.verified_on),
        confidence_words(rules, lang, s.confidence)
    );
    if !url.is_empty() {
        line.push_str(&format!(" — <{url}>"));
    }
    if let Some(n) = &s.note {
        line.push_str(&format!(" — {}", n.get(lang)));
    }
    line
}

/// The whole rule set as a Markdown document for legal review, in one language throughout.
pub fn export(rules: &RuleSet, lang: Lang) -> String {
    let l = lang;
    let t = |id: C| copy(rules, id, l);
    let mut o = String::new();
    let src = |s: &Source| source_line(rules, s, l);
    let cond = |c: &Cond| cond_words(rules, l, c);
    let valid = |v: &Validity| validity_words(rules, l, v);
    o += &format!("# {} — {} {}\n\n", fill(t(C::export_title), &[("version", &rules.version)]), t(C::verified_on), format_date(&rules.locale, l, rules.verified_on));
    o += &format!("## {}\n\n", t(C::export_acts));
    for a in &rules.acts {
        o += &format!("- **{}** {} <{}>\n", a.short.get(l), a.title.get(l), a.url.get(l));
    }
    o += &format!("\n## {}\n\n", t(C::export_questions));
    for q in &rules.questions {
        o += &format!(
            "### `{}` — {}\n\n{}\n\n- {}: {}\n- {}: {}; {}: {}\n",
            q.fact,
            q.title.get(l),
            q.hint.get(l),
            t(C::export_asked_when),
            cond(&q.when),
            t(C::export_required),
            yes_no(rules, l, q.required),
            t(C::export_may_not_know),
            yes_no(rules, l, q.may_not_know)
        );
        if let Some(f) = &q.unknown_fallback {
            o += &format!("- {}: {}\n", t(C::export_if_unknown), f.get(l));
        }
        for opt in &q.options {
            o += &format!("- `{}`: **{}** — {}\n", opt.value, opt.label.get(l), opt.hint.get(l));
        }
        o += "\n";
    }
    o += &format!("## {}\n\n", t(C::export_types));
    for ty in &rules.immigration_types {
        o += &format!(
            "### `{}` — {}\n\n- {}: {}\n- {}: {}\n- {}: {}\n- {}: {}\n- {}: {}\n- {}: {}\n",
            ty.id,
            ty.name.get(l),
            t(C::export_purposes),
            ty.purposes.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", "),
            t(C::export_applies_when),
            cond(&ty.when),
            t(C::result_who),
            ty.who.get(l),
            t(C::result_document),
            ty.document.get(l),
            t(C::result_term),
            ty.term.get(l),
            t(C::result_body),
            ty.body.get(l)
        );
        for s in &ty.sources {
            o += &format!("- {}: {}\n", t(C::export_source), src(s));
        }
        for k in &ty.kinds {
            o += &format!("- **{}** ({}: {}): {}; {}; {} — {}\n", k.name.get(l), t(C::export_applies_when), cond(&k.when), k.document.get(l), k.term.get(l), k.body.get(l), src(&k.source));
        }
        o += "\n";
    }
    o += &format!("## {}\n\n", t(C::deadlines_title));
    for d in &rules.deadlines {
        o += &format!(
            "### `{}` ({})\n\n- {}\n- {}: {} — {}\n- {}: {}\n- {}: {}\n",
            d.id,
            valid(&d.validity),
            d.action.get(l),
            t(C::export_counting),
            count_words(rules, l, &d.count),
            d.counting.get(l),
            t(C::export_applies_when),
            cond(&d.when),
            t(C::export_source),
            src(&d.source)
        );
        if let Some(c) = &d.caution {
            o += &format!("- {}: {}\n", t(C::export_caution), c.get(l));
        }
        if !d.penalties.is_empty() {
            o += &format!("- {}: {}\n", t(C::export_penalties), d.penalties.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", "));
        }
        o += "\n";
    }
    o += &format!("## {}\n\n", t(C::export_rights));
    for r in &rules.rights {
        o += &format!("- `{}` ({}; {}: {}): {} — {}\n", r.id, valid(&r.validity), t(C::export_applies_when), cond(&r.when), r.text.get(l), src(&r.source));
    }
    o += &format!("\n## {}\n\n", t(C::export_obligations));
    for r in &rules.obligations {
        o += &format!("- `{}` ({}; {}: {}): {} — {}\n", r.id, valid(&r.validity), t(C::export_applies_when), cond(&r.when), r.text.get(l), src(&r.source));
    }
    o += &format!("\n## {}\n\n", t(C::export_penalties));
    for p in &rules.penalties {
        o += &format!("- `{}` ({}): {} — {} — {}\n", p.id, valid(&p.validity), fill(t(C::export_mrp_amount), &[("n", &p.mrp.to_string())]), p.text.get(l), src(&p.source));
    }
    o += &format!("\n## {}\n\n", t(C::export_mrp_title));
    for m in &rules.mrp {
        o += &format!("- {}: {} ₸ — {}\n", m.year, format_tenge(l, u64::from(m.tenge)), src(&m.source));
    }
    o += &format!("\n## {}\n\n", t(C::export_regimes));
    for r in &rules.entry_regimes {
        // No window (0 days): only the limit per entry applies.
        let window = |n: u32| if r.window_days == 0 { "—".to_string() } else { days(rules, l, n) };
        let line = fill(
            t(C::export_regime_line),
            &[
                ("visa_free", yes_no(rules, l, r.visa_free)),
                ("per_entry", &days(rules, l, r.days_per_entry)),
                ("in_window", &window(r.days_in_window)),
                ("window", &window(r.window_days)),
                ("eaeu", yes_no(rules, l, r.eaeu)),
            ],
        );
        o += &format!("- `{}` ({}): {} — {} — {}\n", r.id, valid(&r.validity), r.name.get(l), line, src(&r.source));
    }
    o += &format!("\n## {}\n\n| {} | {} | {} |\n|---|---|---|\n", t(C::export_countries), t(C::export_code), t(C::export_name), t(C::export_regime));
    for c in &rules.countries {
        let mark = if c.uncertain { format!(" ({})", t(C::confidence_uncertain)) } else { String::new() };
        o += &format!("| {} | {} | `{}`{} |\n", c.code, c.name.get(l), c.regime, mark);
    }
    o += &format!("\n## {}\n\n", t(C::export_calendar));
    for h in &rules.calendar.holidays {
        o += &format!("- {:02}-{:02} {} ({}; {}: {}) — {}\n", h.day, h.month, h.name.get(l), valid(&h.validity), t(C::export_moves_off_weekend), yes_no(rules, l, h.transferable), src(&h.source));
    }
    for y in &rules.calendar.years {
        o += &format!("- **{}** ({}) — {}\n", y.year, t(if y.published { C::export_year_published } else { C::export_year_generated }), src(&y.source));
        for d in std::iter::once(&y.kurban_ait).chain(&y.extra_days_off) {
            o += &format!("  - {} {}: {} — {}\n", t(C::export_day_off), format_date(&rules.locale, l, d.date), d.name.get(l), src(&d.source));
        }
        for d in &y.working_weekend_days {
            o += &format!("  - {} {}: {} — {}\n", t(C::export_working_day), format_date(&rules.locale, l, d.date), d.name.get(l), src(&d.source));
        }
    }
    o += &export_plan(rules, l);
    o += &format!("\n## {}\n\n", t(C::export_services));
    for s in &rules.services {
        o += &format!("- **{}** {} — {} — {}\n", s.name.get(l), s.address, s.what_for.get(l), src(&s.source));
    }
    o += &format!("\n## {}\n\n", t(C::export_glossary));
    for g in &rules.glossary {
        o += &format!("- **{}** — {} — {}\n", g.term.get(l), g.explanation.get(l), src(&g.source));
    }
    o
}

/// The named conditions and the plan's steps, for the review document.
fn export_plan(rules: &RuleSet, l: Lang) -> String {
    let t = |id: C| copy(rules, id, l);
    // The meaning of a named condition is the reviewers' English note; its rule is written in the language.
    let mut o = format!("\n## {}\n\n", t(C::export_named_conditions));
    for c in &rules.conditions {
        o += &format!("- `{}`: {}\n", c.name, cond_words(rules, l, &c.when));
    }
    o += &format!("\n## {}\n\n", t(C::export_plan_steps));
    for a in &rules.actions {
        let due = match &a.due {
            ActionDue::Deadline(id) => format!("`{id}`"),
            ActionDue::LawfulEnd => t(C::export_lawful_end).into(),
            ActionDue::Undated => t(C::action_ongoing).into(),
        };
        o += &format!("### `{}` — {}: {}; {}\n\n- {}\n", a.id, t(C::export_applies_when), cond_words(rules, l, &a.when), due, a.text.get(l));
        for (label, x) in [(C::action_fix, &a.fix), (C::action_bring, &a.bring)] {
            if let Some(x) = x {
                o += &format!("- {}: {}\n", t(label), x.get(l));
            }
        }
        o += &format!("- {}: {}\n", t(C::action_missed), a.missed.get(l));
        if !a.services.is_empty() {
            o += &format!("- {}: {}\n", t(C::where_to_apply), a.services.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", "));
        }
        if !a.penalties.is_empty() {
            o += &format!("- {}: {}\n", t(C::penalties_title), a.penalties.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", "));
        }
        o += &format!("- {}\n\n", source_line(rules, &a.source, l));
    }
    o
}
