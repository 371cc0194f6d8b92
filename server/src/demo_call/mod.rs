//! The demo's open calls of `idpac-bogota`, modelled on Bogotá's "Panas y Parces"
//! festival of migrant and host-community initiatives: `panas-y-parces` with 120
//! applications of every applicant type, submitted with their documents (a few left as
//! drafts), checked (some sent back to fix, fixed and accepted; some refused), then
//! its jury (8 jurors, one conflict declared), a public vote by 200 verified people, the
//! selection published, most awards paid, a few final reports and follow-up visits (the
//! call in its follow-up); and `panas-y-parces-2027`, open for
//! applications. Loaded through the same
//! store functions the pages use, documents through the file store.

mod content;

use std::collections::BTreeMap;

use voz_app::accounts::registration::rules::Registration;
use voz_app::accounts::secret::ServerSecret;
use voz_app::accounts::staff::store as staff_store;
use voz_app::accounts::store as accounts_store;
use voz_app::accounts::store::new_user_handle;
use voz_app::accounts::types::{AccountId, OrganizationId};
use voz_app::accounts::types::{Decision, DocumentType, GenderIdentity, Role};
use voz_app::calendar::Date;
use voz_app::calls::apply::rules::parse_draft;
use voz_app::calls::apply::store::{self as apply_store, NewFile};
use voz_app::calls::apply::types::{Application, Status};
use voz_app::calls::awards::store as awards_store;
use voz_app::calls::awards::{Award, FINAL_REPORT};
use voz_app::calls::call::rules::{Call, Phase};
use voz_app::calls::call::store as call_store;
use voz_app::calls::jury::store as jury_store;
use voz_app::calls::selection::store as selection_store;
use voz_app::calls::vote::store as vote_store;
use voz_app::db::Db;
use voz_app::i18n::Locale;
use voz_app::platform::files::sniff::FileKind;
use voz_app::platform::files::store::FileStore;
use voz_app::platform::ids::ApplicationId;
use voz_app::platform::review::Verdict;

use crate::demo_conference::bar;
use crate::seed::{Decided, Seeded, registered_person};

pub use content::demo_pdf;
use content::{Check, LAST, LOCALITIES, check_of, form, name, new_call};

type Outcome = Result<(), Box<dyn std::error::Error>>;

pub const SLUG: &str = "panas-y-parces";
pub const OPEN: &str = "panas-y-parces-2027";

