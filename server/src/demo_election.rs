//! The demo's election: a CMI-2023-like council election in São Paulo — segments of 3, 2
//! and 3 seats, 26 candidates, 1,237 voters at 6 polling stations — already counted, plus
//! the next election open for voting. Ballots are cast through the real ballot box.

use voz_app::accounts::rules::Registration;
use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{AccountId, Decision, DocumentType, GenderIdentity, OrganizationId};
use voz_app::db::{Db, Tx};
use voz_app::elections::phase::Phase;
use voz_app::elections::store::{Channel, NewElection};
use voz_app::i18n::Locale;
use voz_app::results::count::{
    Ballot, CandidateConfig, ElectionConfig, ParityConfig, ParityScope, SegmentConfig, TieBreak,
};

type Outcome = Result<(), Box<dyn std::error::Error>>;

/// 2023: in person only, 6 sites, 1,237 voters (DOMAIN.md).
const VOTERS: usize = 1237;
const STATIONS: i64 = 6;

fn config() -> ElectionConfig {
    let segment = |id: &str, seats| SegmentConfig {
        id: id.into(),
        seats,
        alternates: seats,
        max_choices: 1,
    };
    let mut candidates = Vec::new();
    for (segment, count) in [("A", 9), ("B", 7), ("C", 10)] {
        for n in 1..=count {
            candidates.push(CandidateConfig {
                id: format!("{segment}{n:02}"),
                segment: segment.into(),
                // Roughly half the candidates are in the parity group, fewer among the
                // most voted, so the count has parity swaps to make.
                parity: n % 2 == 0,
                birth_date: Some(
                    format!("{}-0{}-1{}", 1960 + n * 2, 1 + n % 9, n % 10)
                        .parse()
                        .unwrap_or_else(|_| "1970-01-01".parse().expect("valid date")),
                ),
            });
        }
    }
    ElectionConfig {
        segments: vec![segment("A", 3), segment("B", 2), segment("C", 3)],
        extra_seats: 0,
        parity: ParityConfig {
            ratio: 0.5,
            scope: ParityScope::Election,
        },
        tie_break: vec![TieBreak::OlderFirst, TieBreak::Lot],
        lot_seed: "5a0a2023".into(),
        candidates,
    }
}

/// A small deterministic generator: the demo is the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// A voter's choice in a segment: favourites get more votes; now and then a blank.
fn pick(rng: &mut Lcg, segment: &str, count: u64) -> Vec<String> {
    if rng.next(100) < 4 {
        return vec![];
    }
    // Triangular weights: candidate 1 most popular.
    let weights: Vec<u64> = (1..=count).map(|n| count + 1 - n).collect();
    let mut roll = rng.next(weights.iter().sum());
    for (n, weight) in weights.iter().enumerate() {
        if roll < *weight {
            return vec![format!("{segment}{:02}", n + 1)];
        }
        roll -= weight;
    }
    vec![]
}

pub async fn load(
    db: &Db,
    secret: &ServerSecret,
    organization: OrganizationId,
    reviewer: AccountId,
    now: i64,
) -> Outcome {
    let mut tx = db.begin_write().await?;
    let past = tx
        .create_election(
            organization,
            &NewElection {
                slug: "cmi-2023".into(),
                title: "Conselho Municipal de Imigrantes — 2023".into(),
                config: config(),
                settings: Default::default(),
            },
            None,
            now,
        )
        .await?;
    let next = tx
        .create_election(
            organization,
            &NewElection {
                slug: "cmi-2025".into(),
                title: "Conselho Municipal de Imigrantes — 2025".into(),
                config: config(),
                settings: Default::default(),
            },
            None,
            now,
        )
        .await?;
    for phase in &Phase::ALL[1..=6] {
        tx.move_phase(past, *phase, None, now).await?;
        tx.move_phase(next, *phase, None, now).await?;
    }
    let mut voters = Vec::with_capacity(VOTERS);
    for n in 0..VOTERS {
        voters.push(voter(&mut tx, secret, organization, reviewer, n, now).await?);
    }
    tx.commit().await?;

    let mut rng = Lcg(2023);
    for (n, voter) in voters.into_iter().enumerate() {
        let ballot = Ballot {
            null: false,
            choices: vec![
                ("A".into(), pick(&mut rng, "A", 9)),
                ("B".into(), pick(&mut rng, "B", 7)),
                ("C".into(), pick(&mut rng, "C", 10)),
            ],
        };
        let station = 1 + (n as i64 % STATIONS);
        db.cast(past, voter, &ballot, Channel::InPerson, Some(station))
            .await?;
    }
    let mut tx = db.begin_write().await?;
    for phase in &Phase::ALL[7..] {
        tx.move_phase(past, *phase, None, now).await?;
    }
    tx.commit().await?;
    db.seal_ballot_box().await?;
    Ok(())
}

const NATIONALITIES: [&str; 10] = ["BO", "VE", "HT", "AO", "PE", "CO", "PY", "SY", "CD", "CN"];

async fn voter(
    tx: &mut Tx,
    secret: &ServerSecret,
    organization: OrganizationId,
    reviewer: AccountId,
    n: usize,
    now: i64,
) -> Result<AccountId, Box<dyn std::error::Error>> {
    let name = format!("Eleitor(a) {:04}", n + 1);
    let account = tx
        .create_account(&new_user_handle().to_string(), &name, "pt-BR", true, now)
        .await?;
    let registration = Registration {
        display_name: name,
        preferred_locale: Locale::pt_BR,
        nationalities: vec![NATIONALITIES[n % NATIONALITIES.len()].into()],
        birth_date: format!("19{}-0{}-1{}", 60 + n % 40, 1 + n % 9, n % 10).parse()?,
        district: "Sé".into(),
        gender: if n.is_multiple_of(2) {
            GenderIdentity::Woman
        } else {
            GenderIdentity::Man
        },
        email: None,
        phone: None,
        document_type: DocumentType::Passport,
        document_number: format!("DEMO{n:06}"),
    };
    let hash = secret.document_hash(
        organization,
        DocumentType::Passport,
        &registration.document_number,
    );
    let id = tx
        .create_registration(organization, account, &registration, &hash, true, now)
        .await?;
    tx.decide_registration(organization, id, &Decision::Approve, reviewer, now)
        .await?;
    Ok(account)
}
