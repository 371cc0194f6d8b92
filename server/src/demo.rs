//! `voz demo`: two organizations modelled on the real ones (DOMAIN.md), with people at
//! every stage of verification. Running it again changes nothing.

use std::path::Path;

use crate::seed::{Decided, registered_person};
use voz_app::accounts::registration::rules::Registration;
use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{
    AccountId, Decision, DocumentType, GenderIdentity, NewOrganization, OrganizationId,
    RegistrationRules, ResidenceProof,
};
use voz_app::db::{Db, now_millis};
use voz_app::i18n::Locale;

type Outcome = Result<(), Box<dyn std::error::Error>>;

/// São Paulo's 32 subprefeituras.
const SAO_PAULO_DISTRICTS: [&str; 32] = [
    "Aricanduva/Formosa/Carrão",
    "Butantã",
    "Campo Limpo",
    "Capela do Socorro",
    "Casa Verde",
    "Cidade Ademar",
    "Cidade Tiradentes",
    "Ermelino Matarazzo",
    "Freguesia/Brasilândia",
    "Guaianases",
    "Ipiranga",
    "Itaim Paulista",
    "Itaquera",
    "Jabaquara",
    "Jaçanã/Tremembé",
    "Lapa",
    "M'Boi Mirim",
    "Mooca",
    "Parelheiros",
    "Penha",
    "Perus",
    "Pinheiros",
    "Pirituba/Jaraguá",
    "Santana/Tucuruvi",
    "Santo Amaro",
    "São Mateus",
    "São Miguel Paulista",
    "Sapopemba",
    "Sé",
    "Vila Maria/Vila Guilherme",
    "Vila Mariana",
    "Vila Prudente",
];

/// Bogotá's 20 localidades.
const BOGOTA_DISTRICTS: [&str; 20] = [
    "Usaquén",
    "Chapinero",
    "Santa Fe",
    "San Cristóbal",
    "Usme",
    "Tunjuelito",
    "Bosa",
    "Kennedy",
    "Fontibón",
    "Engativá",
    "Suba",
    "Barrios Unidos",
    "Teusaquillo",
    "Los Mártires",
    "Antonio Nariño",
    "Puente Aranda",
    "La Candelaria",
    "Rafael Uribe Uribe",
    "Ciudad Bolívar",
    "Sumapaz",
];

struct Person {
    name: &'static str,
    locale: Locale,
    nationality: &'static str,
    born: &'static str,
    district: &'static str,
    gender: GenderIdentity,
    document: DocumentType,
    number: &'static str,
    decision: Option<Decision>,
}

pub async fn load(database_url: &str, secret_file: &Path, files: &str) -> Outcome {
    let db = Db::connect(database_url).await?;
    let files = voz_app::platform::files::store::FileStore::open(files)?;
    db.migrate().await?;
    let secret = ServerSecret::load_or_create(secret_file)?;
    let sao_paulo = NewOrganization {
        slug: "cmi-sp".into(),
        name: "Conselho Municipal de Imigrantes de São Paulo".into(),
        default_locale: "pt-BR".into(),
        rules: RegistrationRules {
            accepted_documents: DocumentType::SAO_PAULO.to_vec(),
            min_age: 16,
            residence_proof: ResidenceProof::SelfDeclaration,
            districts: SAO_PAULO_DISTRICTS.iter().map(|d| d.to_string()).collect(),
            time_zone: "America/Sao_Paulo".into(),
        },
        voter_list_public: true,
    };
    let bogota = NewOrganization {
        slug: "idpac-bogota".into(),
        name: "Instituto Distrital de la Participación y Acción Comunal (Bogotá)".into(),
        default_locale: "es".into(),
        rules: RegistrationRules {
            accepted_documents: vec![
                DocumentType::Passport,
                DocumentType::OriginIdCard,
                DocumentType::TemporaryProtectionPermit,
                DocumentType::ForeignerIdCard,
                DocumentType::SafeConduct,
            ],
            min_age: 18,
            residence_proof: ResidenceProof::SelfDeclaration,
            districts: BOGOTA_DISTRICTS.iter().map(|d| d.to_string()).collect(),
            time_zone: "America/Bogota".into(),
        },
        voter_list_public: false,
    };
    load_organization(&db, &secret, &sao_paulo, &sao_paulo_people()).await?;
    load_organization(&db, &secret, &bogota, &bogota_people()).await?;
    if let Some(idpac) = accounts_store::organization_by_slug(&db, "idpac-bogota").await? {
        crate::demo_call::load(&db, &secret, &files, idpac.id, now_millis()).await?;
    }
    println!("demo data loaded: organizations `cmi-sp` and `idpac-bogota`;");
    println!(
        "elections `cmi-2023` (counted: 1,237 voters at 6 stations) , `cmi-2025` (voting open) and `cmi-2027` (taking candidacies)"
    );
    println!("next: `voz admin invite --org cmi-sp` prints the first administrator's link");
    db.close().await;
    Ok(())
}