/// Adds both calls to `organization` unless they are there.
pub async fn load(
    db: &Db,
    secret: &ServerSecret,
    files: &FileStore,
    organization: OrganizationId,
    now: i64,
) -> Outcome {
    if call_store::call_by_slug(db, organization, SLUG)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let mut tx = db.begin_write().await?;
    let team = accounts_store::create_account(
        &mut tx,
        &new_user_handle().to_string(),
        "Equipo de convocatorias IDPAC",
        "es",
        true,
        now,
    )
    .await?;
    let open = call_store::create_call(
        &mut tx,
        organization,
        &new_call(OPEN, 2027),
        Some(team),
        now,
    )
    .await?;
    call_store::move_phase(&mut tx, open, Phase::Open, Some(team), now).await?;
    let id = call_store::create_call(
        &mut tx,
        organization,
        &new_call(SLUG, 2026),
        Some(team),
        now,
    )
    .await?;
    call_store::move_phase(&mut tx, id, Phase::Open, Some(team), now).await?;
    tx.commit().await?;
    let call = call_store::call_by_id(db, id).await?;

    const APPLICANTS: usize = 120;
    let progress = bar(APPLICANTS, "applications");
    let mut applicants: Vec<(AccountId, ApplicationId, bool)> = Vec::new();
    for n in 0..APPLICANTS {
        let mut tx = db.begin_write().await?;
        let locale = ["es", "es", "es", "en", "ht", "ar"][n % 6];
        let account = accounts_store::create_account(
            &mut tx,
            &new_user_handle().to_string(),
            &name(n * 5),
            locale,
            true,
            now,
        )
        .await?;
        let draft = parse_draft(&call, &form(n, &call))
            .map_err(|p| format!("demo application {n}: {p:?}"))?;
        let application =
            apply_store::save_draft(&mut tx, &call, account, &draft, locale, now).await?;
        for document in call.documents_for(draft.applicant_type) {
            let bytes = demo_pdf(&format!("{} {}", document.code, draft.title));
            let size = i64::try_from(bytes.len())?;
            let digest = files.put(bytes).await?;
            let file = NewFile {
                document: document.code.clone(),
                digest,
                kind: FileKind::Pdf,
                size,
                name: format!("{}.pdf", document.code),
            };
            apply_store::attach_file(&mut tx, &call, account, &file, now).await?;
        }
        // Eight never submit: their drafts stay theirs.
        let submits = n % 15 != 14;
        if submits {
            apply_store::submit(&mut tx, &call, account, now + i64::try_from(n)? * 60_000).await?;
        }
        tx.commit().await?;
        applicants.push((account, application, submits));
        progress.inc(1);
    }
    progress.finish();

    let mut tx = db.begin_write().await?;
    call_store::move_phase(&mut tx, id, Phase::DocumentCheck, Some(team), now).await?;
    tx.commit().await?;
    let call = call_store::call_by_id(db, id).await?;
    let by = Date::from_unix_millis(now).add_days(10);
    let mut tx = db.begin_write().await?;
    for (n, (_, application, submitted)) in applicants.iter().enumerate() {
        if !submitted {
            continue;
        }
        let verdict = match check_of(n) {
            Check::Accept => Verdict::Accept,
            Check::Fix(_) => Verdict::FixBy { reason: "El documento de identidad no se lee: súbelo de nuevo, completo y legible.".into(), by: Some(by) },
            Check::Refuse => Verdict::Refuse { reason: "Ninguna de las personas de la iniciativa vive en Bogotá, como pide la convocatoria.".into() },
        };
        apply_store::check_documents(&mut tx, &call, *application, &verdict, team, now).await?;
    }
    tx.commit().await?;
    let mut tx = db.begin_write().await?;
    call_store::move_phase(&mut tx, id, Phase::Fixes, Some(team), now).await?;
    for (n, (account, application, submitted)) in applicants.iter().enumerate() {
        if !submitted || !matches!(check_of(n), Check::Fix(true)) {
            continue;
        }
        let bytes = demo_pdf(&format!("identidad legible {n}"));
        let size = i64::try_from(bytes.len())?;
        let digest = files.put(bytes).await?;
        let file = NewFile {
            document: "identidad".into(),
            digest,
            kind: FileKind::Pdf,
            size,
            name: "identidad-legible.pdf".into(),
        };
        apply_store::attach_file(&mut tx, &call, *account, &file, now).await?;
        apply_store::send_fixes(&mut tx, &call, *account, now).await?;
        apply_store::check_documents(&mut tx, &call, *application, &Verdict::Accept, team, now)
            .await?;
    }
    tx.commit().await?;
    let eligible: Vec<Application> = apply_store::submitted_applications(db, &call)
        .await?
        .into_iter()
        .filter(|a| a.status == Status::Eligible)
        .collect();
    let mut call = call;
    jury(db, &mut call, team, &eligible, now).await?;
    public_vote(db, secret, &mut call, team, &eligible, now).await?;
    advance(db, &mut call, Phase::Selection, team, now).await?;
    voz_app::platform::voting::store::seal_ballot_box(db).await?;
    let record = selection_store::publish(db, &call, team, now).await?;
    advance(db, &mut call, Phase::Awards, team, now).await?;
    let awards = awards_store::awards(db, &call).await?;
    follow_up(db, files, &mut call, &awards, team, now).await?;
    let winners: usize = record
        .result
        .categories
        .values()
        .map(|c| c.winners.len())
        .sum();
    println!(
        "call `{SLUG}`: {APPLICANTS} applications ({} submitted, {} eligible), {} scores by 8 jurors (one conflict), {} public votes, {winners} winners published, {} paid; `{OPEN}` open for applications",
        applicants.iter().filter(|a| a.2).count(),
        eligible.len(),
        record.scores.len(),
        record.votes.values().sum::<u64>(),
        awards.len() - awards.len() / 3,
    );
    Ok(())
}

/// Two of every three winners paid; the first three of them sent their final report and
/// had a follow-up visit; the call then follows its awards up.
async fn follow_up(
    db: &Db,
    files: &FileStore,
    call: &mut Call,
    awards: &[Award],
    team: AccountId,
    now: i64,
) -> Outcome {
    let mut tx = db.begin_write().await?;
    let today = apply_store::today(&mut tx, call, now).await?;
    let paid = awards.iter().enumerate().filter(|(n, _)| n % 3 != 2);
    for (n, award) in paid {
        let id = ApplicationId(award.application);
        awards_store::record_payment(&mut tx, call, id, today, team, now).await?;
        if n > 3 {
            continue;
        }
        let bytes = demo_pdf(&format!("Informe final {}", award.title));
        let file = NewFile {
            document: FINAL_REPORT.into(),
            size: i64::try_from(bytes.len())?,
            digest: files.put(bytes).await?,
            kind: FileKind::Pdf,
            name: "informe-final.pdf".into(),
        };
        let winner = apply_store::application_by_id(&mut tx, call, id).await?;
        awards_store::attach_report(&mut tx, call, winner.applicant, &file, now).await?;
        let note = "Visitamos la iniciativa: las actividades van según el plan presentado.";
        awards_store::record_visit(&mut tx, call, id, today, note, team, now).await?;
    }
    tx.commit().await?;
    advance(db, call, Phase::FollowUp, team, now).await
}

