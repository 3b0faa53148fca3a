//! New ids from the browser's cryptographic random numbers.

use sightline_core::{IdSource, ReviewId};

/// A new review id, random from `crypto.getRandomValues`.
pub fn new_review_id() -> ReviewId {
    BrowserIds.review_id()
}

/// A new record id: time-ordered, so records are read back in the order they were made.
pub fn new_record_id() -> sightline_core::RecordId {
    BrowserIds.record_id()
}

/// The browser's random numbers as the core's [`IdSource`], for core functions that make ids
/// (an import, a copied template). Its record ids are time-ordered.
pub struct BrowserIds;

thread_local! {
    /// The millisecond and sequence of the last record id, so ids made in one millisecond
    /// (5,000 events imported at once) still sort in the order they were made.
    static LAST_ID_TIME: std::cell::Cell<(u64, u16)> = const { std::cell::Cell::new((0, 0)) };
}

impl IdSource for BrowserIds {
    fn record_id(&mut self) -> sightline_core::RecordId {
        let now = js_sys::Date::now() as u64;
        let (millis, sequence) = LAST_ID_TIME.with(|last| {
            let (last_millis, last_sequence) = last.get();
            let next = if now > last_millis {
                (now, 0)
            } else if last_sequence < 0x0FFF {
                (last_millis, last_sequence + 1)
            } else {
                // More than 4,096 ids in a millisecond: borrow the next millisecond.
                (last_millis + 1, 0)
            };
            last.set(next);
            next
        });
        sightline_core::RecordId::time_ordered(millis, sequence, self.random_bytes())
    }

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

/// 16 random bytes from `crypto.getRandomValues`, for salts.
pub fn random_bytes() -> [u8; 16] {
    BrowserIds.random_bytes()
}
