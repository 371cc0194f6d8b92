//! The demo's elections, CMI style (São Paulo): segments of 3, 2 and 3 seats, 26 candidacies
//! filed and accepted through the real rules. 2023: 1,237 voters at 6 polling stations,
//! counted; 2025: open for voting; 2027: open for candidacies.

use crate::seed::{Decided, Seeded, registered_person};
use voz_app::accounts::registration::rules::Registration;
use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::types::{AccountId, Decision, DocumentType, GenderIdentity, OrganizationId};
use voz_app::calendar::Date;
use voz_app::db::{Db, Tx};
use voz_app::elections::calendar::rules::Phase;
use voz_app::elections::calendar::store as calendar_store;
use voz_app::elections::candidacy::store as candidacy_store;
use voz_app::elections::candidacy::{CandidacyAction, CandidacyForm, Filer, validate_candidacy};
use voz_app::elections::election::settings::{
    DEFAULT_MIN_GROUP_SIZE, ElectionSettings, InPersonDay, Station, cmi_segments,
};
use voz_app::elections::election::store as election_store;
use voz_app::elections::election::store::{ElectionId, NewElection};
use voz_app::elections::kiosk::store as kiosk_store;
use voz_app::elections::station::rules::HandOver;
use voz_app::elections::station::store as station_store;
use voz_app::elections::station::store::closure as closure_store;
use voz_app::i18n::Locale;
use voz_app::platform::voting::store as voting_store;
use voz_app::results::count::{
    Ballot, ElectionConfig, ParityConfig, ParityScope, ReceiptMode, SegmentConfig, TieBreak,
};
use voz_app::results::publication as publication_store;

type Outcome = Result<(), Box<dyn std::error::Error>>;

/// 2023: in person only, 6 sites, 1,237 voters (DOMAIN.md).
const VOTERS: usize = 1237;
const STATIONS: i64 = 6;
/// The station whose voters use a paired kiosk; the others vote on paper.
const KIOSK_STATION: i64 = 1;

fn config() -> ElectionConfig {
    let segment = |id: &str, seats| SegmentConfig {
        id: id.into(),
        seats,
        alternates: seats,
        max_choices: 1,
    };
    ElectionConfig {
        segments: vec![segment("A", 3), segment("B", 2), segment("C", 3)],
        extra_seats: 0,
        parity: ParityConfig {
            ratio: 0.5,
            scope: ParityScope::Election,
        },
        tie_break: vec![TieBreak::OlderFirst, TieBreak::Lot],
        lot_seed: "5a0a2023".into(),
        // Filled from the accepted candidacies at the final list.
        candidates: vec![],
        receipts: ReceiptMode::Separate,
    }
}

/// São Paulo's clock, on which the demo's windows are set.
const TIME_ZONE: &str = "America/Sao_Paulo";

/// 2023-05-23 12:00 in São Paulo: the 2023 election's in-person day, when its stations
/// check voters in (the eligibility rule reads the clock).
const VOTING_DAY_2023: i64 = 1_684_854_000_000;

/// The CMI calendar of `year`. The election voting in the demo (2025) is open whenever the
/// demo is tried: online from three days before the day it was loaded to four days after,
/// and in person all that day.
fn settings(year: u16, now: i64) -> ElectionSettings {
    let date = |m: u8, d: u8| Date::new(year, m, d).expect("valid date");
    let station = |id: i64, name: &str, address: &str, region: &str| Station {
        id,
        name: name.into(),
        address: address.into(),
        region: region.into(),
    };
    ElectionSettings {
        min_group_size: DEFAULT_MIN_GROUP_SIZE,
        segments: cmi_segments(),
        min_voter_age: 16,
        online: match year {
            2023 => None,
            2025 => Some((today(now).add_days(-3), today(now).add_days(4))),
            _ => Some((date(5, 18), date(5, 21))),
        },
        in_person: Some(if year == 2025 {
            InPersonDay {
                date: today(now),
                opens: "00:00".into(),
                closes: "23:59".into(),
            }
        } else {
            InPersonDay {
                date: date(5, 23),
                opens: "08:00".into(),
                closes: "17:00".into(),
            }
        }),
        stations: vec![
            station(
                1,
                "CRAI — Centro de Referência para Imigrantes",
                "Rua Japurá, 234",
                "Sé",
            ),
            station(
                2,
                "CEU Pêra Marmelo",
                "Rua Pêra Marmelo, 226",
                "Pirituba/Jaraguá",
            ),
            station(
                3,
                "Biblioteca Mário de Andrade",
                "Rua da Consolação, 94",
                "Sé",
            ),
            station(
                4,
                "CEU Jambeiro",
                "Av. José Pinheiro Borges, 60",
                "Guaianases",
            ),
            station(5, "Subprefeitura da Mooca", "Rua Taquari, 549", "Mooca"),
            station(
                6,
                "CEU Parque Bristol",
                "Rua Prof. Artur Primavera, 1",
                "Ipiranga",
            ),
        ],
    }
}

