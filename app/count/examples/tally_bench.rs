//! How fast the count reads a ballot export: `./dev bench-tally [ballots]` (default
//! 1,000,000). Writes a demo-shaped election (3 segments, 30 candidates, parity, both
//! tie-breaks) and its ballots (3% null, 4% blank per segment) to a temporary folder, then
//! times reading the file and counting it, the way `voz tally` does, five times each.

use std::io::Write as _;
use std::time::{Duration, Instant};

use voz_count::{
    Ballot, CandidateConfig, Date, ElectionConfig, ParityConfig, ParityScope, ReceiptMode,
    SegmentConfig, TieBreak, tally, tally_jsonl,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ballots: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let config = election();
    let dir = std::env::temp_dir().join(format!("voz-tally-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("ballots.jsonl");
    write_ballots(&config, ballots, &path)?;
    let size = std::fs::metadata(&path)?.len();
    println!(
        "{ballots} ballots, {:.1} MB, {} threads available",
        size as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    let mut reads = Vec::new();
    let mut counts = Vec::new();
    let mut lines = Vec::new();
    let mut result = None;
    for _ in 0..5 {
        let started = Instant::now();
        let bytes = std::fs::read(&path)?;
        reads.push(started.elapsed());

        let started = Instant::now();
        let counted = tally_jsonl(&config, &bytes)?;
        counts.push(started.elapsed());

        let started = Instant::now();
        let one_by_one = line_by_line(&config, &bytes)?;
        lines.push(started.elapsed());
        assert_eq!(counted, one_by_one, "both ways count the same");
        result = Some(counted);
    }
    let result = result.ok_or("no run")?;
    assert_eq!(result.ballots.total as usize, ballots);
    println!("read the file            {}", summary(&mut reads));
    println!("count (voz tally)        {}", summary(&mut counts));
    println!(
        "count line by line, 1 thread (before) {}",
        summary(&mut lines)
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// The way `voz tally` counted before: each line parsed into an owned ballot, in turn.
fn line_by_line(
    config: &ElectionConfig,
    bytes: &[u8],
) -> Result<voz_count::TallyResult, Box<dyn std::error::Error>> {
    let text = std::str::from_utf8(bytes)?;
    let mut parsed = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if !line.trim().is_empty() {
            parsed.push((index + 1, serde_json::from_str::<Ballot>(line)?));
        }
    }
    Ok(tally(config, parsed)?)
}

fn summary(times: &mut [Duration]) -> String {
    times.sort();
    format!(
        "best {:.3} s, median {:.3} s",
        times[0].as_secs_f64(),
        times[times.len() / 2].as_secs_f64()
    )
}

fn election() -> ElectionConfig {
    let segments = [("A", 3), ("B", 2), ("C", 3)];
    let mut candidates = Vec::new();
    for (s, (segment, _)) in segments.iter().enumerate() {
        for n in 0..10 {
            candidates.push(CandidateConfig {
                id: format!("c{}", s * 10 + n + 1),
                segment: (*segment).into(),
                parity: n % 2 == 0,
                birth_date: Some(Date::new(1960 + n as u16, 1 + s as u8, 10).expect("date")),
            });
        }
    }
    ElectionConfig {
        segments: segments
            .iter()
            .map(|(id, seats)| SegmentConfig {
                id: (*id).into(),
                seats: *seats,
                alternates: *seats,
                max_choices: 1,
            })
            .collect(),
        extra_seats: 0,
        parity: ParityConfig {
            ratio: 0.5,
            scope: ParityScope::Election,
        },
        tie_break: vec![TieBreak::OlderFirst, TieBreak::Lot],
        lot_seed: "5a0a2023".into(),
        candidates,
        receipts: ReceiptMode::Separate,
    }
}

/// Canonical ballots, as the public export has them, from a fixed generator.
fn write_ballots(
    config: &ElectionConfig,
    ballots: usize,
    path: &std::path::Path,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut seed: u64 = 0x5eed;
    let mut next = |below: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % below
    };
    for _ in 0..ballots {
        let ballot = if next(100) < 3 {
            Ballot {
                null: true,
                choices: vec![],
            }
        } else {
            Ballot {
                null: false,
                choices: config
                    .segments
                    .iter()
                    .enumerate()
                    .map(|(s, segment)| {
                        let picked = if next(100) < 4 {
                            vec![]
                        } else {
                            // Lower-numbered candidates are favoured.
                            let n = next(10).min(next(10));
                            vec![format!("c{}", s as u64 * 10 + n + 1)]
                        };
                        (segment.id.clone(), picked)
                    })
                    .collect(),
            }
        };
        serde_json::to_writer(&mut out, &ballot)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
