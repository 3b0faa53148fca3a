//! New ids from the browser's cryptographic random numbers.

use sightline_core::ReviewId;

/// A new review id, random from `crypto.getRandomValues`.
pub fn new_review_id() -> ReviewId {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .expect("every browser that runs WebAssembly has crypto.getRandomValues");
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .expect("16 bytes is within getRandomValues' limit");
    ReviewId::from_random_bytes(bytes)
}
