//! A new installation without demo data: `voz org create`, then `voz admin invite`.

mod support;

use support::voz;

#[test]
fn an_organization_is_created_then_its_first_administrator_invited() {
    let dir = tempfile::tempdir().expect("tmp");
    let made = voz(
        dir.path(),
        &[
            "org",
            "create",
            "conselho-x",
            "--name",
            "Conselho X",
            "--locale",
            "es",
            "--time-zone",
            "America/Bogota",
            "--min-age",
            "18",
            "--documents",
            "passport,safe_conduct",
            "--districts",
            "Norte,Sur",
        ],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&made.stdout).trim(), "conselho-x");

    let invite = voz(
        dir.path(),
        &[
            "admin",
            "invite",
            "--org",
            "conselho-x",
            "--public-url",
            "https://voz.example.org",
        ],
    );
    assert!(
        invite.status.success(),
        "{}",
        String::from_utf8_lossy(&invite.stderr)
    );
    let link = String::from_utf8_lossy(&invite.stdout);
    assert!(
        link.trim()
            .starts_with("https://voz.example.org/es/enroll/"),
        "{link}"
    );

    // The same slug twice, and bad values, are refused with a message and store nothing.
    let again = voz(dir.path(), &["org", "create", "conselho-x", "--name", "Y"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    for (args, says) in [
        (vec!["org", "create", "Bad Slug", "--name", "Z"], "slug"),
        (
            vec!["org", "create", "z-org", "--name", "Z", "--locale", "de"],
            "--locale",
        ),
        (
            vec![
                "org",
                "create",
                "z-org",
                "--name",
                "Z",
                "--time-zone",
                "Mars/Base",
            ],
            "--time-zone",
        ),
        (
            vec![
                "org",
                "create",
                "z-org",
                "--name",
                "Z",
                "--documents",
                "library_card",
            ],
            "--documents",
        ),
        (vec!["org", "create", "z-org", "--name", " "], "--name"),
    ] {
        let refused = voz(dir.path(), &args);
        assert!(!refused.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains(says),
            "{args:?}"
        );
    }
    let none = voz(dir.path(), &["admin", "invite", "--org", "z-org"]);
    assert!(
        !none.status.success(),
        "nothing was stored for the refused ones"
    );
}
