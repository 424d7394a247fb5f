//! Properties over arbitrary input: no facts, no date and no link ever make the engine panic, and bad
//! facts always come back as the contract's error naming a key.

use proptest::prelude::*;
use qadam::law::{assess::assess, bundled, date::Date, facts::FACT_KEYS, i18n::Lang, query};
use qadam::wizard::{Action, State};

fn any_date() -> impl Strategy<Value = String> {
    prop_oneof![
        (1890i32..2250, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        "[0-9-]{0,12}",
        Just("2024-02-29".to_string()),
    ]
}

fn any_value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        any_date().prop_map(serde_json::Value::String),
        any::<bool>().prop_map(serde_json::Value::Bool),
        prop_oneof![Just("KZ"), Just("UZ"), Just("DE"), Just("RU"), Just("stateless"), Just("uz"), Just("labour"), Just("visit"),
            Just("return_homeland"), Just("none"), Just("visa"), Just("kandas_certificate"), Just("household"), Just("permanent_residence"),
            Just("labour_immigrant_permit"), Just("asylum_seeker_certificate"), Just("refugee_certificate"), Just("unknown"),
            Just("political"), Just("AF"), Just("CN"), Just("TJ"), Just("KG"), Just("eaeu_contract"), Just("family")]
            .prop_map(|s| serde_json::Value::String(s.into())),
        proptest::collection::vec((any_date(), any_date()), 0..4).prop_map(|v| serde_json::Value::Array(
            v.into_iter().map(|(a, b)| serde_json::json!({"entry": a, "exit": b})).collect())),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        Just(serde_json::Value::Null),
    ]
}

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0..FACT_KEYS.len()).prop_map(|i| FACT_KEYS[i].0.to_string()),
        1 => "[a-z_]{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn no_facts_and_no_day_make_the_engine_panic(
        entries in proptest::collection::btree_map(any_key(), any_value(), 0..11),
        on in (2015i32..2035, 1u32..13, 1u32..29),
    ) {
        let rules = bundled();
        let json = serde_json::to_string(&entries).unwrap();
        let on = Date::from_ymd(on.0, on.1, on.2).unwrap();
        match qadam::cli::facts_from_json(rules, &json) {
            Ok(facts) => {
                let a = assess(rules, &facts, on);
                for l in Lang::ALL {
                    let _ = qadam::cli::assessment_json(rules, &a, l);
                }
                prop_assert!(a.complete == a.next_question.is_none());
                for d in &a.deadlines {
                    prop_assert_eq!(d.days_left, on.days_until(d.due));
                }
            }
            Err(e) => {
                prop_assert!(entries.contains_key(&e.key) || e.key == "(input)", "error names `{}`, not a key given", e.key);
                prop_assert!(!e.problem.is_empty());
            }
        }
    }

    #[test]
    fn no_link_breaks_the_wizard(q in "[?]?([a-z_]{0,15}=[A-Za-z0-9%.,_-]{0,25}&?){0,12}", lang in 0usize..3) {
        let rules = bundled();
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        let parsed = query::parse(rules, &q);
        let s = State::from_query(rules, &q, Lang::ALL[lang], today);
        prop_assert_eq!(&s.facts, &parsed.facts);
        // Whatever the link, the wizard can go on and the state's own link reads back the same.
        let s2 = s.clone().apply(rules, Action::Begin, today).apply(rules, Action::Back, today);
        let back = State::from_query(rules, &s2.to_query(rules), Lang::Ru, today);
        prop_assert_eq!(back.facts, s2.facts);
    }
}