async fn advance(db: &Db, call: &mut Call, to: Phase, by: AccountId, now: i64) -> Outcome {
    let mut tx = db.begin_write().await?;
    call_store::move_phase(&mut tx, call.id, to, Some(by), now).await?;
    tx.commit().await?;
    *call = call_store::call_by_id(db, call.id).await?;
    Ok(())
}

/// Two jurors per category score every eligible application of it (scores drawn from the
/// application and juror numbers, so the demo is the same every time); the first juror of
/// culture declares a conflict with one application instead of scoring it.
async fn jury(
    db: &Db,
    call: &mut Call,
    team: AccountId,
    eligible: &[Application],
    now: i64,
) -> Outcome {
    advance(db, call, Phase::Jury, team, now).await?;
    let mut tx = db.begin_write().await?;
    let mut jurors = Vec::new();
    for (n, category) in call.categories.iter().enumerate() {
        for seat in 0..2 {
            let name = format!(
                "Jurado {} {}",
                [
                    "Ana", "Bruno", "Camila", "Diego", "Elena", "Fabio", "Gloria", "Hugo"
                ][n * 2 + seat],
                LAST[n * 2 + seat]
            );
            let juror = accounts_store::create_account(
                &mut tx,
                &new_user_handle().to_string(),
                &name,
                "es",
                true,
                now,
            )
            .await?;
            staff_store::grant_role(&mut tx, call.organization, juror, Role::Jury, None, now)
                .await?;
            jury_store::assign_juror(&mut tx, call, category.id, juror, team, now).await?;
            jurors.push((category.id, juror));
        }
    }
    tx.commit().await?;
    let progress = bar(eligible.len(), "jury");
    let mut conflicted = false;
    for (n, application) in eligible.iter().enumerate() {
        let mut tx = db.begin_write().await?;
        for (seat, (_, juror)) in jurors
            .iter()
            .filter(|(c, _)| *c == application.category)
            .enumerate()
        {
            if !conflicted && seat == 0 && n > 3 {
                jury_store::declare_conflict(
                    &mut tx,
                    call,
                    application.id,
                    *juror,
                    "Conozco a la representante del grupo: somos vecinas.",
                    now,
                )
                .await?;
                conflicted = true;
                continue;
            }
            let scores: BTreeMap<String, String> = call
                .rubric
                .criteria
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    (
                        c.code.clone(),
                        ((n * 7 + seat * 3 + k * 5) % 4 + 2).to_string(),
                    )
                })
                .collect();
            let justification = [
                "Propuesta clara, con un equipo que ya trabaja junto.",
                "Buena idea; el presupuesto es ajustado.",
                "Llega a familias recién llegadas al barrio.",
                "Le falta mostrar cómo seguirá después del estímulo.",
            ][(n + seat) % 4];
            jury_store::score(
                &mut tx,
                call,
                application.id,
                *juror,
                &scores,
                justification,
                now,
            )
            .await?;
        }
        tx.commit().await?;
        progress.inc(1);
    }
    progress.finish();
    Ok(())
}

/// 200 people the institute verified vote (each in one to four categories).
async fn public_vote(
    db: &Db,
    secret: &ServerSecret,
    call: &mut Call,
    team: AccountId,
    eligible: &[Application],
    now: i64,
) -> Outcome {
    advance(db, call, Phase::PublicVote, team, now).await?;
    const VOTERS: usize = 200;
    let progress = bar(VOTERS, "public vote");
    for n in 0..VOTERS {
        let mut tx = db.begin_write().await?;
        let registration = Registration {
            display_name: name(n * 3 + 1),
            preferred_locale: Locale::es,
            nationalities: vec![["VE", "CO", "EC", "PE"][n % 4].to_owned()],
            birth_date: Date::new(
                1960 + u16::try_from(n % 40)?,
                1 + u8::try_from(n % 12)?,
                1 + u8::try_from(n % 28)?,
            )?,
            district: LOCALITIES[n % LOCALITIES.len()].to_owned(),
            gender: [GenderIdentity::Woman, GenderIdentity::Man][n % 2],
            email: None,
            phone: None,
            document_type: DocumentType::TemporaryProtectionPermit,
            document_number: format!("PPTVOTO{n:05}"),
        };
        let Seeded { account, .. } = registered_person(
            &mut tx,
            secret,
            call.organization,
            &registration,
            true,
            Some(Decided {
                decision: &Decision::Accept,
                reviewer: team,
            }),
            now,
        )
        .await?;
        for category in call.categories.iter().take(1 + n % 4) {
            let choices: Vec<&Application> = eligible
                .iter()
                .filter(|a| a.category == category.id)
                .collect();
            if choices.is_empty() {
                continue;
            }
            // Some favourites draw most votes.
            let pick = if n.is_multiple_of(3) {
                (n / 3) % choices.len()
            } else {
                (n % 3) % choices.len()
            };
            vote_store::cast(&mut tx, call, choices[pick].id, account).await?;
        }
        tx.commit().await?;
        progress.inc(1);
    }
    progress.finish();
    Ok(())
}
