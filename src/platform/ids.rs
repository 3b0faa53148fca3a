//! New ids from the browser's cryptographic random numbers.

use sightline_core::{IdSource, ReviewId};

/// A new review id, random from `crypto.getRandomValues`.
pub fn new_review_id() -> ReviewId {
    BrowserIds.review_id()
}

/// A new record id, random from `crypto.getRandomValues`.
pub fn new_record_id() -> sightline_core::RecordId {
    BrowserIds.record_id()
}

/// The browser's random numbers as the core's [`IdSource`], for core functions that make ids
/// (an import, a copied template).
pub struct BrowserIds;

impl IdSource for BrowserIds {
    fn random_bytes(&mut self) -> [u8; 16] {
        let mut bytes = [0u8; 16];
        web_sys::window()
            .and_then(|window| window.crypto().ok())
            .expect("every browser that runs WebAssembly has crypto.getRandomValues")
            .get_random_values_with_u8_array(&mut bytes)
            .expect("16 bytes is within getRandomValues' limit");
        bytes
    }
}
