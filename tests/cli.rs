//! The command line of the contract, run as a process: `qadam assess`, its errors and exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn qadam(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qadam"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // qadam may stop reading early (an input over its cap): a broken pipe here is its answer, not a failure.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn due(json: &serde_json::Value, id: &str) -> Option<String> {
    json["deadlines"].as_array()?.iter().find(|d| d["id"] == id).map(|d| d["due"].as_str().unwrap().to_string())
}

#[test]
fn assess_gives_the_contracts_examples() {
    let cases = [
        (r#"{"citizenship":"DE","purpose":"visit","entry_date":"2026-11-20","document":"none"}"#, "2026-11-22", "host_notification", "2026-11-25"),
        (r#"{"citizenship":"DE","purpose":"visit","entry_date":"2026-11-20","document":"none"}"#, "2026-11-22", "visa_free_stay_end", "2026-12-19"),
        (r#"{"citizenship":"DE","purpose":"visit","entry_date":"2026-12-15","document":"none"}"#, "2026-12-15", "host_notification", "2026-12-21"),
        (r#"{"citizenship":"KZ","entry_date":"2026-11-20"}"#, "2026-11-22", "residence_registration", "2026-11-30"),
        (r#"{"citizenship":"CN","ethnic_kazakh":true,"purpose":"return_homeland","kandas_status_granted":"2026-03-01"}"#, "2026-11-22", "kandas_status_end", "2027-02-28"),
        (r#"{"address_changed":"2026-11-20"}"#, "2026-11-22", "address_change_registration", "2026-11-27"),
    ];
    for (facts, on, id, want) in cases {
        for lang in ["kk", "ru", "en"] {
            let (code, out, err) = qadam(&["assess", "--on", on, "--lang", lang, "-"], facts);
            assert_eq!(code, 0, "{facts}: {err}");
            let json: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(due(&json, id).as_deref(), Some(want), "{facts} {id}");
            assert_eq!(json["as_of"], on);
            assert_eq!(json["text"]["lang"], lang);
            assert!(!json["text"]["deadlines"].as_array().unwrap().is_empty());
        }
    }
    let (_, out, _) = qadam(&["assess", "--on", "2026-11-22", "-"], cases[0].0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["immigration_type"], serde_json::Value::Null);
    assert!(due(&json, "registration").is_none());
    assert_eq!(json["complete"], true);
    assert_eq!(json["rule_set"]["verified_on"], "2026-11-26");
}

/// Examples 6–8 of the contract: the plan's first action, the absent deadlines, the planned-exit caution.
#[test]
fn assess_gives_the_contracts_plan_examples() {
    let run = |facts: &str, on: &str| -> serde_json::Value {
        let (code, out, err) = qadam(&["assess", "--on", on, "-"], facts);
        assert_eq!(code, 0, "{facts}: {err}");
        serde_json::from_str(&out).unwrap()
    };
    let first = |j: &serde_json::Value| (j["actions"][0]["id"].as_str().map(String::from), j["actions"][0]["due"].as_str().map(String::from));

    let j = run(r#"{"citizenship":"TJ","purpose":"labour","works_for":"household","entry_date":"2026-03-01","document":"labour_immigrant_permit","document_valid_until":"2026-12-31"}"#, "2026-11-26");
    assert_eq!(j["immigration_type"], "labour");
    assert_eq!(due(&j, "document_expiry").as_deref(), Some("2026-12-31"));
    assert!(due(&j, "visa_free_stay_end").is_none());
    assert_eq!(first(&j), (Some("leave_or_extend".into()), Some("2026-12-31".into())));
    assert_eq!(j["actions"][0]["status"], "upcoming");
    assert!(j["actions"].as_array().unwrap().iter().any(|a| a["id"] == "pay_income_tax_advance" && a["status"] == "ongoing" && a["due"].is_null()));

    let j = run(r#"{"citizenship":"AF","purpose":"political","entry_date":"2026-11-24","document":"none"}"#, "2026-11-26");
    assert_eq!(j["immigration_type"], "humanitarian_political");
    assert_eq!(due(&j, "asylum_application").as_deref(), Some("2026-11-29"));
    assert_eq!(first(&j), (Some("apply_for_asylum".into()), Some("2026-11-29".into())));
    assert_eq!(j["actions"][0]["deadline"], "asylum_application");
    assert!(j["actions"][0]["where"].as_array().unwrap().iter().any(|w| w == "employment_department"));

    let j = run(r#"{"citizenship":"DE","purpose":"visit","entry_date":"2026-11-20","planned_exit":"2026-12-25","document":"none","previous_stays":[{"entry":"2026-08-01","exit":"2026-09-15"}]}"#, "2026-11-26");
    assert_eq!(due(&j, "visa_free_stay_end").as_deref(), Some("2026-12-19"));
    let c = j["cautions"].as_array().unwrap().iter().find(|c| c["id"] == "planned_exit_after_lawful_end").expect("the caution");
    assert_eq!(c["days"], 6);
}

#[test]
fn bad_input_is_one_line_naming_the_key_and_exit_code_2() {
    let cases = [
        (r#"{"entry_date":"2026-02-30"}"#, "entry_date"),
        (r#"{"citizenship":"uz"}"#, "citizenship"),
        (r#"{"favourite_colour":"blue"}"#, "favourite_colour"),
        (r#"{"ethnic_kazakh":"yes"}"#, "ethnic_kazakh"),
        (r#"{"previous_stays":[{"entry":"2026-01-10","exit":"2026-01-01"}]}"#, "previous_stays"),
        (r#"{"entry_date":"2026-11-20","planned_exit":"2026-11-01"}"#, "planned_exit"),
        (r#"[1, 2]"#, "(input)"),
        (r#"{"purpose": "#, "(input)"),
    ];
    for (facts, key) in cases {
        let (code, out, err) = qadam(&["assess", "--on", "2026-11-22", "-"], facts);
        assert_eq!(code, 2, "{facts}");
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{facts}: {err}");
        assert!(err.contains(key), "{facts}: {err}");
    }
    let (code, _, err) = qadam(&["assess", "--on", "2026-13-01", "-"], "{}");
    assert_eq!(code, 2);
    assert!(err.contains("--on"));
}

#[test]
fn help_version_and_unknown_commands() {
    let (code, out, _) = qadam(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("qadam assess"));
    let (code, out, _) = qadam(&["--version"], "");
    assert_eq!(code, 0);
    assert!(out.starts_with("qadam "));
    let (code, _, err) = qadam(&["fly"], "");
    assert_eq!(code, 2);
    assert!(err.contains("fly"));
}

/// Runs `qadam ARGS` with standard output going to `stdout`; the exit code and standard error.
fn qadam_to(args: &[&str], stdin: &str, stdout: Stdio) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qadam"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Commands that take no input may have exited already: a broken pipe here is not the test's subject.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_full_or_closed_output_is_one_line_and_a_non_zero_exit_not_a_panic() {
    let facts = r#"{"citizenship":"DE","purpose":"visit","entry_date":"2026-11-20","document":"none"}"#;
    for args in [&["assess", "--on", "2026-11-22", "-"][..], &["export", "--lang", "ru"], &["check"], &["--help"], &["texts", "--lang", "kk"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let (code, err) = qadam_to(args, facts, Stdio::from(full));
        assert_eq!(code, 3, "{args:?} > /dev/full: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("qadam: cannot write the output"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // A closed pipe: the reader goes away before the ~100 KB review document is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_qadam"))
        .args(["export", "--lang", "ru"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_input_is_capped_and_a_repeated_key_is_an_error() {
    // /dev/zero would be read forever.
    let (code, out, err) = qadam(&["assess", "--on", "2026-11-22", "/dev/zero"], "");
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("more than 1048576 bytes") && err.lines().count() == 1, "{err}");
    let big = format!("{{\"citizenship\":\"DE\",\"x\":\"{}\"}}", "a".repeat(2 << 20));
    let (code, _, err) = qadam(&["assess", "-"], &big);
    assert_eq!(code, 2, "{err}");
    // A visitor must not become a citizen because the last of two values wins.
    for (facts, key) in [
        (r#"{"citizenship":"DE","purpose":"visit","citizenship":"KZ"}"#, "citizenship"),
        (r#"{"entry_date":"2026-11-20","entry_date":"2026-11-20"}"#, "entry_date"),
        (r#"{"previous_stays":[{"entry":"2026-01-01","exit":"2026-01-05","entry":"2026-01-04"}]}"#, "previous_stays[0].entry"),
    ] {
        let (code, out, err) = qadam(&["assess", "--on", "2026-11-22", "-"], facts);
        assert_eq!(code, 2, "{facts}: {out}");
        assert!(err.lines().count() == 1 && err.contains("more than once"), "{facts}: {err}");
        assert!(err.contains(key), "{key}: {err}");
    }
}

#[test]
fn error_lines_escape_control_characters_and_clip_long_keys() {
    let facts = "{\"\\u001b]0;pwned\\u0007\\u001b[2J\\u202eevil\": 1}";
    let (code, _, err) = qadam(&["assess", "-"], facts);
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}') && !err.contains('\u{202e}'), "{err:?}");
    assert!(err.contains("\\u{1b}") && err.lines().count() == 1, "{err:?}");
    let long = format!("{{\"{}\": 1}}", "k".repeat(5000));
    let (code, _, err) = qadam(&["assess", "-"], &long);
    assert_eq!(code, 2);
    assert!(err.len() < 300, "{} bytes: {}", err.len(), &err[..200]);
    let (code, _, err) = qadam(&["assess", "--on", "2026-11-22", "-"], "{\"citizenship\":\"\\u001b[31mRED\"}");
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}'), "{err:?}");
}
