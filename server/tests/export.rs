//! The public ballot export is exactly `voz tally`'s input: demo election → export → recount.

use std::process::Command;

fn voz(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_voz"))
        .args(args)
        .current_dir(dir)
        .env("DATABASE_URL", format!("sqlite://{}/voz.db", dir.display()))
        .env("VOZ_SECRET_FILE", dir.join("secret.key"))
        .env("VOZ_LOG", "warn")
        .output()
        .expect("run voz")
}

#[test]
fn a_closed_election_exports_and_recounts() {
    let dir = tempfile::tempdir().expect("tmp");
    let demo = voz(dir.path(), &["demo"]);
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );

    let export = voz(
        dir.path(),
        &[
            "export",
            "--org",
            "cmi-sp",
            "--election",
            "cmi-2023",
            "--out",
            "out",
        ],
    );
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let lines = std::fs::read_to_string(dir.path().join("out/ballots.jsonl")).expect("ballots");
    assert_eq!(lines.lines().count(), 1237);
    assert!(
        !lines.contains("account") && !lines.contains("tracking"),
        "ballots only"
    );

    let tally = voz(
        dir.path(),
        &["tally", "out/election.json", "out/ballots.jsonl"],
    );
    assert!(
        tally.status.success(),
        "{}",
        String::from_utf8_lossy(&tally.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&tally.stdout).expect("json");
    assert_eq!(result["ballots"]["total"], 1237);
    assert_eq!(
        result["segments"]["A"]["titulares"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    assert_eq!(result["parity"]["met"], true);

    // An election still voting publishes nothing.
    let open = voz(
        dir.path(),
        &[
            "export",
            "--org",
            "cmi-sp",
            "--election",
            "cmi-2025",
            "--out",
            "open",
        ],
    );
    assert!(!open.status.success());
    assert!(!dir.path().join("open/ballots.jsonl").exists());

    let audit = voz(dir.path(), &["audit", "verify"]);
    assert!(String::from_utf8_lossy(&audit.stdout).contains("audit log intact"));
}