fn today(now: i64) -> Date {
    voz_app::calendar::local_time(TIME_ZONE, now).date
}

/// The demo's candidates: (segment, name, representative, nationality, gender, date).
/// About half are in the parity group, fewer among the most favoured, so the count has
/// parity swaps to make.
const CANDIDATES: [(&str, &str, &str, &str, &str, &str); 26] = [
    (
        "A",
        "Associação de Residentes Bolivianos",
        "Juan Mamani",
        "BO",
        "man",
        "1998-03-12",
    ),
    (
        "A",
        "Associação Venezuelana Unidos",
        "Carlos Pérez",
        "VE",
        "man",
        "2018-09-20",
    ),
    (
        "A",
        "Coletivo Haitiano de São Paulo",
        "Marie-Ange Joseph",
        "HT",
        "woman",
        "2012-06-01",
    ),
    (
        "A",
        "Centro Cultural Peruano",
        "Luis Quispe",
        "PE",
        "man",
        "2004-11-30",
    ),
    (
        "A",
        "Rede de Mulheres Angolanas",
        "Esperança Dos Santos",
        "AO",
        "woman",
        "2015-02-14",
    ),
    (
        "A",
        "Associação Congolesa do Brasil",
        "Patrick Mbuyi",
        "CD",
        "man",
        "2010-07-19",
    ),
    (
        "A",
        "Coletivo Sírio-Libanês Jovem",
        "Rania Haddad",
        "SY",
        "woman",
        "2016-04-08",
    ),
    (
        "A",
        "Comunidade Colombiana em SP",
        "Andrés Rojas",
        "CO",
        "man",
        "2013-01-25",
    ),
    (
        "A",
        "Grupo Paraguaio de Cultura",
        "Ana Benítez",
        "PY",
        "non_binary",
        "2009-10-02",
    ),
    ("B", "Missão Paz", "Paolo Ricci", "IT", "man", "1939-05-01"),
    (
        "B",
        "Instituto Migrações e Direitos",
        "Rafael Souza",
        "BR",
        "man",
        "2003-03-03",
    ),
    (
        "B",
        "Cáritas Arquidiocesana",
        "Lúcia Ferreira",
        "BR",
        "woman",
        "1956-08-15",
    ),
    (
        "B",
        "Centro de Apoio ao Trabalhador Migrante",
        "Jorge Almeida",
        "BR",
        "man",
        "2001-06-21",
    ),
    (
        "B",
        "Rede Acolhe Mulheres",
        "Beatriz Lima",
        "BR",
        "woman",
        "2017-12-10",
    ),
    (
        "B",
        "Observatório das Migrações",
        "Pedro Santos",
        "BR",
        "man",
        "2011-09-09",
    ),
    (
        "B",
        "Cursinho Popular Sem Fronteiras",
        "Helena Costa",
        "BR",
        "trans_woman",
        "2014-02-28",
    ),
    ("C", "Jean-Baptiste Pierre", "", "HT", "man", "1982-02-22"),
    ("C", "Mohammed Rahman", "", "BD", "man", "1976-12-12"),
    ("C", "Fatima Al-Khatib", "", "SY", "woman", "1979-11-05"),
    ("C", "Wei Zhang", "", "CN", "man", "1983-08-08"),
    ("C", "Yesenia Gutiérrez", "", "VE", "woman", "1990-07-30"),
    ("C", "Kenji Yamamoto", "", "PE", "man", "1969-01-01"),
    ("C", "Grace Mutombo", "", "CD", "woman", "1988-03-03"),
    ("C", "Amadou Diallo", "", "SN", "man", "1985-04-17"),
    ("C", "Nadia Oliveira", "", "AO", "travesti", "1992-05-19"),
    ("C", "Rosa Choque", "", "BO", "woman", "1995-10-10"),
];

/// How strongly the demo's voters favour each candidate of a segment, in filing order.
const FAVOUR: [u64; 10] = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

