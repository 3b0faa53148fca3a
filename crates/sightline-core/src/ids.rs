//! Stable identifiers. New ids are made from random bytes that the caller supplies, so this crate
//! never reaches for a random number generator of its own.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Identifies one Learning Review for as long as it exists, in this browser and in every file it
/// travels in. A version 4 (random) UUID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReviewId(Uuid);

impl ReviewId {
    /// Makes a new id from 16 random bytes (from the browser's `crypto.getRandomValues`).
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }

    /// Reads an id from its text form, as found in a page address. `None` if it is not an id.
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::try_parse(text).ok().map(Self)
    }
}

impl fmt::Display for ReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.hyphenated())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_4_uuids_that_survive_their_text_form() {
        let id = ReviewId::from_random_bytes([7; 16]);
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(&text[14..15], "4", "the version nibble says random");
        assert_eq!(ReviewId::parse(&text), Some(id));
    }

    #[test]
    fn different_bytes_make_different_ids() {
        assert_ne!(
            ReviewId::from_random_bytes([1; 16]),
            ReviewId::from_random_bytes([2; 16])
        );
    }

    #[test]
    fn text_that_is_not_an_id_is_refused() {
        assert_eq!(ReviewId::parse("new"), None);
        assert_eq!(ReviewId::parse(""), None);
    }
}
