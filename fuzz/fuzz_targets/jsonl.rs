//! The JSON Lines reader: any bytes give documents or an error naming a
//! line, never a panic; ids come out unique.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use textkg::input;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = input::decode(Path::new("fuzz.jsonl"), data.to_vec()) else {
        return;
    };
    if let Ok(documents) = input::parse_jsonl("fuzz.jsonl", &text) {
        let mut ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "duplicate ids accepted");
        assert!(input::check_unique_ids(&documents).is_ok());
    }
});