const PLATFORM_PT: &str = "**Prioridades**\n\n- Documentação sem burocracia\n- Saúde e educação na língua de cada um\n- Trabalho digno e moradia";
const PLATFORM_ES: &str = "**Prioridades**\n\n- Documentos sin burocracia\n- Salud y educación en la lengua de cada quien\n- Trabajo digno y vivienda";

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

/// A voter's choice among a segment's candidate ids: favourites get more votes; now and
/// then a blank.
fn pick(rng: &mut Lcg, ids: &[String]) -> Vec<String> {
    if rng.next(100) < 4 {
        return vec![];
    }
    let weights = &FAVOUR[..ids.len()];
    let mut roll = rng.next(weights.iter().sum());
    for (id, weight) in ids.iter().zip(weights) {
        if roll < *weight {
            return vec![id.clone()];
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
    let mut elections = Vec::new();
    for (slug, title, year) in [
        ("cmi-2023", "Conselho Municipal de Imigrantes — 2023", 2023),
        ("cmi-2025", "Conselho Municipal de Imigrantes — 2025", 2025),
        ("cmi-2027", "Conselho Municipal de Imigrantes — 2027", 2027),
    ] {
        let id = election_store::create_election(
            &mut tx,
            organization,
            &NewElection {
                slug: slug.into(),
                title: title.into(),
                config: config(),
                settings: settings(year, now),
            },
            Some(reviewer),
            now,
        )
        .await?;
        calendar_store::move_phase(
            &mut tx,
            id,
            Phase::CandidacyRegistration,
            Some(reviewer),
            now,
        )
        .await?;
        elections.push(id);
    }
    let [past, next, future] = elections[..] else {
        unreachable!("three elections")
    };
    // 2023 and 2025: the same 26 candidacies, all accepted (in review), up to voting.
    // 2027 stays open for candidacies.
    let filers = candidate_filers(&mut tx, secret, organization, reviewer, now).await?;
    for election in [past, next] {
        file_candidacies(&mut tx, election, reviewer, &filers, now).await?;
        for phase in &Phase::ALL[3..=6] {
            calendar_store::move_phase(&mut tx, election, *phase, Some(reviewer), now).await?;
        }
    }
    let _ = future;
    let mut voters = Vec::with_capacity(VOTERS);
    for n in 0..VOTERS {
        voters.push(voter(&mut tx, secret, organization, reviewer, n, now).await?);
    }
    tx.commit().await?;
    vote_at_stations(db, past, reviewer, &voters, VOTING_DAY_2023, now).await
}

/// 2023's voting day, through the real polling-station path: each station opens, poll
/// workers check people in by document; at station 1 they vote on a paired kiosk, at the
/// others on paper, entered at closing; every station signs its closure; then counting.
async fn vote_at_stations(
    db: &Db,
    past: ElectionId,
    reviewer: AccountId,
    voters: &[String],
    voting_day: i64,
    now: i64,
) -> Outcome {
    let config = election_store::election(db, past).await?.config;
    let ids = |segment: &str| -> Vec<String> {
        config
            .candidates
            .iter()
            .filter(|c| c.segment == segment)
            .map(|c| c.id.clone())
            .collect()
    };
    let (a, b, c) = (ids("A"), ids("B"), ids("C"));
    let mut tx = db.begin_write().await?;
    for station in 1..=STATIONS {
        station_store::open_station(&mut tx, past, station, reviewer, voting_day).await?;
    }
    let pairing =
        kiosk_store::issue_kiosk_pairing(&mut tx, past, KIOSK_STATION, reviewer, voting_day)
            .await?;
    tx.commit().await?;
    let (kiosk, _) = kiosk_store::pair_kiosk(db, &pairing, voting_day).await?;
    let mut rng = Lcg(2023);
    let mut paper: Vec<Vec<Ballot>> = vec![Vec::new(); STATIONS as usize];
    let mut tx = db.begin_write().await?;
    for (n, document) in voters.iter().enumerate() {
        let ballot = Ballot {
            null: false,
            choices: vec![
                ("A".into(), pick(&mut rng, &a)),
                ("B".into(), pick(&mut rng, &b)),
                ("C".into(), pick(&mut rng, &c)),
            ],
        };
        let station = 1 + (n as i64 % STATIONS);
        if station == KIOSK_STATION {
            station_store::mark_in_person(
                &mut tx,
                past,
                station,
                document,
                HandOver::Kiosk,
                reviewer,
                voting_day,
            )
            .await?;
            tx.commit().await?;
            kiosk_store::cast_kiosk(db, &kiosk, &ballot).await?;
            tx = db.begin_write().await?;
        } else {
            station_store::mark_in_person(
                &mut tx,
                past,
                station,
                document,
                HandOver::Paper,
                reviewer,
                voting_day,
            )
            .await?;
            paper[(station - 1) as usize].push(ballot);
        }
    }
    tx.commit().await?;
    let mut tx = db.begin_write().await?;
    for station in 1..=STATIONS {
        let box_ = &paper[(station - 1) as usize];
        for ballot in box_ {
            station_store::enter_paper_ballot(&mut tx, past, station, ballot, reviewer, voting_day)
                .await?;
        }
        closure_store::close_station(
            &mut tx,
            past,
            station,
            box_.len() as u64,
            None,
            reviewer,
            voting_day,
        )
        .await?;
    }
    for phase in &Phase::ALL[7..] {
        calendar_store::move_phase(&mut tx, past, *phase, Some(reviewer), now).await?;
    }
    tx.commit().await?;
    voting_store::seal_ballot_box(db).await?;
    publication_store::publish(db, past, now).await?;
    Ok(())
}

/// Files the demo's 26 candidacies (each by its own account) and accepts them all.
/// The 26 candidates' filers — each person, or each organization's representative —
/// registered and verified with the organization, as anyone who stands must be.
async fn candidate_filers(
    tx: &mut Tx,
    secret: &ServerSecret,
    organization: OrganizationId,
    reviewer: AccountId,
    now: i64,
) -> Result<Vec<(AccountId, Filer)>, Box<dyn std::error::Error>> {
    let mut filers = Vec::new();
    for (n, (_, name, representative, nationality, gender, date)) in CANDIDATES.iter().enumerate() {
        let person = if representative.is_empty() {
            name
        } else {
            representative
        };
        // A person's registered birth date; an organization's representative is an adult.
        let birth_date: Date = if representative.is_empty() {
            date
        } else {
            "1980-03-15"
        }
        .parse()?;
        let gender = GenderIdentity::from_code(gender).ok_or("demo gender")?;
        let registration = Registration {
            display_name: (*person).to_owned(),
            preferred_locale: Locale::pt_BR,
            nationalities: vec![(*nationality).to_owned()],
            birth_date,
            district: "Sé".into(),
            gender,
            email: None,
            phone: None,
            document_type: DocumentType::Passport,
            document_number: format!("CAND{n:04}"),
        };
        let Seeded { account, .. } = registered_person(
            tx,
            secret,
            organization,
            &registration,
            true,
            Some(Decided {
                decision: &Decision::Accept,
                reviewer,
            }),
            now,
        )
        .await?;
        filers.push((
            account,
            Filer {
                name: (*person).to_owned(),
                birth_date,
                gender,
                nationality: (*nationality).to_owned(),
            },
        ));
    }
    Ok(filers)
}

async fn file_candidacies(
    tx: &mut Tx,
    election: ElectionId,
    reviewer: AccountId,
    filers: &[(AccountId, Filer)],
    now: i64,
) -> Outcome {
    let rules = settings(2025, now).segment_rules();
    let today = Date::from_unix_millis(now);
    let mut filed = Vec::new();
    for ((segment, name, representative, _, _, date), (account, filer)) in
        CANDIDATES.iter().zip(filers)
    {
        let organization = !representative.is_empty();
        let form = CandidacyForm {
            segment: (*segment).into(),
            name: if organization {
                (*name).into()
            } else {
                String::new()
            },
            date: if organization {
                (*date).into()
            } else {
                String::new()
            },
            platform: vec![
                ("pt-BR".into(), PLATFORM_PT.into()),
                ("es".into(), PLATFORM_ES.into()),
            ],
        };
        let candidacy = validate_candidacy(&form, &rules, today, filer)
            .map_err(|problems| format!("demo candidacy {name}: {problems:?}"))?;
        filed.push(candidacy_store::file_candidacy(tx, election, *account, &candidacy, now).await?);
    }
    calendar_store::move_phase(tx, election, Phase::Review, Some(reviewer), now).await?;
    for id in filed {
        candidacy_store::act_on_candidacy(
            tx,
            election,
            id,
            CandidacyAction::Accept,
            None,
            reviewer,
            now,
        )
        .await?;
    }
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
) -> Result<String, Box<dyn std::error::Error>> {
    let name = format!("Eleitor(a) {:04}", n + 1);
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
    let decided = Decided {
        decision: &Decision::Accept,
        reviewer,
    };
    let seeded = registered_person(
        tx,
        secret,
        organization,
        &registration,
        true,
        Some(decided),
        now,
    )
    .await?;
    Ok(seeded.document_hash)
}
