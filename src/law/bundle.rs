//! Reads the rule set bundle in the browser: the postcard bytes `build.rs` writes, decoded by hand.
//!
//! Why not serde here: serde's generated visitors for thirty types cost about 30 KB of wasm, paid by every
//! phone; this reader does the same in a fraction. A native test checks that it reads back exactly what
//! `load` read from `rules/`, so a change to `model.rs` that this file misses fails there.
//! A truncated or damaged bundle gives `None`, never a panic.

use super::date::Date;
use super::model::*;
use alloc::{boxed::Box, string::String, vec::Vec};

pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(*b)
    }

    /// postcard's unsigned LEB128 varint.
    fn varint(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u32).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }
}

pub trait Decode: Sized {
    fn decode(r: &mut Reader) -> Option<Self>;
}

/// Decodes a whole bundle; trailing bytes are an error too, and so is a bundle whose copy is not the one
/// the code was built with (copy ids are places in it).
pub fn decode(bytes: &[u8]) -> Option<RuleSet> {
    let mut r = Reader { bytes };
    let set = RuleSet::decode(&mut r)?;
    (r.bytes.is_empty() && set.copy.len() == super::i18n::CopyId::COUNT).then_some(set)
}

/// A text is one string per language of the build, with no count.
impl Decode for Text {
    fn decode(r: &mut Reader) -> Option<Self> {
        let mut v = Vec::with_capacity(super::i18n::Lang::COUNT);
        for _ in 0..super::i18n::Lang::COUNT {
            v.push(d(r)?);
        }
        Some(Text(v))
    }
}

fn d<T: Decode>(r: &mut Reader) -> Option<T> {
    T::decode(r)
}

impl Decode for u32 {
    fn decode(r: &mut Reader) -> Option<u32> {
        r.varint()
    }
}

impl Decode for i32 {
    fn decode(r: &mut Reader) -> Option<i32> {
        // zigzag
        let v = r.varint()?;
        Some(((v >> 1) as i32) ^ -((v & 1) as i32))
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader) -> Option<bool> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Decode for String {
    fn decode(r: &mut Reader) -> Option<String> {
        let n = r.varint()? as usize;
        String::from_utf8(r.take(n)?.to_vec()).ok()
    }
}

impl Decode for Date {
    fn decode(r: &mut Reader) -> Option<Date> {
        Date::from_days(d(r)?)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader) -> Option<Vec<T>> {
        let n = r.varint()? as usize;
        // Every element takes at least one byte: a length beyond what is left is damage, not a reason to allocate.
        if n > r.bytes.len() {
            return None;
        }
        // A plain loop: an iterator chain here would be instantiated again for every element type.
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(d(r)?);
        }
        Some(v)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader) -> Option<Option<T>> {
        match r.byte()? {
            0 => Some(None),
            1 => Some(Some(d(r)?)),
            _ => None,
        }
    }
}

impl<T: Decode> Decode for Box<T> {
    fn decode(r: &mut Reader) -> Option<Box<T>> {
        Some(Box::new(d(r)?))
    }
}

/// Structs are their fields in declaration order (postcard writes no names).
/// Fields in `[skip …]` are not in the bundle (`#[serde(skip)]`) and start empty.
macro_rules! structs {
    ($($t:ident { $($f:ident),* $(,)? } $([skip $($s:ident),*])?)*) => {
        $(impl Decode for $t {
            fn decode(r: &mut Reader) -> Option<Self> {
                Some($t { $($f: d(r)?,)* $($($s: Default::default(),)*)? })
            }
        })*
    };
}

structs! {
    Act { id, short, title, url }
    Source { act, article, paragraph, subparagraph, verified_on, confidence, note }
    FactIn { fact, values }
    FactDate { fact, date }
    FactYears { fact, years }
    Question { fact, kind, when, required, required_when, may_not_know, title, hint, unknown_fallback, skip_label, options, glossary }
    AnswerOption { value, when, label, hint }
    Validity { valid_from, valid_to }
    ImmigrationType { id, purposes, name, who, document, term, body, sources, when, ineligible, kinds }
    ImmigrationKind { when, name, document, term, body, source }
    DeadlineRule { id, validity, when, count, source, action, counting, caution, penalties, services, glossary }
    Provision { id, validity, when, text, source }
    Penalty { id, validity, mrp, text, source, overdue_from, overdue_to }
    Mrp { year, tenge, source }
    EntryRegime { id, validity, name, visa_free, days_per_entry, days_in_window, window_days, eaeu, source }
    Country { code, name, regime, common, aliases, uncertain }
    DatedDay { date, name, source }
    Holiday { month, day, validity, name, transferable, source }
    CalendarYear { year, published, source, kurban_ait, extra_days_off, working_weekend_days }
    Calendar { holidays, years }
    Service { id, name, address, url, what_for, help_contact, when, source }
    GlossaryTerm { id, term, explanation, source }
    Copy { id, text }
    Locale { months, weekdays, day_forms }
    RuleSet { version, verified_on, acts, questions, immigration_types, deadlines, rights, obligations, penalties, mrp,
        entry_regimes, countries, calendar, services, glossary, copy, locale, policy, conditions, actions } [skip languages]
    NamedCond { name, meaning, when }
    ActionRule { id, when, due, timing, text, fix, bring, missed, services, penalties, source }
    Policy { stateless_regime, default_stay_days, lawful_end_deadlines }
}

