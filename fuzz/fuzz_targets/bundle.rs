//! Sigstore bundle parsing never panics, and neither do the certificate helpers on a parsed
//! bundle.
#![no_main]

use kubectl_verify::verify::sigstore::{
    ContentKind, certificate_info, parse_bundle, signing_certificate,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(bundle) = parse_bundle(json) {
        let _ = ContentKind::of(&bundle);
        if let Some(cert) = signing_certificate(&bundle) {
            let _ = certificate_info(cert);
        }
    }
});
