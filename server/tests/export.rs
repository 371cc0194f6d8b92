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

    // The bulletin board: the export's chain head is the one `voz export` announced, a
    // tampered ballot or a missing code is caught, and the same recount comes out.
    let announced = String::from_utf8_lossy(&export.stderr).to_string();
    let head = announced
        .split("--head ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("head announced")
        .trim_end_matches('`')
        .to_owned();
    assert_eq!(head.len(), 64);
    let verify = voz(dir.path(), &["verify", "out", "--head", &head]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    let recount: serde_json::Value = serde_json::from_slice(&verify.stdout).expect("json");
    assert_eq!(recount, result);
    let codes = std::fs::read_to_string(dir.path().join("out/tracking-codes.txt")).expect("codes");
    assert_eq!(codes.lines().count(), 1237);

    let mut tampered: Vec<String> = lines.lines().map(str::to_owned).collect();
    let (first, second) = (tampered[0].clone(), tampered[1].clone());
    tampered[0] = second;
    tampered[1] = first;
    if tampered[0] == tampered[1] || lines.lines().next() == Some(tampered[0].as_str()) {
        tampered[0] = r#"{"choices":{"A":[],"B":[],"C":[]}}"#.into();
    }
    std::fs::write(
        dir.path().join("out/ballots.jsonl"),
        tampered.join("\n") + "\n",
    )
    .expect("write");
    let caught = voz(dir.path(), &["verify", "out", "--head", &head]);
    assert!(
        !caught.status.success(),
        "a swapped ballot changes the head"
    );
    assert!(String::from_utf8_lossy(&caught.stderr).contains("differs from the published"));

    std::fs::write(dir.path().join("out/ballots.jsonl"), &lines).expect("restore");
    let fewer: Vec<&str> = codes.lines().skip(1).collect();
    std::fs::write(dir.path().join("out/tracking-codes.txt"), fewer.join("\n")).expect("write");
    let missing = voz(dir.path(), &["verify", "out", "--head", &head]);
    assert!(!missing.status.success());
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("1236 tracking codes for 1237 ballots")
    );

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
