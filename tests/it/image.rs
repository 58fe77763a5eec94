//! `kubectl verify image`: signatures found in a real registry, judged with real crypto.

use std::time::Duration;

use sigstore_verify::trust_root::TrustedRoot;
use sigstore_verify::types::Bundle;
use sigstore_verify::{VerificationPolicy, verify};

use crate::support::sigstore::{
    Issuer, LeafOptions, Signer, TestSigstore, TlogOptions, simple_signing_payload,
};

const DIGEST: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const EMAIL: &str = "releaser@example.com";
const GOOGLE: &str = "https://accounts.google.com";

fn legacy_bundle(
    layer: &crate::support::sigstore::LegacyLayer,
) -> (
    kubectl_verify::verify::legacy::LegacySignature,
    Bundle,
) {
    use kubectl_verify::verify::legacy::{LayerDescriptor, LegacySignature};
    let desc = LayerDescriptor {
        media_type: kubectl_verify::verify::legacy::SIMPLESIGNING_MEDIA_TYPE.into(),
        digest: "sha256:layer".into(),
        size: 0,
        annotations: layer.annotations.clone(),
    };
    let sig = LegacySignature::from_layer(&desc, layer.payload.clone()).expect("layer decodes");
    let bundle = sig.to_bundle().expect("bundle builds");
    (sig, bundle)
}

/// The test Sigstore's legacy signatures and v0.3 bundles verify under its own trusted root
/// with sigstore-verify alone: the harness produces what the real verifier accepts.
#[test]
fn test_sigstore_output_verifies_with_sigstore_verify() {
    let s = TestSigstore::new();
    let root = TrustedRoot::from_json(&s.trusted_root_json()).expect("trusted root parses");
    for identity in [
        EMAIL,
        "https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1",
    ] {
        let id = s.keyless(identity, GOOGLE);
        let payload = simple_signing_payload("example.com/app", DIGEST);
        let layer = s.legacy_layer(Signer::Keyless(&id), &payload);
        let (sig, bundle) = legacy_bundle(&layer);
        let policy = VerificationPolicy::new(identity, GOOGLE);
        let r = verify(
            sig.payload.as_slice(),
            &bundle,
            &policy,
            &root,
        );
        assert!(r.is_ok(), "legacy {identity}: {r:?}");

        let bundle = s.bundle_v03(Signer::Keyless(&id), DIGEST);
        let bundle = Bundle::from_json(std::str::from_utf8(&bundle).unwrap()).unwrap();
        let hash = sigstore_verify::types::Sha256Hash::from_hex(&DIGEST[7..]).unwrap();
        let r = verify(hash, &bundle, &policy, &root);
        assert!(r.is_ok(), "bundle {identity}: {r:?}");
    }
}

/// The negative material the harness makes is rejected by sigstore-verify for the intended
/// reason (so the CLI tests exercise what they claim to).
#[test]
fn test_sigstore_negative_material_fails_for_the_intended_reason() {
    let s = TestSigstore::new();
    let root = TrustedRoot::from_json(&s.trusted_root_json()).unwrap();
    let payload = simple_signing_payload("example.com/app", DIGEST);
    let policy = VerificationPolicy::new(EMAIL, GOOGLE);
    let check = |layer: &crate::support::sigstore::LegacyLayer, want: &str| {
        let (sig, bundle) = legacy_bundle(layer);
        let err = verify(sig.payload.as_slice(), &bundle, &policy, &root)
            .expect_err("must fail");
        let text = err.to_string();
        assert!(text.contains(want), "wanted {want:?}, got {text}");
    };
    let rogue = s.keyless_with(&LeafOptions {
        issuer: Issuer::Rogue,
        ..LeafOptions::new(EMAIL, GOOGLE)
    });
    check(
        &s.legacy_layer(Signer::Keyless(&rogue), &payload),
        "certificate chain",
    );
    let expired = s.keyless_with(&LeafOptions {
        not_before: std::time::SystemTime::now() - Duration::from_secs(3600),
        ..LeafOptions::new(EMAIL, GOOGLE)
    });
    check(
        &s.legacy_layer(Signer::Keyless(&expired), &payload),
        "xpired",
    );
    let id = s.keyless(EMAIL, GOOGLE);
    check(
        &s.legacy_layer_with(
            Signer::Keyless(&id),
            &payload,
            TlogOptions {
                log: Some(&s.unknown_log),
                ..s.tlog()
            },
        ),
        "log key",
    );
    let mut tampered = s.legacy_layer(Signer::Keyless(&id), &payload);
    tampered.payload = simple_signing_payload("example.com/other", DIGEST);
    check(&tampered, "signature");
}
