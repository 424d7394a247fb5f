//! The rule set's shape: law as dated data.
//!
//! Every value a person sees carries its legal [`Source`] (act, article, last verification, confidence)
//! and, where the law changed, the dates it was in force. The TOML files under `rules/` are read into
//! these types by `build.rs` (and by `qadam check RULES`); the bundle in the binary is the same data in
//! postcard form, so the browser needs no TOML parser.
//!
//! This file is compiled twice: into the library and into `build.rs` (through `#[path]`), so it may
//! use only `serde` and the sibling `date` module.

use super::date::Date;
use alloc::{boxed::Box, string::String, vec::Vec};
use serde::{Deserialize, Serialize};

/// One text in every language of `rules/languages.toml`, in the table's order.
///
/// In a rule file it is a table `{ kk = "…", ru = "…", en = "…" }` with one entry per language (see
/// [`with_languages`]); in the bundle it is the texts one after another, with no count and no keys: the
/// reader knows the languages (`Lang::ALL`, generated from the same table).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Text(pub Vec<String>);

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut t = s.serialize_tuple(self.0.len())?;
        for x in &self.0 {
            t.serialize_element(x)?;
        }
        t.end()
    }
}

/// A language of `rules/languages.toml`.
#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub code: String,
    pub name: String,
    pub plural: PluralRule,
    pub date: String,
    pub thousands: String,
    pub cite: Cite,
    #[serde(default)]
    pub hunspell: Option<Hunspell>,
    #[serde(default)]
    pub default: bool,
    #[serde(default)]
    pub pseudo_of: Option<String>,
}

/// How a citation names the parts of an act; `{n}` is the number.
#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub article: String,
    pub paragraph: String,
    pub subparagraph: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Hunspell {
    pub dictionary: String,
    pub package: String,
}

/// CLDR cardinal plural rule families of whole numbers.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PluralRule {
    /// `one` for n = 1, `other` otherwise (kk, en, uz, ky, tg, …).
    OneOther,
    /// East Slavic: `one` 1, 21, 31…; `few` 2–4, 22–24…; `many` the rest (ru, uk, be).
    OneFewMany,
    /// No plural (zh, …).
    Other,
}

