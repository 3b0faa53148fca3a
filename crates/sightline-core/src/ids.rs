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

/// Identifies one record inside a review (a person, an event, a response…) for as long as it
/// exists, in every copy of the review. A version 4 (random) UUID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordId(Uuid);

impl RecordId {
    /// Makes a new id from 16 random bytes.
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }

    /// Reads an id from its text form. `None` if it is not an id.
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::try_parse(text).ok().map(Self)
    }

    /// A fixed id, for records that ship with the app (the built-in reflection templates).
    pub const fn fixed(value: u128) -> Self {
        Self(Uuid::from_u128(value))
    }

    /// A new id whose text sorts in the order ids were made (a version 7 UUID): the time in
    /// milliseconds, then `sequence` for ids made in the same millisecond, then random bits.
    /// Stored records are read back in key order, so records come back in the order they were
    /// created, and events with the same date keep the order they were entered in.
    pub fn time_ordered(unix_millis: u64, sequence: u16, random: [u8; 16]) -> Self {
        let mut bytes = random;
        bytes[..6].copy_from_slice(&unix_millis.to_be_bytes()[2..]);
        // Version 7 in the top four bits, then twelve bits of sequence.
        let sequence = sequence & 0x0FFF;
        bytes[6] = 0x70 | (sequence >> 8) as u8;
        bytes[7] = (sequence & 0xFF) as u8;
        // The RFC 4122 variant.
        bytes[8] = (bytes[8] & 0x3F) | 0x80;
        Self(Uuid::from_bytes(bytes))
    }

    /// The id as a number, to derive fixed ids from one another.
    pub const fn as_u128(self) -> u128 {
        self.0.as_u128()
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.hyphenated())
    }
}

/// Where new ids come from. The app draws them from the browser's cryptographic random
/// numbers; tests and the large-review generator use [`SeededIds`] so runs repeat exactly.
pub trait IdSource {
    /// 16 fresh random bytes.
    fn random_bytes(&mut self) -> [u8; 16];

    /// A new record id.
    fn record_id(&mut self) -> RecordId {
        RecordId::from_random_bytes(self.random_bytes())
    }

    /// A new review id.
    fn review_id(&mut self) -> ReviewId {
        ReviewId::from_random_bytes(self.random_bytes())
    }

    /// A random number below `bound` (which must not be 0), for choices such as a subject's
    /// code letter.
    fn below(&mut self, bound: u32) -> u32 {
        let bytes = self.random_bytes();
        u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) % bound
    }
}

/// A repeatable source of ids and random numbers (SplitMix64), for tests and generated data.
/// Never for ids the app gives to real records.
#[derive(Clone, Debug)]
pub struct SeededIds(u64);

impl SeededIds {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl IdSource for SeededIds {
    fn random_bytes(&mut self) -> [u8; 16] {
        let mut bytes = [0; 16];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes
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
    fn time_ordered_ids_sort_by_time_then_sequence_as_text() {
        let a = RecordId::time_ordered(1_764_000_000_000, 0, [0xFF; 16]);
        let b = RecordId::time_ordered(1_764_000_000_000, 1, [0x00; 16]);
        let c = RecordId::time_ordered(1_764_000_000_001, 0, [0x00; 16]);
        assert!(a.to_string() < b.to_string());
        assert!(b.to_string() < c.to_string());
        assert_eq!(&a.to_string()[14..15], "7", "a version 7 UUID");
        assert_eq!(RecordId::parse(&a.to_string()), Some(a));
    }

    #[test]
    fn seeded_ids_repeat_for_a_seed_and_differ_between_seeds() {
        let mut a = SeededIds::new(42);
        let mut b = SeededIds::new(42);
        let mut c = SeededIds::new(43);
        let first = a.record_id();
        assert_eq!(first, b.record_id());
        assert_ne!(first, c.record_id());
        assert_ne!(first, a.record_id());
        assert!(a.below(7) < 7);
    }

    #[test]
    fn text_that_is_not_an_id_is_refused() {
        assert_eq!(ReviewId::parse("new"), None);
        assert_eq!(ReviewId::parse(""), None);
    }
}
