//! Enums stored as text: one declaration gives the list of values in their order (`ALL`),
//! the code of each (`code`), the way back (`from_code`), and, on the server, reading and
//! binding them in SQL as that text. Where an enum also derives serde, its codes are its
//! serde names (snake_case), so JSON, URLs, database rows and audit entries all say the
//! same word; audit actions (`station.mark`) are codes only.

/// What `text_codes!` gives an enum, for code generic over such enums (a process's phases
/// in `platform::timeline`).
pub trait Coded: Copy + Eq + 'static {
    /// Every value, in declaration order.
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

/// `text_codes!(Enum { Variant => "code", … })` for an enum declared beside it.
macro_rules! text_codes {
    ($name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $crate::platform::codes::Coded for $name {
            fn all() -> &'static [Self] {
                &Self::ALL
            }

            fn code(self) -> &'static str {
                $name::code(self)
            }

            fn from_code(code: &str) -> Option<Self> {
                $name::from_code(code)
            }
        }

        impl $name {
            /// Every value, in declaration order (the order lists show them in).
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        #[cfg(feature = "ssr")]
        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            str: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as sqlx::Type<DB>>::compatible(ty)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $name
        where
            &'q str: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let code: &'q str = self.code();
                <&'q str as sqlx::Encode<'q, DB>>::encode_by_ref(&code, buf)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(
                value: <DB as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                Self::from_code(text).ok_or_else(|| {
                    format!("unknown {} {text:?}", stringify!($name)).into()
                })
            }
        }
    };
}

pub(crate) use text_codes;

/// An address part (an edition's, a call's, a category's code): 1–40 lowercase ASCII letters, digits and inner dashes.
pub fn is_slug(text: &str) -> bool {
    (1..=40).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Sample {
        First,
        SecondOne,
    }
    text_codes!(Sample {
        First => "first",
        SecondOne => "second_one",
    });

    #[test]
    fn codes_round_trip_and_match_serde() {
        assert_eq!(Sample::ALL, [Sample::First, Sample::SecondOne]);
        for value in Sample::ALL {
            assert_eq!(Sample::from_code(value.code()), Some(value));
            assert_eq!(
                serde_json::to_value(value).expect("json"),
                serde_json::json!(value.code())
            );
        }
        assert_eq!(Sample::from_code("second one"), None);
    }
}
