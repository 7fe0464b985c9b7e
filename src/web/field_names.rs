//! The names of a struct's fields as serde reads them, taken from its `Deserialize` impl: the
//! response cache keys a request on the query parameters the handlers' query types read, and
//! this keeps that list from drifting away from the types.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// The field names `T` deserializes (empty when `T` is not a struct with named fields).
pub fn of<'de, T: Deserialize<'de>>() -> Vec<&'static str> {
    match T::deserialize(Probe) {
        Err(Found(Some(fields))) => fields.to_vec(),
        _ => Vec::new(),
    }
}

/// A deserializer that answers every request with an error carrying the struct's fields.
struct Probe;

#[derive(Debug)]
struct Found(Option<&'static [&'static str]>);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field name probe")
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Found(None)
    }
}

impl<'de> Deserializer<'de> for Probe {
    type Error = Found;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found(None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        Err(Found(Some(fields)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    #[allow(dead_code, reason = "only the field names are read")]
    struct Q {
        page: u32,
        #[serde(rename = "q")]
        search: String,
    }

    #[test]
    fn names_come_from_the_derive() {
        assert_eq!(super::of::<Q>(), vec!["page", "q"]);
        assert!(super::of::<u32>().is_empty());
    }
}
