//! `voz tally` as a user runs it: files in, JSON out, a named line on bad input.

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
fn counts_the_fixture_with_a_parity_swap() {
    let out = voz(&[
        "tally".as_ref(),
        fixture("election.json").as_os_str(),
        fixture("ballots.jsonl").as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        result["segments"]["A"]["titulares"],
        serde_json::json!(["a1", "a3"])
    );
    assert_eq!(
        result["segments"]["B"]["titulares"],
        serde_json::json!(["b1"])
    );
    assert_eq!(result["extra"], serde_json::json!(["b2"]));
    assert_eq!(
        result["segments"]["A"]["alternates"],
        serde_json::json!(["a4"])
    );
    assert_eq!(
        result["ballots"],
        serde_json::json!({"total": 26, "valid": 23, "blank": 1, "null": 2})
    );
    assert_eq!(
        result["parity"],
        serde_json::json!({"required": 2, "achieved": 2, "met": true})
    );
    assert_eq!(result["segments"]["B"]["blank"], 3);
}

#[test]
fn a_malformed_ballot_line_fails_and_is_named() {
    let dir = tempfile::tempdir().expect("tmp");
    for (content, expected) in [
        (
            "{\"null\": true}\n\n{\"choices\": {\"A\": [\"zz\"]}}\n",
            "ballot line 3: unknown candidate \"zz\"",
        ),
        ("{\"null\": true}\nnot json\n", "ballot line 2"),
        (
            "{\"choices\": {\"A\": [\"a1\", \"a2\"]}}\n",
            "ballot line 1: segment \"A\" has 2 choices",
        ),
    ] {
        let ballots = dir.path().join("ballots.jsonl");
        std::fs::write(&ballots, content).expect("write");
        let out = voz(&[
            "tally".as_ref(),
            fixture("election.json").as_os_str(),
            ballots.as_os_str(),
        ]);
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{stderr}");
        assert!(out.stdout.is_empty(), "no partial result");
    }
}
