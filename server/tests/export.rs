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
    // (Everything below reads the files as any observer would.)
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

    // The demo uses the default receipt mode: codes and ballots are two lists, each in its
    // own order (the ballots sorted by content), so a line of one says nothing of the other.
    let election: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/election.json")).expect("election"),
    )
    .expect("json");
    assert_eq!(election["receipts"], "separate");
    let ballot_lines: Vec<&str> = lines.lines().collect();
    let mut sorted = ballot_lines.clone();
    sorted.sort_unstable();
    assert_eq!(
        ballot_lines, sorted,
        "ballots are published in content order"
    );

    // A ballot replaced by another (kept in order, as a careful forger would) changes the
    // head; two ballots swapped break the published order.
    let mut forged: Vec<String> = ballot_lines.iter().map(|l| (*l).to_owned()).collect();
    let victim = forged
        .iter()
        .position(|l| l.contains("\"C\":[\"c"))
        .expect("a ballot with a choice in C");
    forged[victim] = r#"{"choices":{"A":[],"B":[],"C":[]}}"#.into();
    forged.sort_unstable();
    std::fs::write(
        dir.path().join("out/ballots.jsonl"),
        forged.join("\n") + "\n",
    )
    .expect("write");
    let caught = voz(dir.path(), &["verify", "out", "--head", &head]);
    assert!(
        !caught.status.success(),
        "a replaced ballot changes the head"
    );
    assert!(String::from_utf8_lossy(&caught.stderr).contains("differs from the published"));
    let mut swapped: Vec<&str> = ballot_lines.clone();
    let last = swapped.len() - 1;
    swapped.swap(0, last);
    std::fs::write(
        dir.path().join("out/ballots.jsonl"),
        swapped.join("\n") + "\n",
    )
    .expect("write");
    let reordered = voz(dir.path(), &["verify", "out", "--head", &head]);
    assert!(!reordered.status.success());
    assert!(String::from_utf8_lossy(&reordered.stderr).contains("out of order"));

    // A ballot that is not in its canonical form (a voter's own pattern) is refused.
    let mut patterned: Vec<String> = ballot_lines.iter().map(|l| (*l).to_owned()).collect();
    patterned[0] = r#"{"choices":{"C":[],"B":[],"A":[]}}"#.into();
    std::fs::write(
        dir.path().join("out/ballots.jsonl"),
        patterned.join("\n") + "\n",
    )
    .expect("write");
    let odd = voz(dir.path(), &["verify", "out"]);
    assert!(!odd.status.success());
    assert!(String::from_utf8_lossy(&odd.stderr).contains("canonical"));

    std::fs::write(dir.path().join("out/ballots.jsonl"), &lines).expect("restore");
    let fewer: Vec<&str> = codes.lines().skip(1).collect();
    std::fs::write(dir.path().join("out/tracking-codes.txt"), fewer.join("\n")).expect("write");
    let missing = voz(dir.path(), &["verify", "out", "--head", &head]);
    assert!(!missing.status.success());
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("1236 tracking codes for 1237 ballots")
    );

    // The same files read as a `paired` board: line i of the codes is the code of ballot
    // line i, chained together; `voz verify` rebuilds that chain too.
    std::fs::write(dir.path().join("out/tracking-codes.txt"), &codes).expect("restore");
    let mut paired = election.clone();
    paired["receipts"] = "paired".into();
    std::fs::write(
        dir.path().join("out/election.json"),
        serde_json::to_string_pretty(&paired).expect("json"),
    )
    .expect("write");
    let first = voz(dir.path(), &["verify", "out"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let said = String::from_utf8_lossy(&first.stderr).to_string();
    assert!(said.contains("receipts paired"), "{said}");
    let paired_head = said
        .split("board head ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("head")
        .to_owned();
    assert_ne!(paired_head, head);
    let mut swapped: Vec<&str> = lines.lines().collect();
    let last = swapped.len() - 1;
    swapped.swap(0, last);
    std::fs::write(
        dir.path().join("out/ballots.jsonl"),
        swapped.join("\n") + "\n",
    )
    .expect("write");
    let moved = voz(dir.path(), &["verify", "out", "--head", &paired_head]);
    assert!(
        !moved.status.success(),
        "paired: a ballot moved to another code is caught"
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