async fn load_organization(
    db: &Db,
    secret: &ServerSecret,
    new: &NewOrganization,
    people: &[Person],
) -> Outcome {
    if accounts_store::organization_by_slug(db, &new.slug)
        .await?
        .is_some()
    {
        println!("{} already exists, left as it is", new.slug);
        return Ok(());
    }
    let now = now_millis();
    let mut tx = db.begin_write().await?;
    let organization = accounts_store::create_organization(&mut tx, new, None, now).await?;
    let reviewer = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Demo reviewer",
        &new.default_locale,
        true,
        now,
    )
    .await?;
    for person in people {
        register(&mut tx, secret, organization, reviewer, person, now).await?;
    }
    tx.commit().await?;
    if new.slug == "cmi-sp" {
        crate::demo_election::load(db, secret, organization, reviewer, now).await?;
        crate::demo_conference::load(db, organization, reviewer, now).await?;
    }
    Ok(())
}

async fn register(
    tx: &mut voz_app::db::Tx,
    secret: &ServerSecret,
    organization: OrganizationId,
    reviewer: AccountId,
    person: &Person,
    now: i64,
) -> Outcome {
    let registration = Registration {
        display_name: person.name.into(),
        preferred_locale: person.locale,
        nationalities: vec![person.nationality.into()],
        birth_date: person.born.parse()?,
        district: person.district.into(),
        gender: person.gender,
        email: None,
        phone: None,
        document_type: person.document,
        document_number: person.number.into(),
    };
    let decided = person
        .decision
        .as_ref()
        .map(|decision| Decided { decision, reviewer });
    registered_person(tx, secret, organization, &registration, false, decided, now).await?;
    Ok(())
}

// One row of the tables below; positional arguments read best as a table.
#[allow(clippy::too_many_arguments)]
fn person(
    name: &'static str,
    locale: Locale,
    nationality: &'static str,
    born: &'static str,
    district: &'static str,
    gender: GenderIdentity,
    document: DocumentType,
    number: &'static str,
    decision: Option<Decision>,
) -> Person {
    Person {
        name,
        locale,
        nationality,
        born,
        district,
        gender,
        document,
        number,
        decision,
    }
}

fn sao_paulo_people() -> Vec<Person> {
    use DocumentType::*;
    use GenderIdentity::*;
    let ok = || Some(Decision::Accept);
    vec![
        person(
            "María Quispe",
            Locale::es,
            "BO",
            "1985-06-14",
            "Mooca",
            Woman,
            CrnmRne,
            "V123456-A",
            ok(),
        ),
        person(
            "Jean-Baptiste Pierre",
            Locale::ht,
            "HT",
            "1990-02-03",
            "Sé",
            Man,
            Passport,
            "HT9988776",
            ok(),
        ),
        person(
            "Fatima Al-Hassan",
            Locale::ar,
            "SY",
            "1979-11-20",
            "Mooca",
            Woman,
            RefugeeRequestProtocol,
            "08000.012345/2023-11",
            ok(),
        ),
        person(
            "Ngozi Okafor",
            Locale::en,
            "NG",
            "1995-08-30",
            "Penha",
            TransWoman,
            Passport,
            "A07654321",
            ok(),
        ),
        person(
            "Luis Mendoza",
            Locale::es,
            "PE",
            "1972-01-09",
            "Santo Amaro",
            Man,
            OriginIdCard,
            "40123456",
            ok(),
        ),
        person(
            "Yaneth Rivas",
            Locale::es,
            "VE",
            "1999-04-22",
            "Itaquera",
            NonBinary,
            DocumentRequestProtocol,
            "PR-2024-555",
            None,
        ),
        person(
            "Kanda Mbuyi",
            Locale::fr,
            "CD",
            "1988-12-01",
            "Guaianases",
            Woman,
            ConsularCertificate,
            "CD-CONS-7788",
            None,
        ),
        person(
            "Joaquim Manuel",
            Locale::pt_BR,
            "AO",
            "2008-03-15",
            "Lapa",
            Man,
            WorkCard,
            "1234567-00",
            None,
        ),
        person(
            "Li Wei",
            Locale::en,
            "CN",
            "1983-07-07",
            "Sé",
            PreferNotToSay,
            Passport,
            "E12345678",
            Some(Decision::FixBy {
                reason: "A foto do documento está ilegível.".into(),
                by: None,
            }),
        ),
    ]
}

fn bogota_people() -> Vec<Person> {
    use DocumentType::*;
    use GenderIdentity::*;
    vec![
        person(
            "Carlos Pérez",
            Locale::es,
            "VE",
            "1991-05-05",
            "Kennedy",
            Man,
            TemporaryProtectionPermit,
            "PPT-1029384",
            Some(Decision::Accept),
        ),
        person(
            "Andreína Gómez",
            Locale::es,
            "VE",
            "1987-10-10",
            "Suba",
            Woman,
            TemporaryProtectionPermit,
            "PPT-5566778",
            None,
        ),
        person(
            "Wilner Joseph",
            Locale::ht,
            "HT",
            "1993-09-19",
            "Bosa",
            Man,
            Passport,
            "HT1122334",
            None,
        ),
    ]
}