std::thread_local! {
    /// The languages a rule file's texts are read in: set by [`with_languages`] for one load.
    static READING: core::cell::RefCell<Vec<Language>> = const { core::cell::RefCell::new(Vec::new()) };
    /// Texts read without some language: (its code, the text's first language), all of them, not only the
    /// first, so that whoever adds a language gets the whole list at once.
    static MISSING: core::cell::RefCell<Vec<(String, String)>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` (which reads rule files) with `langs` as the languages every [`Text`] must have; also returns
/// the texts that lack one: (language code, the text in the first language it has).
pub fn with_languages<R>(langs: &[Language], f: impl FnOnce() -> R) -> (R, Vec<(String, String)>) {
    READING.with(|r| *r.borrow_mut() = langs.to_vec());
    let out = f();
    READING.with(|r| r.borrow_mut().clear());
    (out, MISSING.with(|m| core::mem::take(&mut *m.borrow_mut())))
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let given: alloc::collections::BTreeMap<String, String> = Deserialize::deserialize(d)?;
        READING.with(|r| {
            let langs = r.borrow();
            if let Some(k) = given.keys().find(|k| !langs.iter().any(|l| &l.code == *k && l.pseudo_of.is_none())) {
                let known: Vec<&str> = langs.iter().filter(|l| l.pseudo_of.is_none()).map(|l| l.code.as_str()).collect();
                return Err(D::Error::custom(alloc::format!("`{k}` is not a language of rules/languages.toml ({})", known.join(", "))));
            }
            let mut texts = Vec::with_capacity(langs.len());
            for l in langs.iter() {
                texts.push(match &l.pseudo_of {
                    Some(from) => pseudo(given.get(from).map_or("", |s| s.as_str())),
                    None => given.get(&l.code).cloned().unwrap_or_else(|| {
                        let sample = langs.iter().find_map(|o| given.get(&o.code)).cloned().unwrap_or_default();
                        MISSING.with(|m| m.borrow_mut().push((l.code.clone(), sample)));
                        String::new()
                    }),
                });
            }
            Ok(Text(texts))
        })
    }
}

/// A pseudo-locale's text (tests only): each letter accented, each vowel doubled (about a third longer),
/// each text (each plural form) in ⟦ ⟧, so that text not taken from the rule set, or clipped, shows. `{placeholders}` and
/// links stay as they are.
pub fn pseudo(en: &str) -> String {
    if en.is_empty() || en.starts_with("http") || en.starts_with("mailto:") || en.starts_with("tel:") {
        return en.into();
    }
    const FROM: &str = "abcdeghijklnorstuyzABCDEGHIJKLNORSTUYZ";
    const TO: &str = "åƀçđéĝĥîĵķļñöŕšţûýžÅßÇĐÉĜĤÎĴĶĻÑÖŔŠŢÛÝŽ";
    let mut out = String::from("⟦");
    let mut depth = 0;
    for c in en.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth > 0 || c == '}' {
            out.push(c);
            continue;
        }
        // Plural forms `one|other` are wrapped one by one.
        if c == '|' {
            out.push_str("⟧|⟦");
            continue;
        }
        let mapped = FROM.chars().position(|f| f == c).and_then(|i| TO.chars().nth(i)).unwrap_or(c);
        out.push(mapped);
        if "aeiouAEIOU".contains(c) {
            out.push(mapped);
        }
    }
    out.push('⟧');
    out
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Read in the consolidated legal act or on an official government portal.
    Confirmed,
    /// From news, law firms or NGOs; not checked against the act.
    Secondary,
    /// Sources conflict, the date is inferred, or only a fragment was seen: the wizard shows a caution.
    Uncertain,
}

/// A legal act that rules cite, e.g. Law No. 477-IV "On Population Migration".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Act {
    pub id: String,
    /// Short name used in citations ("Law 477-IV", "CAO").
    pub short: Text,
    pub title: Text,
    /// Official text on adilet.zan.kz, one address per language.
    pub url: Text,
}

/// Where a rule comes from and how sure we are of it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id of an [`Act`].
    pub act: String,
    /// Article, e.g. "6" or "43-2"; empty when the source is not an article (a portal page, an order).
    #[serde(default)]
    pub article: String,
    /// Paragraph (пункт / тармақ), e.g. "4".
    #[serde(default)]
    pub paragraph: String,
    /// Sub-paragraph (подпункт / тармақша), e.g. "1".
    #[serde(default)]
    pub subparagraph: String,
    pub verified_on: Date,
    pub confidence: Confidence,
    /// Why the confidence is not "confirmed", or how the rule was read; shown beside the rule.
    #[serde(default)]
    pub note: Option<Text>,
}

/// A condition on the facts, written in the rule files (e.g. `{ fact_in = { fact = "purpose", values = ["visit"] } }`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    #[default]
    Always,
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// The fact is known and its value (as written in a URL: `true`, `labour`, `UZ`) is one of `values`.
    FactIn(FactIn),
    /// The fact is known (answered with a value, not "I don't know").
    Known(String),
    /// The citizenship's entry regime is one of these regime ids.
    RegimeIn(Vec<String>),
    /// The person may stay more than this many days from entry on this trip: planned exit is unknown or later,
    /// and the stay document or entry regime allows it.
    MayStayOver(u32),
    /// The planned stay is at least this many months (planned exit unknown counts as yes: the safer reading).
    StaysAtLeastMonths(u32),
    /// The date fact is known and earlier than `date` (a status granted before a law changed its term).
    FactBefore(FactDate),
    /// The date fact is known and the assessment day is less than `years` after it (a status still held).
    WithinYears(FactYears),
    /// A named condition of `rules/conditions.toml`, defined once (`{ is = "kandas_status_held" }`).
    Is(String),
}

/// A condition with a name, so that a lawyer reads and changes it in one place.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NamedCond {
    pub name: String,
    /// What it means, in plain English, for the review document.
    pub meaning: String,
    pub when: Cond,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FactDate {
    pub fact: String,
    pub date: Date,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FactYears {
    pub fact: String,
    pub years: u32,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FactIn {
    pub fact: String,
    pub values: Vec<String>,
}

/// How a question is answered.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Country,
    YesNo,
    Choice,
    Date,
    Stays,
}

/// One question of the interview; its id is the fact key of the contract it fills.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub fact: String,
    pub kind: QuestionKind,
    /// Asked only when this holds; otherwise the fact is irrelevant and any answer to it is dropped.
    pub when: Cond,
    /// The assessment is incomplete without it; optional facts have a safe default when unknown.
    pub required: bool,
    /// Required only while this holds too (ethnic Kazakh nationality is asked of every foreigner, but needed
    /// only for a return to the homeland or studies).
    #[serde(default)]
    pub required_when: Cond,
    /// Offer "I don't know"; the result then uses the safe fallback described in `unknown_fallback`.
    pub may_not_know: bool,
    pub title: Text,
    pub hint: Text,
    #[serde(default)]
    pub unknown_fallback: Option<Text>,
    /// The label of the "I don't know" answer where another fits better ("I have not moved").
    #[serde(default)]
    pub skip_label: Option<Text>,
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    /// Glossary term ids explained beside the question.
    #[serde(default)]
    pub glossary: Vec<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub value: String,
    /// Offered only when this holds (an EAEU contract only to EAEU citizens).
    #[serde(default)]
    pub when: Cond,
    pub label: Text,
    pub hint: Text,
}

/// A version of a rule in force from `valid_from` to `valid_to` (both inclusive; open when absent).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    #[serde(default)]
    pub valid_from: Option<Date>,
    #[serde(default)]
    pub valid_to: Option<Date>,
}

impl Validity {
    pub fn contains(&self, d: Date) -> bool {
        self.valid_from.map_or(true, |f| f <= d) && self.valid_to.map_or(true, |t| d <= t)
    }
}

/// One of the five types of immigration of Art. 3, with what a person of that type needs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ImmigrationType {
    /// Contract id: return_homeland, family_reunification, education, labour, humanitarian_political.
    pub id: String,
    /// Values of the `purpose` fact that fall under this type.
    pub purposes: Vec<String>,
    pub name: Text,
    pub who: Text,
    pub document: Text,
    pub term: Text,
    pub body: Text,
    pub sources: Vec<Source>,
    /// Who qualifies; a person whose purpose maps here but who does not qualify gets `ineligible`.
    pub when: Cond,
    #[serde(default)]
    pub ineligible: Option<Text>,
    /// Kinds within the type (labour: works_for), each with its own document and term.
    #[serde(default)]
    pub kinds: Vec<ImmigrationKind>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ImmigrationKind {
    pub when: Cond,
    pub name: Text,
    pub document: Text,
    pub term: Text,
    pub body: Text,
    pub source: Source,
}

/// How a deadline's last day is counted (the counting conventions of the contract).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Count {
    /// The N-th working day after the event; the event's day is not counted (Civil Code Art. 173).
    WorkingDaysAfter { from: String, days: u32 },
    /// The event's day plus N calendar days; not moved off weekends or holidays.
    CalendarDaysAfter { from: String, days: u32 },
    /// The last lawful day of a visa-free stay under the citizenship's entry regime.
    VisaFreeStay,
    /// The same date N months later, clipped to the month's last day (Civil Code Arts 173–174).
    MonthsAfter { from: String, months: u32 },
    /// The day before the same date N years later (the last day a status is held).
    YearsAfterLastDay { from: String, years: u32 },
    /// The date given in a fact (a document's last day of validity).
    OnFact { fact: String },
}

impl Count {
    /// The fact whose date decides which version of a dated rule applies.
    pub fn event_fact(&self) -> Option<&str> {
        match self {
            Count::WorkingDaysAfter { from, .. }
            | Count::CalendarDaysAfter { from, .. }
            | Count::MonthsAfter { from, .. }
            | Count::YearsAfterLastDay { from, .. } => Some(from),
            Count::VisaFreeStay => Some("entry_date"),
            Count::OnFact { fact } => Some(fact),
        }
    }
}

/// A deadline of the contract (`id`) in one version of the law.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    pub id: String,
    /// The version in force on the day of the event (see [`Count::event_fact`]).
    pub validity: Validity,
    pub when: Cond,
    pub count: Count,
    pub source: Source,
    /// What must happen by the due date.
    pub action: Text,
    /// How the date was counted, in one plain sentence.
    pub counting: Text,
    /// Where ambiguous: which reading was taken (always the earlier date) and why.
    #[serde(default)]
    pub caution: Option<Text>,
    /// Penalties for missing it.
    #[serde(default)]
    pub penalties: Vec<String>,
    /// Services (ids) where the action is done.
    #[serde(default)]
    pub services: Vec<String>,
    /// Glossary term ids explained beside the deadline.
    #[serde(default)]
    pub glossary: Vec<String>,
}

/// A provision that applies to a person on a day: a right they may claim (kandas rights of Arts 23–26, work
/// without a permit, …) or a duty they have (repay support, medical checks, leave after studies, …).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    pub id: String,
    pub validity: Validity,
    pub when: Cond,
    pub text: Text,
    pub source: Source,
}

/// A right a person may claim; ids of the contract's `rights`.
pub type Right = Provision;
/// A duty a person has.
pub type Obligation = Provision;

/// An administrative sanction (Code of Administrative Offences), in MRP.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Penalty {
    pub id: String,
    pub validity: Validity,
    /// Fine in MRP; 0 where the sanction is a warning only.
    pub mrp: u32,
    /// Who is liable, what the offence is and the sanction in words (warning, expulsion, …).
    pub text: Text,
    pub source: Source,
    /// A tier by days overdue (КоАП 517 p. 3: up to 3 days, 3 to 5, …): applies from this many days past
    /// the due day (0 = not a tier) …
    #[serde(default)]
    pub overdue_from: u32,
    /// … to this many (0 = no upper end).
    #[serde(default)]
    pub overdue_to: u32,
}

/// Where an action's date comes from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ActionDue {
    /// The due day of this deadline id.
    Deadline(String),
    /// The last lawful day of the stay: the earliest of the policy's `lawful_end_deadlines` that applies.
    LawfulEnd,
    /// No date: a standing duty.
    Undated,
}

/// When an action is in the plan, relative to its date.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// While its date is known: `upcoming`, or `overdue` once the date has passed.
    Dated,
    /// Only while its date is today or later.
    Ahead,
    /// Only once its date has passed: `overdue`, with no date of its own (what to do now).
    Passed,
    /// A duty without a date: `ongoing`.
    Ongoing,
    /// Dated when the date is known, otherwise `ongoing`.
    DatedOrOngoing,
}

/// One step of a person's plan (the contract's `actions`): when it applies, what to do, where, what to
/// bring and what follows if it is missed. Several rules may share an id (one per situation); the first
/// that holds is the one shown.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ActionRule {
    pub id: String,
    pub when: Cond,
    pub due: ActionDue,
    pub timing: Timing,
    /// What to do, in one plain sentence (a step that is someone else's duty says "check that…").
    pub text: Text,
    /// When overdue: how to put it right now.
    #[serde(default)]
    pub fix: Option<Text>,
    /// What to bring.
    #[serde(default)]
    pub bring: Option<Text>,
    /// What follows if it is missed.
    pub missed: Text,
    /// Services (ids) where it is done.
    #[serde(default)]
    pub services: Vec<String>,
    /// Penalties (ids) for missing it.
    #[serde(default)]
    pub penalties: Vec<String>,
    pub source: Source,
}

/// Policy that code would otherwise hard-wire.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The entry regime of a stateless person.
    pub stateless_regime: String,
    /// The stay limit, in days counting the entry day, of a visa-free regime that sets none.
    pub default_stay_days: u32,
    /// Deadline ids that are the last lawful day of a stay.
    pub lawful_end_deadlines: Vec<String>,
}

/// The monthly calculation index (МРП / АЕК) of a year, in tenge.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Mrp {
    pub year: i32,
    pub tenge: u32,
    pub source: Source,
}

/// How citizens of a country may enter and stay, in one version of the law or treaty.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EntryRegime {
    pub id: String,
    pub validity: Validity,
    pub name: Text,
    /// Visa-free: a visa is not needed for the stay limits below.
    pub visa_free: bool,
    /// Most days per entry, counting the entry day (0 = no per-entry limit).
    pub days_per_entry: u32,
    /// Most days of stay within any `window_days` (0 = no cumulative limit).
    pub days_in_window: u32,
    pub window_days: u32,
    /// Member of the Eurasian Economic Union: works on a contract without a permit.
    pub eaeu: bool,
    pub source: Source,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub name: Text,
    /// Id of an [`EntryRegime`].
    pub regime: String,
    /// Rank among the most common countries of migrants to Kazakhstan (1 = first); 0 = not listed first.
    pub common: u32,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub uncertain: bool,
}

/// A day off that is not a fixed-date holiday, or a day whose status was moved for one year.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DatedDay {
    pub date: Date,
    pub name: Text,
    pub source: Source,
}

/// A fixed-date public holiday (month, day) in force for a span of years.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub month: u32,
    pub day: u32,
    pub validity: Validity,
    pub name: Text,
    /// Holidays (national and state) move to the next working day when they fall on a day off
    /// (Law on holidays Art. 5); 7 January and Kurban Ait are days off that do not move.
    pub transferable: bool,
    pub source: Source,
}

/// A year's working-day calendar facts beyond the fixed rules.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    pub year: i32,
    /// Whether the year's discretionary transfers were published (true) or the year is generated from the
    /// rules alone (false: a later transfer may still change a working-day deadline).
    pub published: bool,
    pub source: Source,
    /// The first day of Kurban Ait (a day off by Labour Code Art. 84 p. 5).
    pub kurban_ait: DatedDay,
    /// Extra days off moved by Government decree or Labour Minister's order.
    #[serde(default)]
    pub extra_days_off: Vec<DatedDay>,
    /// Saturdays or Sundays made working days by the same transfers.
    #[serde(default)]
    pub working_weekend_days: Vec<DatedDay>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub holidays: Vec<Holiday>,
    pub years: Vec<CalendarYear>,
}

/// A public service or help contact.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub name: Text,
    /// Web address or phone number as people type it (`egov.kz`, `1414`).
    pub address: String,
    /// `https://…` link, or empty for a phone number.
    #[serde(default)]
    pub url: String,
    pub what_for: Text,
    /// Shown among the help contacts of a result …
    #[serde(default)]
    pub help_contact: bool,
    /// … of a person for whom this holds.
    #[serde(default)]
    pub when: Cond,
    pub source: Source,
}

