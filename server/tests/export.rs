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

/// Runs `voz <args>` in `dir` and expects it to succeed (its error output shown if not).
fn ok(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let output = voz(dir, args);
    assert!(
        output.status.success(),
        "voz {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn a_closed_election_exports_and_recounts() {
    let dir = tempfile::tempdir().expect("tmp");
    ok(dir.path(), &["demo"]);

    let export = ok(
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
    let lines = std::fs::read_to_string(dir.path().join("out/ballots.jsonl")).expect("ballots");
    assert_eq!(lines.lines().count(), 1237);
    assert!(
        !lines.contains("account") && !lines.contains("tracking"),
        "ballots only"
    );

    let tally = ok(
        dir.path(),
        &["tally", "out/election.json", "out/ballots.jsonl"],
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
    let verify = ok(dir.path(), &["verify", "out", "--head", &head]);
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
    let first = ok(dir.path(), &["verify", "out"]);
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

fn lines(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("file")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// The conference record is the contract observers script against: its four files hold
/// the demo edition with consistent lineage, and any event's delegates recount with
/// `voz tally` from the delegate export.
#[test]
fn a_conference_record_exports_and_its_delegates_recount() {
    let dir = tempfile::tempdir().expect("tmp");
    ok(dir.path(), &["demo"]);
    ok(
        dir.path(),
        &[
            "export",
            "--org",
            "cmi-sp",
            "--conference",
            "conf-2019",
            "--out",
            "record",
        ],
    );
    let record = dir.path().join("record");
    let events = lines(&record.join("events.jsonl"));
    let proposals = lines(&record.join("proposals.jsonl"));
    let consolidated = lines(&record.join("consolidated.jsonl"));
    let plan = lines(&record.join("plan.jsonl"));
    assert_eq!(events.len(), 23);
    assert_eq!(
        events
            .iter()
            .filter(|e| e["kind"] == "pre_conference")
            .count(),
        4
    );
    assert_eq!(proposals.len(), 482);
    assert_eq!(consolidated.len(), 211);
    assert_eq!(plan.len(), 80);
    let motions = consolidated
        .iter()
        .filter(|c| c["result"] == "motion")
        .count();
    assert_eq!(motions, 9);
    // Lineage both ways: every `into` names a consolidated proposal listing the proposal
    // among its sources, and every source is a proposal naming it back.
    for p in &proposals {
        for code in p["into"].as_array().expect("into") {
            let c = consolidated
                .iter()
                .find(|c| &c["code"] == code)
                .expect("known code");
            assert!(c["sources"].as_array().expect("sources").contains(&p["id"]));
        }
        assert!(
            events.iter().any(|e| e["id"] == p["event"]),
            "its event is listed"
        );
    }
    for c in &consolidated {
        for source in c["sources"].as_array().expect("sources") {
            let p = proposals
                .iter()
                .find(|p| &p["id"] == source)
                .expect("known proposal");
            assert!(p["into"].as_array().expect("into").contains(&c["code"]));
        }
    }
    // Plan actions come from approved proposals only.
    for action in &plan {
        for code in action["from"].as_array().expect("from") {
            let c = consolidated
                .iter()
                .find(|c| &c["code"] == code)
                .expect("known code");
            assert!(
                c["result"] == "priority" || c["result"] == "approved",
                "{code}"
            );
        }
    }

    let event = events[0]["id"].as_str().expect("event id");
    ok(
        dir.path(),
        &[
            "export",
            "--org",
            "cmi-sp",
            "--conference",
            "conf-2019",
            "--event",
            event,
            "--delegates",
            "--out",
            "delegates",
        ],
    );
    let tally = ok(
        dir.path(),
        &[
            "tally",
            "delegates/election.json",
            "delegates/ballots.jsonl",
        ],
    );
    let result: serde_json::Value = serde_json::from_slice(&tally.stdout).expect("tally JSON");
    let elected = result["segments"]["delegates"]["titulares"]
        .as_array()
        .expect("delegates");
    assert!(!elected.is_empty());
    assert_eq!(result["parity"]["met"], true, "at least a third immigrants");
}

#[test]
fn a_published_selection_exports_and_selects_the_same() {
    let dir = tempfile::tempdir().expect("tmp");
    ok(dir.path(), &["demo"]);
    ok(
        dir.path(),
        &[
            "export",
            "--org",
            "idpac-bogota",
            "--call",
            "panas-y-parces",
            "--out",
            "out",
        ],
    );
    let scores = std::fs::read_to_string(dir.path().join("out/scores.jsonl")).expect("scores");
    assert!(scores.lines().count() > 100, "the jurors' lines");
    assert!(
        !scores.contains("Jurado"),
        "jurors are pseudonymous in this call"
    );
    let selected = ok(
        dir.path(),
        &[
            "select",
            "out/call.json",
            "out/scores.jsonl",
            "out/votes.json",
        ],
    );
    let recomputed: serde_json::Value = serde_json::from_slice(&selected.stdout).expect("json");
    let published: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/selection.json")).expect("published"),
    )
    .expect("json");
    assert_eq!(
        recomputed, published,
        "the published jury record is `voz select` on its files"
    );
    let winners: usize = published["categories"]
        .as_object()
        .expect("categories")
        .values()
        .map(|c| c["winners"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(winners > 0);
    // Before its selection is published, a call has nothing to export.
    let early = voz(
        dir.path(),
        &[
            "export",
            "--org",
            "idpac-bogota",
            "--call",
            "panas-y-parces-2027",
            "--out",
            "early",
        ],
    );
    assert!(!early.status.success());
}
