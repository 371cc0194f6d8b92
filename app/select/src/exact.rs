//! Exact scores: fractions of big integers, rounded only when reported.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed as _, ToPrimitive as _, Zero as _};

/// A score as an exact fraction.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Exact(pub BigRational);

impl Exact {
    pub fn whole(n: i64) -> Self {
        Self(BigRational::from_integer(BigInt::from(n)))
    }

    pub fn ratio(numerator: BigInt, denominator: BigInt) -> Self {
        if denominator.is_zero() {
            Self::whole(0)
        } else {
            Self(BigRational::new(numerator, denominator))
        }
    }

    /// The exact value of a decimal number as people write it (`62.5` is 125/2, not the
    /// nearest binary fraction): the shortest decimal that reads back as `value`.
    /// `None` for a negative, infinite or NaN value.
    pub fn from_decimal(value: f64) -> Option<Self> {
        if !value.is_finite() || value < 0.0 {
            return None;
        }
        // `Display` of an f64 is that shortest decimal, never in exponent form.
        let text = value.to_string();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let digits: BigInt = format!("{whole}{fraction}").parse().ok()?;
        let scale = BigInt::from(10u8).pow(u32::try_from(fraction.len()).ok()?);
        Some(Self::ratio(digits, scale))
    }

    pub fn times(&self, other: &Exact) -> Exact {
        Exact(&self.0 * &other.0)
    }

    /// Hundredths, rounded half up (scores are never negative).
    pub fn hundredths(&self) -> BigInt {
        let scaled = &self.0 * BigRational::from_integer(BigInt::from(100));
        let half = BigRational::new(BigInt::from(1), BigInt::from(2));
        let rounded = (scaled + half).floor().to_integer();
        if rounded.is_negative() {
            BigInt::zero()
        } else {
            rounded
        }
    }

    /// Rounded half up to 2 decimals, as the report prints it.
    pub fn rounded(&self) -> f64 {
        // Scores are at most 100, so their hundredths fit any float exactly.
        self.hundredths().to_f64().unwrap_or(f64::NAN) / 100.0
    }
}

impl std::ops::Add for Exact {
    type Output = Exact;

    fn add(self, other: Exact) -> Exact {
        Exact(self.0 + other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_as_written() {
        assert_eq!(
            Exact::from_decimal(62.5),
            Some(Exact::ratio(125.into(), 2.into()))
        );
        assert_eq!(
            Exact::from_decimal(0.1),
            Some(Exact::ratio(1.into(), 10.into()))
        );
        assert_eq!(Exact::from_decimal(70.0), Some(Exact::whole(70)));
        assert_eq!(Exact::from_decimal(-1.0), None);
        assert_eq!(Exact::from_decimal(f64::NAN), None);
    }

    #[test]
    fn rounding_is_half_up() {
        let r = |n: i64, d: i64| Exact::ratio(n.into(), d.into()).rounded();
        assert_eq!(r(1, 200), 0.01); // 0.005 → 0.01
        assert_eq!(r(1, 300), 0.0); // 0.00333… → 0.00
        assert_eq!(r(200, 3), 66.67);
        assert_eq!(r(7465, 100), 74.65);
        assert_eq!(r(100, 1), 100.0);
    }
}
