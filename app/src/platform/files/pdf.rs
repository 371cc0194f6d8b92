//! Whether a PDF may be accepted: it parses, has pages, is not encrypted (we could not
//! look inside), and nothing in it runs or hides another file — no JavaScript, no launch,
//! submit or import action, no embedded file, no rich media, no XFA form. Names are read
//! decoded (`/J#61vaScript` is `/JavaScript`), compressed object streams included.

use lopdf::{Document, Object};

/// Why a PDF is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PdfProblem {
    #[error("not a readable PDF")]
    Unreadable,
    #[error("encrypted")]
    Encrypted,
    #[error("carries {0}")]
    Active(&'static str),
}

/// Dictionary keys that hold something active or a hidden file.
const ACTIVE_KEYS: [(&[u8], &str); 6] = [
    (b"JS", "JavaScript"),
    (b"JavaScript", "JavaScript"),
    (b"EmbeddedFiles", "an embedded file"),
    (b"EmbeddedFile", "an embedded file"),
    (b"RichMedia", "rich media"),
    (b"XFA", "an XFA form"),
];

/// Action and object types (`/S /Launch`, `/Type /Filespec` with contents) that run
/// something or carry a file.
const ACTIVE_TYPES: [(&[u8], &str); 7] = [
    (b"JavaScript", "JavaScript"),
    (b"Launch", "a launch action"),
    (b"SubmitForm", "a form submission"),
    (b"ImportData", "a data import"),
    (b"GoToE", "an embedded document"),
    (b"EmbeddedFile", "an embedded file"),
    (b"RichMedia", "rich media"),
];

/// Checks `bytes` (already sniffed as `%PDF-`).
pub fn check_pdf(bytes: &[u8]) -> Result<(), PdfProblem> {
    let document = Document::load_mem(bytes).map_err(|_| PdfProblem::Unreadable)?;
    if document.trailer.has(b"Encrypt") || document.is_encrypted() {
        return Err(PdfProblem::Encrypted);
    }
    if document.get_pages().is_empty() {
        return Err(PdfProblem::Unreadable);
    }
    document.trailer.iter().try_for_each(|(_, o)| walk(o, 0))?;
    document.objects.values().try_for_each(|o| walk(o, 0))
}

fn walk(object: &Object, depth: u8) -> Result<(), PdfProblem> {
    // Objects nest only through references beyond a few levels; a deeper direct nesting
    // is a hostile file.
    if depth > 64 {
        return Err(PdfProblem::Unreadable);
    }
    let dictionary = match object {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        Object::Array(items) => return items.iter().try_for_each(|o| walk(o, depth + 1)),
        _ => return Ok(()),
    };
    for (key, value) in dictionary.iter() {
        if let Some((_, what)) = ACTIVE_KEYS.iter().find(|(k, _)| *k == key.as_slice()) {
            return Err(PdfProblem::Active(what));
        }
        if matches!(key.as_slice(), b"S" | b"Type" | b"Subtype")
            && let Object::Name(name) = value
            && let Some((_, what)) = ACTIVE_TYPES.iter().find(|(t, _)| *t == name.as_slice())
        {
            return Err(PdfProblem::Active(what));
        }
        walk(value, depth + 1)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream, dictionary};

    /// A one-page PDF; `extra` is added to its catalog.
    fn pdf(extra: Option<(&str, Object)>) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let content = doc.add_object(Stream::new(Dictionary::new(), b"BT ET".to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page.into()],
                "Count" => 1,
            }),
        );
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
        if let Some((key, value)) = extra {
            catalog.set(key, value);
        }
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("a pdf");
        bytes
    }

    #[test]
    fn a_plain_pdf_passes() {
        assert_eq!(check_pdf(&pdf(None)), Ok(()));
    }

    #[test]
    fn scripts_and_files_are_refused() {
        let js = Object::Dictionary(
            dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") },
        );
        assert_eq!(
            check_pdf(&pdf(Some(("OpenAction", js)))),
            Err(PdfProblem::Active("JavaScript"))
        );
        let launch = Object::Dictionary(
            dictionary! { "S" => "Launch", "F" => Object::string_literal("calc.exe") },
        );
        assert_eq!(
            check_pdf(&pdf(Some(("OpenAction", launch)))),
            Err(PdfProblem::Active("a launch action"))
        );
        let names = Object::Dictionary(dictionary! { "EmbeddedFiles" => Dictionary::new() });
        assert_eq!(
            check_pdf(&pdf(Some(("Names", names)))),
            Err(PdfProblem::Active("an embedded file"))
        );
    }

    #[test]
    fn what_does_not_parse_is_refused() {
        assert_eq!(
            check_pdf(b"%PDF-1.7\nnot really"),
            Err(PdfProblem::Unreadable)
        );
        let mut cut = pdf(None);
        cut.truncate(cut.len() / 3);
        assert!(check_pdf(&cut).is_err());
    }
}
