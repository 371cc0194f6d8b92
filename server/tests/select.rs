//! `voz select` as a user runs it: files in, JSON out, a named line on bad input.

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn voz(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_voz"))
        .args(args)
        .output()
        .expect("run voz")
}

#[test]
fn selects_the_readme_example() {
    let out = voz(&[
        "select".as_ref(),
        fixture("call.json").as_os_str(),
        fixture("scores.jsonl").as_os_str(),
        fixture("votes.json").as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        result,
        serde_json::json!({"categories": {
            "culture": {
                "winners": ["B"],
                "reserve": ["A"],
                "ranking": [
                    {"id": "B", "jury": 84.0, "public": 66.67, "final": 80.53},
                    {"id": "A", "jury": 82.0, "public": 33.33, "final": 72.27},
                    {"id": "C", "jury": 52.0, "public": 100.0, "final": 61.6}
                ]
            },
            "food": {
                "winners": [],
                "reserve": [],
                "ranking": [{"id": "E", "jury": 40.0, "public": 0.0, "final": 32.0}]
            }
        }})
    );
}

#[test]
fn a_bad_score_line_fails_and_is_named() {
    let dir = tempfile::tempdir().expect("tmp");
    let good = std::fs::read_to_string(fixture("scores.jsonl")).expect("fixture");
    for (bad, says) in [
        (
            r#"{"application": "A", "juror": "j3", "scores": {"impact": 9, "feasibility": 1}}"#,
            "line 7: criterion \"impact\": 9 is outside 0..5",
        ),
        (
            r#"{"application": "D", "juror": "j3", "scores": {"impact": 1, "feasibility": 1}}"#,
            "line 7: application \"D\" is not eligible",
        ),
        (
            r#"{"application": "A", "juror": "j1", "scores": {"impact": 1, "feasibility": 1}}"#,
            "line 7: juror \"j1\" already scored application \"A\" (line 1)",
        ),
    ] {
        let scores = dir.path().join("scores.jsonl");
        std::fs::write(&scores, format!("{good}{bad}\n")).expect("write");
        let out = voz(&[
            "select".as_ref(),
            fixture("call.json").as_os_str(),
            scores.as_os_str(),
            fixture("votes.json").as_os_str(),
        ]);
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr} should say {says}");
        assert!(out.stdout.is_empty(), "nothing printed on error");
    }
}

#[test]
fn a_public_vote_needs_its_votes() {
    let out = voz(&[
        "select".as_ref(),
        fixture("call.json").as_os_str(),
        fixture("scores.jsonl").as_os_str(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("votes are needed"));
}