/// Enums are the variant's index, then its fields.
impl Decode for Confidence {
    fn decode(r: &mut Reader) -> Option<Self> {
        Some(match r.varint()? {
            0 => Confidence::Confirmed,
            1 => Confidence::Secondary,
            2 => Confidence::Uncertain,
            _ => return None,
        })
    }
}

impl Decode for QuestionKind {
    fn decode(r: &mut Reader) -> Option<Self> {
        Some(match r.varint()? {
            0 => QuestionKind::Country,
            1 => QuestionKind::YesNo,
            2 => QuestionKind::Choice,
            3 => QuestionKind::Date,
            4 => QuestionKind::Stays,
            _ => return None,
        })
    }
}

impl Decode for Cond {
    fn decode(r: &mut Reader) -> Option<Self> {
        Some(match r.varint()? {
            0 => Cond::Always,
            1 => Cond::All(d(r)?),
            2 => Cond::Any(d(r)?),
            3 => Cond::Not(d(r)?),
            4 => Cond::FactIn(d(r)?),
            5 => Cond::Known(d(r)?),
            6 => Cond::RegimeIn(d(r)?),
            7 => Cond::MayStayOver(d(r)?),
            8 => Cond::StaysAtLeastMonths(d(r)?),
            9 => Cond::FactBefore(d(r)?),
            10 => Cond::WithinYears(d(r)?),
            11 => Cond::Is(d(r)?),
            _ => return None,
        })
    }
}

impl Decode for Count {
    fn decode(r: &mut Reader) -> Option<Self> {
        Some(match r.varint()? {
            0 => Count::WorkingDaysAfter { from: d(r)?, days: d(r)? },
            1 => Count::CalendarDaysAfter { from: d(r)?, days: d(r)? },
            2 => Count::VisaFreeStay,
            3 => Count::MonthsAfter { from: d(r)?, months: d(r)? },
            4 => Count::YearsAfterLastDay { from: d(r)?, years: d(r)? },
            5 => Count::OnFact { fact: d(r)? },
            _ => return None,
        })
    }
}

impl Decode for ActionDue {
    fn decode(r: &mut Reader) -> Option<Self> {
        Some(match r.varint()? {
            0 => ActionDue::Deadline(d(r)?),
            1 => ActionDue::LawfulEnd,
            2 => ActionDue::Undated,
            _ => return None,
        })
    }
}

impl Decode for Timing {
    fn decode(r: &mut Reader) -> Option<Self> {
        Some(match r.varint()? {
            0 => Timing::Dated,
            1 => Timing::Ahead,
            2 => Timing::Passed,
            3 => Timing::Ongoing,
            4 => Timing::DatedOrOngoing,
            _ => return None,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.postcard"));

    #[test]
    fn reads_back_exactly_what_was_loaded_from_the_rule_files() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut loaded = super::super::load::load(|f| std::fs::read_to_string(dir.join(f)).map_err(|e| e.to_string()), cfg!(feature = "pseudo-locale"))
            .expect("rules/ loads");
        loaded.languages.clear();
        let by_hand = super::decode(BUNDLE).expect("the hand-written reader reads the bundle");
        assert!(by_hand == loaded, "the bundle reads back differently from rules/: update bundle.rs with model.rs");
        // And the bundle is the loaded set written by postcard, byte for byte.
        assert_eq!(postcard::to_allocvec(&loaded).unwrap(), BUNDLE);
    }

    #[test]
    fn a_damaged_bundle_is_refused_without_panicking() {
        for cut in [0, 1, 100, BUNDLE.len() / 2, BUNDLE.len() - 1] {
            assert!(super::decode(&BUNDLE[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = BUNDLE.to_vec();
        longer.push(0);
        assert!(super::decode(&longer).is_none());
        let mut flipped = BUNDLE.to_vec();
        for i in (0..flipped.len()).step_by(97) {
            flipped[i] ^= 0xff;
            let _ = super::decode(&flipped);
        }
    }
}
