//! `ImageRef::parse` never panics; a parsed reference's canonical form re-parses to the same
//! canonical form, and its pinned spellings parse as pinned references of the same repository.
#![no_main]

use kubectl_verify::reference::{Digest, ImageRef};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = Digest::parse(s) {
        let again = Digest::parse(d.as_str()).expect("a digest's own spelling re-parses");
        assert_eq!(again, d);
    }
    let Ok(r) = ImageRef::parse(s) else {
        return;
    };
    let canonical = r.canonical();
    let again = ImageRef::parse(&canonical)
        .unwrap_or_else(|e| panic!("canonical {canonical:?} of {s:?} does not re-parse: {e}"));
    assert_eq!(
        again.canonical(),
        canonical,
        "canonical of {s:?} is not stable"
    );
    assert_eq!(again.canonical_repository(), r.canonical_repository());
    let digest = Digest::of(b"fuzz");
    for keep_tag in [false, true] {
        let pinned = r.pinned(&digest, keep_tag);
        let p = ImageRef::parse(&pinned)
            .unwrap_or_else(|e| panic!("pinned {pinned:?} of {s:?} does not parse: {e}"));
        assert!(p.is_pinned());
        assert_eq!(p.digest(), Some(&digest));
        assert_eq!(p.canonical_repository(), r.canonical_repository());
    }
});
