//! Candidate photos: set, replaced and removed by the candidate while candidacies are
//! open, never after; each change audited with the photo's digest.

use voz_app::accounts::types::AccountId;
use voz_app::db::Db;
use voz_app::elections::calendar::rules::Phase;
use voz_app::elections::candidacy::CandidacyError;
use voz_app::elections::election::store::{ElectionError, ElectionId};
use voz_app::platform::files::FileDigest;
use voz_app::platform::files::store::FileStore;

use crate::candidacies::{file, form, setup, to_phase};
use crate::store_tests;
use voz_app::elections::photo::store as photo_store;

store_tests!(
    photos_while_candidacies_are_open,
    photos_kept_in_the_database_move_to_the_file_store
);

const NOW: i64 = 1_790_000_000_000;

fn jpeg(byte: u8) -> Vec<u8> {
    vec![0xFF, 0xD8, 0xFF, byte, 0xFF, 0xD9]
}

fn photo(byte: u8) -> FileDigest {
    FileDigest::of(&jpeg(byte))
}

async fn set(
    db: &Db,
    election: ElectionId,
    account: AccountId,
    photo: Option<&FileDigest>,
) -> Result<(), ElectionError> {
    let mut tx = db.begin_write().await.expect("begin");
    let out = photo_store::set_candidacy_photo(&mut tx, election, account, photo, NOW).await;
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

    let stored = photo_store::candidacy_photo(db, election, marie)
        .await
        .expect("read")
        .expect("Marie has one");
    assert_eq!(stored.digest, photo(2), "the replacement, not the first");
    assert_eq!(stored.owner, people[0]);
    assert!(
        photo_store::candidacy_photo(db, election, ali)
            .await
            .expect("read")
            .is_none()
    );
    assert_eq!(
        photo_store::photo_digests(db, election)
            .await
            .expect("digests"),
        vec![(marie, photo(2).to_string())]
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
    let unchanged = photo_store::candidacy_photo(db, election, marie)
        .await
        .expect("read");
    assert_eq!(unchanged.map(|p| p.digest), Some(photo(2)));

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
    assert!(last_marie.contains(photo(2).as_str()), "{last_marie}");
    assert!(audited[3].1.as_deref().unwrap_or_default().contains("null"));
}

/// Rows written before the file store held their bytes in `jpeg`: the server moves each
/// into the store (checked against its digest), clears the column, and serves the same
/// photo; running the move again finds nothing left.
async fn photos_kept_in_the_database_move_to_the_file_store(db: &Db) {
    let (election, people) = setup(db, 2).await;
    let marie = file(db, election, people[0], &form("C", "Marie Joseph", "woman")).await;
    let ali = file(db, election, people[1], &form("C", "Ali Hassan", "man")).await;
    for (candidacy, byte) in [(marie, 7), (ali, 8)] {
        voz_app::on_db!(db, |pool| {
            sqlx::query(
                "INSERT INTO candidacy_photos (candidacy_id, digest, jpeg) VALUES ($1, $2, $3)",
            )
            .bind(candidacy)
            .bind(photo(byte).as_str())
            .bind(jpeg(byte))
            .execute(pool)
            .await
            .map(|_| ())
        })
        .expect("a photo as earlier versions stored it");
    }
    let files = FileStore::memory();
    assert_eq!(
        photo_store::move_photos_to(db, &files).await.expect("move"),
        2
    );
    assert_eq!(
        photo_store::move_photos_to(db, &files)
            .await
            .expect("again"),
        0
    );
    for (candidacy, byte) in [(marie, 7), (ali, 8)] {
        let stored = photo_store::candidacy_photo(db, election, candidacy)
            .await
            .expect("read")
            .expect("still there");
        assert_eq!(stored.digest, photo(byte));
        let bytes = files
            .get(&stored.digest)
            .await
            .expect("get")
            .expect("moved");
        assert_eq!(&bytes[..], &jpeg(byte)[..]);
    }
    let left: (i64,) = voz_app::on_db!(db, |pool| {
        sqlx::query_as("SELECT COUNT(*) FROM candidacy_photos WHERE jpeg IS NOT NULL")
            .fetch_one(pool)
            .await
    })
    .expect("count");
    assert_eq!(left.0, 0, "no photo bytes left in the database");
}
