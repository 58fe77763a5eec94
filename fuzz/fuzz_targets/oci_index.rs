//! The JSON/OCI manifest and index parsers never panic on arbitrary bytes: image index children,
//! legacy `.sig` manifest layers (and each layer decoded with the input as its payload), and
//! simple-signing payloads.
#![no_main]

use kubectl_verify::evidence::index_children;
use kubectl_verify::reference::Digest;
use kubectl_verify::verify::legacy::{
    LegacySignature, payload_digest, payload_reference, signature_layers,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(children) = index_children(data) {
        for c in children {
            if let Ok(d) = c.digest {
                assert_eq!(Digest::parse(d.as_str()).ok(), Some(d));
            }
        }
    }
    if let Ok(layers) = signature_layers(data) {
        for layer in &layers {
            if let Ok(sig) = LegacySignature::from_layer(layer, data.to_vec()) {
                let _ = sig.is_keyless();
                let _ = sig.signed_digest();
                let _ = sig.to_bundle();
            }
        }
    }
    let _ = payload_digest(data);
    let _ = payload_reference(data);
});
