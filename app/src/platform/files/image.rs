//! Portrait photos (a candidate's today). Whatever a phone sends (JPEG, PNG or WebP, any size, rotated by its
//! EXIF tag) becomes one small square JPEG: decoded with limits, turned upright, cropped to
//! the centre, shrunk to `SIDE` pixels and re-encoded. Re-encoding keeps only pixels, so
//! every metadata block (GPS position, camera serial, capture time) is gone — for people
//! who fled somewhere, where a photo was taken is not a detail. (Server only.)

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::platform::files::FileDigest;
use crate::platform::files::sniff::{FileKind, sniff};

/// The stored photo's width and height: sharp at 80 CSS px on a 2× screen, a few KB.
pub const SIDE: u32 = 240;
/// The largest upload accepted (phone cameras write 2–8 MB).
pub const MAX_UPLOAD_BYTES: usize = 12 * 1024 * 1024;
/// Smaller photos would be blurred faces.
pub const MIN_SIDE: u32 = 96;
const MAX_SIDE: u32 = 12_000;
/// 24 megapixels (phones write 12): decoding allocates about 4 bytes a pixel, so this
/// bounds the memory one decode may take, whatever the file claims.
const MAX_PIXELS: u64 = 24_000_000;
const JPEG_QUALITY: u8 = 82;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("the file is larger than the upload limit")]
    TooLarge,
    #[error("the file is not a JPEG, PNG or WebP picture we can read")]
    Unreadable,
    #[error("the picture is smaller than {MIN_SIDE} pixels on a side")]
    TooSmall,
}

/// A photo ready to store: JPEG bytes and the SHA-256 that names this version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub jpeg: Vec<u8>,
    pub digest: FileDigest,
}

/// Turns an upload into the stored photo. CPU-bound (tens of milliseconds for a phone
/// photo in release builds): call it off the async runtime.
pub fn normalize(upload: &[u8]) -> Result<Photo, PhotoError> {
    if upload.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let mut picture = decode_upright(upload)?;
    let (width, height) = (picture.width(), picture.height());
    if width.min(height) < MIN_SIDE {
        return Err(PhotoError::TooSmall);
    }
    let side = width.min(height);
    picture = picture.crop_imm((width - side) / 2, (height - side) / 2, side, side);
    let square = picture
        .resize_exact(SIDE, SIDE, image::imageops::FilterType::Lanczos3)
        .into_rgb8();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&square)
        .map_err(|_| PhotoError::Unreadable)?;
    let digest = FileDigest::of(&jpeg);
    Ok(Photo { jpeg, digest })
}

/// Decoding a picture takes memory in proportion to its pixels; at most this many decode
/// at once (the rest wait their turn).
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// [`normalize`] off the async runtime, a bounded number at once. `None` when the worker
/// could not run (the runtime is shutting down).
pub async fn normalize_in_turn(upload: Vec<u8>) -> Option<Result<Photo, PhotoError>> {
    let _turn = DECODING.acquire().await.ok()?;
    tokio::task::spawn_blocking(move || normalize(&upload))
        .await
        .inspect_err(|error| tracing::error!(%error, "photo worker failed"))
        .ok()
}

/// Decodes a JPEG, PNG or WebP (judged by content, never by a file name) within size
/// limits, and applies its orientation tag.
fn decode_upright(upload: &[u8]) -> Result<DynamicImage, PhotoError> {
    if !sniff(upload).is_some_and(FileKind::is_picture) {
        return Err(PhotoError::Unreadable);
    }
    let mut reader = ImageReader::new(Cursor::new(upload))
        .with_guessed_format()
        .map_err(|_| PhotoError::Unreadable)?;
    if !matches!(
        reader.format(),
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err(PhotoError::Unreadable);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4 + 16 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| PhotoError::Unreadable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooLarge);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| PhotoError::Unreadable)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
        // Left half red, right half blue: shows where the crop went.
        let picture = RgbImage::from_fn(width, height, |x, _| {
            if x < width / 2 {
                Rgb([220, 20, 20])
            } else {
                Rgb([20, 20, 220])
            }
        });
        let mut bytes = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(picture)
            .write_to(&mut bytes, format)
            .expect("encodes");
        bytes.into_inner()
    }

    fn decoded(photo: &Photo) -> RgbImage {
        image::load_from_memory_with_format(&photo.jpeg, ImageFormat::Jpeg)
            .expect("a JPEG")
            .into_rgb8()
    }

    #[test]
    fn any_accepted_format_becomes_a_centred_square_jpeg() {
        for format in [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP] {
            let photo = normalize(&encoded(800, 300, format)).expect("accepted");
            assert!(photo.jpeg.starts_with(&[0xFF, 0xD8]), "{format:?} → JPEG");
            let square = decoded(&photo);
            assert_eq!(square.dimensions(), (SIDE, SIDE));
            // The centre crop of a red|blue picture is still red on the left, blue on the right.
            let left = square.get_pixel(10, SIDE / 2);
            let right = square.get_pixel(SIDE - 10, SIDE / 2);
            assert!(left[0] > 150 && left[2] < 100, "{format:?}: {left:?}");
            assert!(right[2] > 150 && right[0] < 100, "{format:?}: {right:?}");
            assert_eq!(photo.digest, FileDigest::of(&photo.jpeg));
        }
    }

    #[test]
    fn metadata_does_not_survive() {
        // A JPEG carrying an EXIF block with a GPS marker and a comment, right after SOI.
        let clean = encoded(300, 300, ImageFormat::Jpeg);
        let exif = b"Exif\0\0GPSLatitude -23.5505 GPSLongitude -46.6333 SerialNumber 12345";
        let mut tagged = clean[..2].to_vec();
        tagged.extend_from_slice(&[0xFF, 0xE1]);
        tagged.extend_from_slice(&u16::try_from(exif.len() + 2).expect("short").to_be_bytes());
        tagged.extend_from_slice(exif);
        tagged.extend_from_slice(&clean[2..]);
        let photo = normalize(&tagged).expect("still a JPEG");
        let text = String::from_utf8_lossy(&photo.jpeg);
        for leak in ["Exif", "GPS", "-23.55", "SerialNumber"] {
            assert!(!text.contains(leak), "{leak} survived");
        }
    }

    #[test]
    fn what_is_not_a_readable_picture_is_refused() {
        assert_eq!(
            normalize(b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            Err(PhotoError::Unreadable)
        );
        assert_eq!(normalize(b""), Err(PhotoError::Unreadable));
        let gif = encoded_gif();
        assert_eq!(
            normalize(&gif),
            Err(PhotoError::Unreadable),
            "GIF is not accepted"
        );
        let mut truncated = encoded(300, 300, ImageFormat::Png);
        truncated.truncate(truncated.len() / 2);
        assert_eq!(normalize(&truncated), Err(PhotoError::Unreadable));
    }

    #[test]
    fn tiny_and_huge_are_refused() {
        assert_eq!(
            normalize(&encoded(MIN_SIDE - 1, 400, ImageFormat::Png)),
            Err(PhotoError::TooSmall)
        );
        assert_eq!(
            normalize(&vec![0u8; MAX_UPLOAD_BYTES + 1]),
            Err(PhotoError::TooLarge)
        );
        // A PNG header announcing 20,000 × 20,000 pixels is refused before any allocation.
        let mut bomb = encoded(200, 200, ImageFormat::Png);
        bomb[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        let crc = crc32(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(normalize(&bomb), Err(PhotoError::Unreadable));
    }

    /// PNG's chunk checksum, so the forged header above is a valid one.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn encoded_gif() -> Vec<u8> {
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
            .to_vec()
    }
}
