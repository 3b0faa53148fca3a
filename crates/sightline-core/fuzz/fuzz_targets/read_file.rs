//! Every file reader must return a result, never panic, whatever the bytes.
//! See docs/FILE-FORMAT.md ("Fuzzing") for how to run it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sightline_core::format::pack::{read_contribution, read_pack};
use sightline_core::format::{read_backup, read_envelope, read_review_file};
use sightline_core::ids::SeededIds;

fuzz_target!(|data: &[u8]| {
    let _ = read_envelope(data);
    let _ = read_review_file(data, &mut SeededIds::new(1));
    let _ = read_backup(data, &mut SeededIds::new(1));
    let _ = read_pack(data);
    let _ = read_contribution(data);
});
