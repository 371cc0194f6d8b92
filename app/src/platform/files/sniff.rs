//! What a file is, from its first bytes. A name (`cv.pdf`) or a `Content-Type` is what the
//! sender says; these signatures are what the bytes are. Whether the file is then readable
//! as that kind is for its reader to check (a picture decodes, a PDF parses).

/// The kinds of file Voz accepts anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Jpeg,
    Png,
    WebP,
    Pdf,
}

crate::platform::codes::text_codes!(FileKind {
    Jpeg => "jpeg",
    Png => "png",
    WebP => "webp",
    Pdf => "pdf",
});

impl FileKind {
    /// The media type served with it.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::WebP => "image/webp",
            Self::Pdf => "application/pdf",
        }
    }

    pub fn is_picture(self) -> bool {
        self != Self::Pdf
    }
}

/// The kind `bytes` begin as, if any accepted one.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some(FileKind::Jpeg),
        [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n', ..] => Some(FileKind::Png),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some(FileKind::WebP),
        [b'%', b'P', b'D', b'F', b'-', ..] => Some(FileKind::Pdf),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_not_names_decide() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some(FileKind::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(FileKind::Png));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(FileKind::WebP));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(FileKind::Pdf));
        for other in [
            &b""[..],
            b"GIF89a",
            b"<html>",
            b"PK\x03\x04",
            b"RIFF\x10\0\0\0WAVE",
            b"\xFF\xD8",
            b"MZ\x90\0",
        ] {
            assert_eq!(sniff(other), None, "{other:?}");
        }
    }

    #[test]
    fn media_types_match_kinds() {
        for kind in FileKind::ALL {
            assert_eq!(kind.media_type() == "application/pdf", !kind.is_picture());
            assert_eq!(FileKind::from_code(kind.code()), Some(kind));
        }
    }
}
