//! The pin rewriter: every resolvable image is pinned to one fixed digest and the patches are
//! spliced. Properties: the output differs from the input only inside image spans; re-reading
//! it finds the same documents and image sites, each pinned site holding its new reference and
//! every other site its old value.
#![no_main]

use std::collections::HashMap;

use kubectl_verify::manifest::{self, Source};
use kubectl_verify::pin::{FilePlan, splice};
use kubectl_verify::reference::Digest;
use libfuzzer_sys::fuzz_target;

fn run(data: &[u8], keep_tag: bool) {
    let Ok(text) = manifest::decode(data) else {
        return;
    };
    let Ok(Source::Manifest(m)) = manifest::load(text) else {
        return;
    };
    let Ok(sites) = m.images() else {
        return;
    };
    let plan = FilePlan::new(sites.clone());
    let digest = Digest::of(b"fuzz");
    let resolved: HashMap<String, Result<Digest, String>> = plan
        .lookups()
        .into_iter()
        .map(|r| (r.canonical(), Ok(digest.clone())))
        .collect();
    let result = plan.finish(&resolved, keep_tag);
    if !result.problems.is_empty() {
        assert!(result.patches.is_empty());
        return;
    }
    let out = splice(data, &result.patches).expect("patches from the plan apply");

    // Only bytes inside image spans change.
    let mut patches = result.patches.clone();
    patches.sort_by_key(|p| p.range.start);
    let (mut at_in, mut at_out) = (0, 0);
    for p in &patches {
        assert!(
            sites.iter().any(|s| s.span == p.range),
            "patch outside an image span"
        );
        let same = p.range.start - at_in;
        assert_eq!(data[at_in..p.range.start], out[at_out..at_out + same]);
        at_out += same + p.replacement.len();
        at_in = p.range.end;
    }
    assert_eq!(data[at_in..], out[at_out..]);

    // Re-reading finds the same documents and sites.
    let text2 = std::str::from_utf8(&out).expect("output is UTF-8");
    let m2 = match manifest::load(text2) {
        Ok(Source::Manifest(m2)) => m2,
        Ok(Source::Templated { at }) => panic!("output reads as a template at {at}"),
        Err(e) => panic!("output does not parse: {e}\n{text2}"),
    };
    assert_eq!(m2.documents(), m.documents());
    let sites2 = m2
        .images()
        .unwrap_or_else(|e| panic!("images of the output: {e}\n{text2}"));
    assert_eq!(
        sites2.len(),
        sites.len(),
        "image sites in\n{text}\nand\n{text2}"
    );
    for (before, after) in sites.iter().zip(&sites2) {
        assert_eq!(before.path, after.path);
        assert_eq!(before.document, after.document);
        match result.patches.iter().find(|p| p.range == before.span) {
            // The replacement is the new reference, in the quotes the old one had.
            Some(p) => {
                let to = p.replacement.trim_matches(['\'', '"']);
                assert_eq!(after.value.as_deref(), Some(to), "pinned site in\n{text2}");
            }
            None => assert_eq!(after.value, before.value, "unpinned site in\n{text2}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    run(data, false);
    run(data, true);
});