/// A legal term explained in plain words.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GlossaryTerm {
    pub id: String,
    pub term: Text,
    pub explanation: Text,
    pub source: Source,
}

/// A piece of interface copy (buttons, headings, the start screen).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Copy {
    pub id: String,
    pub text: Text,
}

/// Kazakh date and number formats, which Chromium's ICU data lacks.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    /// Month names in the genitive/date form for kk, ru, en (12 each).
    pub months: Vec<Text>,
    pub weekdays: Vec<Text>,
    /// Plural forms of "day": `one|few|many` in Russian, `one|other` in Kazakh and English.
    pub day_forms: Text,
}

/// The whole bundled rule set.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// The languages of rules/languages.toml, as read; not bundled (the code has them as `Lang`).
    #[serde(skip)]
    pub languages: Vec<Language>,
    pub version: String,
    /// The latest day any rule of the set was checked against its sources.
    pub verified_on: Date,
    pub acts: Vec<Act>,
    pub questions: Vec<Question>,
    pub immigration_types: Vec<ImmigrationType>,
    pub deadlines: Vec<DeadlineRule>,
    pub rights: Vec<Right>,
    pub obligations: Vec<Obligation>,
    pub penalties: Vec<Penalty>,
    pub mrp: Vec<Mrp>,
    pub entry_regimes: Vec<EntryRegime>,
    pub countries: Vec<Country>,
    pub calendar: Calendar,
    pub services: Vec<Service>,
    pub glossary: Vec<GlossaryTerm>,
    pub copy: Vec<Copy>,
    pub locale: Locale,
    pub policy: Policy,
    pub conditions: Vec<NamedCond>,
    pub actions: Vec<ActionRule>,
}
