//! The audit log as staff and observers read it: each entry's change field by field
//! ("status: pending → verified") instead of two JSON documents. Pure; the page adds
//! names and the organization's local time.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One field of an entry's state that changed (or was set, or cleared).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    /// Empty when the field had no value before.
    pub before: String,
    /// Empty when the field has no value after.
    pub after: String,
}

/// The fields that differ between `before` and `after` (JSON objects, either absent), by
/// name (as the stored JSON keeps them); a value that is not an object reads as one field, `value`.
pub fn changes(before: Option<&str>, after: Option<&str>) -> Vec<Change> {
    let fields = |text: Option<&str>| -> Vec<(String, Value)> {
        match text.and_then(|t| serde_json::from_str::<Value>(t).ok()) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Object(map)) => map.into_iter().collect(),
            Some(other) => vec![("value".to_owned(), other)],
        }
    };
    let (before, after) = (fields(before), fields(after));
    let mut names: Vec<&String> = before.iter().map(|(k, _)| k).collect();
    for (name, _) in &after {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let value_of = |list: &[(String, Value)], name: &str| {
        list.iter()
            .find(|(k, _)| k == name)
            .map_or_else(String::new, |(_, v)| plain(v))
    };
    names
        .into_iter()
        .map(|name| Change {
            field: name.clone(),
            before: value_of(&before, name),
            after: value_of(&after, name),
        })
        .filter(|change| change.before != change.after)
        .collect()
}

/// A JSON value as a person reads it: text without quotes, lists joined by commas,
/// nothing for null.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(field: &str, before: &str, after: &str) -> Change {
        Change {
            field: field.into(),
            before: before.into(),
            after: after.into(),
        }
    }

    #[test]
    fn a_decision_reads_field_by_field() {
        assert_eq!(
            changes(
                Some(r#"{"status":"pending","reason":null}"#),
                Some(r#"{"status":"rejected","reason":"Document illegible"}"#)
            ),
            [
                change("reason", "", "Document illegible"),
                change("status", "pending", "rejected")
            ]
        );
    }

    #[test]
    fn unchanged_fields_are_left_out_and_new_ones_listed() {
        assert_eq!(
            changes(
                Some(r#"{"a":1,"b":[1,2]}"#),
                Some(r#"{"a":1,"b":[1,2],"c":true}"#)
            ),
            [change("c", "", "true")]
        );
        assert_eq!(
            changes(None, Some(r#""text""#)),
            [change("value", "", "text")]
        );
        assert_eq!(changes(None, None), []);
        assert_eq!(changes(Some("not json"), None), []);
    }
}
