//! Candidate photos: set, replaced and removed by the candidate while candidacies are
//! open, never after; each change audited with the photo's digest.

use voz_app::accounts::types::AccountId;
use voz_app::db::Db;
use voz_app::elections::candidacy::CandidacyError;
use voz_app::elections::phase::Phase;
use voz_app::elections::photo::Photo;
use voz_app::elections::store::{ElectionError, ElectionId};

use crate::candidacies::{file, form, setup, to_phase};
use crate::store_tests;

store_tests!(photos_while_candidacies_are_open);

const NOW: i64 = 1_790_000_000_000;

fn photo(byte: u8) -> Photo {
    let jpeg = vec![0xFF, 0xD8, byte, 0xFF, 0xD9];
    Photo {
        digest: format!("{byte:064x}"),
        jpeg,
    }
}

async fn set(
    db: &Db,
    election: ElectionId,
    account: AccountId,
    photo: Option<&Photo>,
) -> Result<(), ElectionError> {
    let mut tx = db.begin_write().await.expect("begin");
    let out = tx.set_candidacy_photo(election, account, photo, NOW).await;
    if out.is_ok() {
        tx.commit().await.expect("commit");
    }
    out
}

async fn photos_while_candidacies_are_open(db: &Db) {
    let (election, people) = setup(db, 3).await;
    let marie = file(db, election, people[0], &form("C", "Marie Joseph", "woman")).await;
    let ali = file(db, election, people[1], &form("C", "Ali Hassan", "man")).await;

    assert!(
        matches!(
            set(db, election, people[2], Some(&photo(1))).await,
            Err(ElectionError::NotFound)
        ),
        "no candidacy, no photo"
    );
    set(db, election, people[0], Some(&photo(1)))
        .await
        .expect("first photo");
    set(db, election, people[0], Some(&photo(2)))
        .await
        .expect("replaced");
    set(db, election, people[1], Some(&photo(3)))
        .await
        .expect("another");
    set(db, election, people[1], None).await.expect("removed");

    let stored = db
        .candidacy_photo(election, marie)
        .await
        .expect("read")
        .expect("Marie has one");
    assert_eq!(stored.jpeg, photo(2).jpeg, "the replacement, not the first");
    assert_eq!(stored.owner, people[0]);
    assert!(
        db.candidacy_photo(election, ali)
            .await
            .expect("read")
            .is_none()
    );
    assert_eq!(
        db.photo_digests(election).await.expect("digests"),
        vec![(marie, photo(2).digest)]
    );

    to_phase(db, election, Phase::Review).await;
    assert!(
        matches!(
            set(db, election, people[0], Some(&photo(4))).await,
            Err(ElectionError::Candidacy(CandidacyError::WrongPhase))
        ),
        "the commission reviews the photo on file: it cannot change under review"
    );
    assert!(matches!(
        set(db, election, people[0], None).await,
        Err(ElectionError::Candidacy(CandidacyError::WrongPhase))
    ));
    let unchanged = db.candidacy_photo(election, marie).await.expect("read");
    assert_eq!(unchanged.map(|p| p.digest), Some(photo(2).digest));

    let audited = voz_app::on_db!(db, |pool| {
        sqlx::query_as::<_, (Option<String>, Option<String>)>(
            "SELECT before_state, after_state FROM audit_log WHERE action = 'candidacy.photo' ORDER BY seq",
        )
        .fetch_all(pool)
        .await
    })
    .expect("audit");
    assert_eq!(
        audited.len(),
        4,
        "every change, and only the changes, audited"
    );
    let last_marie = audited[1].1.as_deref().unwrap_or_default();
    assert!(last_marie.contains(&photo(2).digest), "{last_marie}");
    assert!(audited[3].1.as_deref().unwrap_or_default().contains("null"));
}
