//! `kubectl verify tree`: everything attached to an image, listed from a real registry (the
//! tag-schema fallback) and from the in-test referrers API, as a tree and as JSON.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use serde_json::{Value, json};

use crate::image::{ReferrersProxy, push_bundle_manifest, push_legacy};
use crate::support::registry::{OCI_INDEX, OCI_MANIFEST, TestRegistry, sha256_digest};
use crate::support::sigstore::{
    BUNDLE_V03_MEDIA_TYPE, Signer, TestSigstore, simple_signing_payload,
};

const EMAIL: &str = "releaser@example.com";
const GOOGLE: &str = "https://accounts.google.com";
const SLSA_V1: &str = "https://slsa.dev/provenance/v1";
const SLSA_V02: &str = "https://slsa.dev/provenance/v0.2";
const SPDX_PREDICATE: &str = "https://spdx.dev/Document";
const COSIGN_SIGN: &str = "https://sigstore.dev/cosign/sign/v1";
const OCI_EMPTY: &str = "application/vnd.oci.empty.v1+json";
const DSSE: &str = "application/vnd.dsse.envelope.v1+json";

/// Pushes an OCI 1.1 artifact attached to `subject` (empty config, one layer of `bytes`) and
/// returns its referrers-index entry. Deterministic for deterministic `bytes`.
fn push_artifact(
    reg: &TestRegistry,
    repo: &str,
    subject: &str,
    artifact_type: &str,
    bytes: &[u8],
    annotations: &Value,
) -> Value {
    let empty = reg.put_blob(repo, b"{}");
    let layer = reg.put_blob(repo, bytes);
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": artifact_type,
        "config": {"mediaType": OCI_EMPTY, "size": 2, "digest": empty},
        "layers": [{"mediaType": artifact_type, "size": bytes.len(), "digest": layer}],
        "subject": {"mediaType": OCI_MANIFEST, "size": 0, "digest": subject},
        "annotations": annotations,
    })
    .to_string();
    let digest = reg.put_manifest(
        repo,
        &sha256_digest(manifest.as_bytes()),
        OCI_MANIFEST,
        manifest.as_bytes(),
    );
    json!({
        "mediaType": OCI_MANIFEST, "digest": digest, "size": manifest.len(),
        "artifactType": artifact_type, "annotations": annotations,
    })
}

/// The referrers entry of a bundle pushed with [`push_bundle_manifest`] (annotated as cosign
/// 3 annotates a signature).
fn bundle_entry((digest, size): &(String, usize)) -> Value {
    json!({
        "mediaType": OCI_MANIFEST, "digest": digest, "size": size,
        "artifactType": BUNDLE_V03_MEDIA_TYPE,
        "annotations": {"dev.sigstore.bundle.predicateType": COSIGN_SIGN},
    })
}

fn index_of(entries: &[Value]) -> String {
    json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": entries}).to_string()
}

/// A DSSE bundle whose statement has `predicate` (unsigned: listing reads, never verifies it).
fn statement_bundle(subject: &str, predicate: &str) -> Vec<u8> {
    use base64::Engine as _;
    let statement = json!({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"digest": {"sha256": &subject[7..]}}],
        "predicateType": predicate, "predicate": {},
    })
    .to_string();
    json!({
        "mediaType": BUNDLE_V03_MEDIA_TYPE,
        "verificationMaterial": {},
        "dsseEnvelope": {
            "payload": base64::engine::general_purpose::STANDARD.encode(statement),
            "payloadType": "application/vnd.in-toto+json", "signatures": [],
        },
    })
    .to_string()
    .into_bytes()
}

/// A cosign 2 `.att` or `.sbom` tag: one layer of `layer_type`, annotated as cosign does.
fn push_legacy_kind(
    reg: &TestRegistry,
    repo: &str,
    digest: &str,
    suffix: &str,
    layer_type: &str,
    bytes: &[u8],
    annotations: &Value,
) {
    let config = b"{\"architecture\":\"\",\"os\":\"\",\"config\":{}}";
    let config_digest = reg.put_blob(repo, config);
    let layer = reg.put_blob(repo, bytes);
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "size": config.len(), "digest": config_digest},
        "layers": [{"mediaType": layer_type, "size": bytes.len(), "digest": layer, "annotations": annotations}],
    })
    .to_string();
    let tag = format!("sha256-{}.{suffix}", &digest[7..]);
    reg.put_manifest(repo, &tag, OCI_MANIFEST, manifest.as_bytes());
}

/// The built binary's `tree` with `args`: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = crate::support::kubectl_verify()
        .arg("tree")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn run_json(args: &[&str]) -> (i32, Value, String) {
    let (code, stdout, stderr) = run(&[&["-o", "json"], args].concat());
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
    (code, json, stderr)
}

/// Replaces the digests that change every run (signatures are random) by 12-character labels,
/// in full (`sha256:LABEL`) and short form, and the sizes of those attachments.
fn normalise(text: &str, random: &[(&str, &str)]) -> String {
    let mut text = text.to_owned();
    for (digest, label) in random {
        let label = format!("{label:_<12}");
        text = text.replace(digest, &format!("sha256:{label}"));
        text = text.replace(&digest[7..19], &label);
    }
    let hex_digest = regex::Regex::new(r#""digest": "sha256:[0-9a-f]{64}""#).unwrap();
    let mut out = String::new();
    let mut random_object = false;
    for line in text.lines() {
        if line.contains("\"digest\": \"sha256:") {
            // A placeholder is not 64 hex digits.
            random_object = !hex_digest.is_match(line);
        }
        if random_object && line.trim_start().starts_with("\"size\":") {
            let end = if line.trim_end().ends_with(',') {
                ","
            } else {
                ""
            };
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push_str(indent);
            out.push_str("\"size\": \"SIZE\"");
            out.push_str(end);
            random_object = false;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// One image carrying every kind of attachment at once (legacy `.sig`, `.att`, `.sbom`;
/// referrers through the tag-schema fallback: a signature and an attestation bundle labelled
/// from their annotation, a bundle without it read to label it, an SPDX SBOM, something
/// else), and an index whose platform manifests carry their own, listed from Debian's
/// docker-registry (no referrers API): the tree, the JSON document, and `--verify`.
#[test]
fn tree_lists_every_kind_of_attachment() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let mirror = format!("registry.example.com={host}");
    let id = s.keyless(EMAIL, GOOGLE);

    let all = reg.push_image("all", "1");
    let payload = simple_signing_payload("registry.example.com/all", &all);
    let all_sig = push_legacy(
        &reg,
        "all",
        &all,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    push_legacy_kind(
        &reg,
        "all",
        &all,
        "att",
        DSSE,
        &statement_bundle(&all, SLSA_V02),
        &json!({"predicateType": SLSA_V02}),
    );
    push_legacy_kind(
        &reg,
        "all",
        &all,
        "sbom",
        "text/spdx",
        b"SPDXVersion: SPDX-2.3\n",
        &json!({}),
    );
    let signature = push_bundle_manifest(
        &reg,
        "all",
        &all,
        0,
        &s.bundle_v03(Signer::Keyless(&id), &all),
    );
    let entries = vec![
        bundle_entry(&signature),
        push_artifact(
            &reg,
            "all",
            &all,
            BUNDLE_V03_MEDIA_TYPE,
            &statement_bundle(&all, SLSA_V1),
            &json!({"dev.sigstore.bundle.predicateType": SLSA_V1}),
        ),
        // No predicate annotation: read from the bundle.
        push_artifact(
            &reg,
            "all",
            &all,
            BUNDLE_V03_MEDIA_TYPE,
            &statement_bundle(&all, SPDX_PREDICATE),
            &json!({}),
        ),
        push_artifact(
            &reg,
            "all",
            &all,
            "application/spdx+json",
            br#"{"spdxVersion":"SPDX-2.3"}"#,
            &json!({}),
        ),
        push_artifact(
            &reg,
            "all",
            &all,
            "application/vnd.example.thing",
            b"thing",
            &json!({}),
        ),
    ];
    reg.put_manifest(
        "all",
        &format!("sha256-{}", &all[7..]),
        OCI_INDEX,
        index_of(&entries).as_bytes(),
    );

    let (index, children) = reg.push_index("multi", "1", &[("linux", "amd64"), ("linux", "arm64")]);
    let payload = simple_signing_payload("registry.example.com/multi", &index);
    let multi_sig = push_legacy(
        &reg,
        "multi",
        &index,
        &[s.legacy_layer(Signer::Keyless(&id), &payload)],
    );
    let amd64 = push_bundle_manifest(
        &reg,
        "multi",
        &children[0],
        0,
        &s.bundle_v03(Signer::Keyless(&id), &children[0]),
    );
    reg.put_manifest(
        "multi",
        &format!("sha256-{}", &children[0][7..]),
        OCI_INDEX,
        index_of(&[bundle_entry(&amd64)]).as_bytes(),
    );
    let random = [
        (all_sig.as_str(), "all.sig"),
        (signature.0.as_str(), "all.bundle"),
        (multi_sig.as_str(), "multi.sig"),
        (amd64.0.as_str(), "amd64.bundle"),
    ];

    let base = [
        "--registry-mirror",
        &mirror,
        "--insecure-registry",
        &host,
        "registry.example.com/all:1",
        "registry.example.com/multi:1",
    ];
    let (code, tree, stderr) = run(&base);
    assert_eq!(code, 0, "{tree}\n{stderr}");
    assert!(
        tree.starts_with("listing only: nothing here is verified; add --verify"),
        "{tree}"
    );
    crate::support::check_snapshot("tree", "tree.txt", &normalise(&tree, &random));

    let (code, raw, stderr) = run(&[&["-o", "json"], &base[..]].concat());
    assert_eq!(code, 0, "{raw}\n{stderr}");
    crate::support::check_snapshot("tree", "tree.json", &normalise(&raw, &random));
    let doc: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(doc["kind"], "AttachmentTree");
    assert_eq!(doc["apiVersion"], "kubectl-verify/v1");
    assert_eq!(doc["verified"], false);
    let a = &doc["images"][0]["attachments"];
    let kinds: Vec<(&str, &str)> = a
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["kind"].as_str().unwrap(), x["source"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("signature", "legacy-tag"),
            ("attestation", "legacy-tag"),
            ("sbom", "legacy-tag"),
            ("signature", "tag-fallback"),
            ("attestation", "tag-fallback"),
            ("attestation", "tag-fallback"),
            ("sbom", "tag-fallback"),
            ("other", "tag-fallback"),
        ]
    );
    assert_eq!(a[1]["predicateType"], SLSA_V02);
    assert_eq!(a[4]["predicateFrom"], "annotation");
    assert_eq!(a[5]["predicateType"], SPDX_PREDICATE);
    assert_eq!(a[5]["predicateFrom"], "bundle");
    let multi = &doc["images"][1];
    assert_eq!(multi["digest"], index.as_str());
    assert_eq!(multi["platforms"][0]["platform"], "linux/amd64");
    assert_eq!(multi["platforms"][0]["attachments"][0]["kind"], "signature");
    assert_eq!(multi["platforms"][1]["attachments"], json!([]));
    assert_eq!(doc["summary"]["attachments"], 10);
    // Only the bundle without an annotation was downloaded: one blob request in all.
    let blobs_before = reg.request_log().len();
    let _ = run(&base);
    let log = reg.request_log();
    let blob_gets: Vec<&String> = log[blobs_before..]
        .iter()
        .filter(|l| l.starts_with("GET") && l.contains("/blobs/"))
        .collect();
    assert_eq!(blob_gets.len(), 1, "{blob_gets:#?}");

    // --verify: each image's verdict from the normal verification path.
    let root = s.trusted_root_path();
    let verify = [
        "--verify",
        "--trusted-root",
        root.to_str().unwrap(),
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
    ];
    let (code, tree, stderr) = run(&[&verify[..], &base[..]].concat());
    assert_eq!(code, 0, "{tree}\n{stderr}");
    crate::support::check_snapshot("tree", "tree-verify.txt", &normalise(&tree, &random));
    let (code, doc, _) = run_json(&[&verify[..], &base[..]].concat());
    assert_eq!(code, 0, "{doc}");
    crate::readme::assert_readme_json_keys("AttachmentTree", &doc);
    assert_eq!(doc["verified"], true);
    let v = &doc["images"][0]["verification"];
    assert_eq!(v["verdict"], "verified");
    // It carries both formats; the `.sig` is looked at first in a repository whose layout is
    // not known yet (issue 10), and it verifies, so the bundle is not needed.
    assert_eq!(v["format"], "legacy");
    assert_eq!(v["carriedBy"][0]["digest"], all.as_str());
    let v = &doc["images"][1]["verification"];
    assert_eq!(
        (&v["verdict"], &v["format"]),
        (&json!("verified"), &json!("legacy"))
    );
    assert_eq!(v["carriedBy"][0]["digest"], index.as_str());
}

/// With the in-test referrers API, referrers come from it (no fallback tag is asked for) and
/// annotated bundles are labelled without being downloaded; a listing over MAX_REFERRERS says
/// so. Requests per image: 6 with the API, 7 without (docker-registry), 17 for a two-platform
/// index without it.
#[test]
fn tree_through_the_referrers_api_and_requests_per_image() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let proxy = ReferrersProxy::start(&reg.host());
    let host = proxy.host();
    let id = s.keyless(EMAIL, GOOGLE);
    let digest = reg.push_image("api", "1");
    let signature = push_bundle_manifest(
        &reg,
        "api",
        &digest,
        0,
        &s.bundle_v03(Signer::Keyless(&id), &digest),
    );
    let attestation = push_artifact(
        &reg,
        "api",
        &digest,
        BUNDLE_V03_MEDIA_TYPE,
        &statement_bundle(&digest, SLSA_V1),
        &json!({"dev.sigstore.bundle.predicateType": SLSA_V1}),
    );
    let sbom = push_artifact(
        &reg,
        "api",
        &digest,
        "application/vnd.cyclonedx+json",
        b"{}",
        &json!({}),
    );
    proxy.set_referrers_index(
        "api",
        &digest,
        &index_of(&[bundle_entry(&signature), attestation, sbom]),
    );
    let image = format!("{host}/api:1");
    let before = proxy.log().len();
    let (code, doc, stderr) = run_json(&["--insecure-registry", &host, &image]);
    assert_eq!(code, 0, "{doc}\n{stderr}");
    let log = proxy.log()[before..].to_vec();
    assert_eq!(
        log.len(),
        6,
        "requests for one image with a referrers API: {log:#?}"
    );
    assert!(
        !log.iter()
            .any(|l| l.ends_with(&format!("sha256-{}", &digest[7..]))),
        "no fallback tag with an API: {log:#?}"
    );
    assert!(!log.iter().any(|l| l.contains("/blobs/")), "{log:#?}");
    let a = &doc["images"][0]["attachments"];
    assert_eq!(doc["images"][0]["referrers"], "referrers-api");
    let kinds: Vec<&str> = a
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["signature", "attestation", "sbom"]);
    assert!(
        a.as_array()
            .unwrap()
            .iter()
            .all(|x| x["source"] == "referrers-api")
    );

    // --verify through the same API: the bundle verifies.
    let root = s.trusted_root_path();
    let (code, doc, _) = run_json(&[
        "--verify",
        "--trusted-root",
        root.to_str().unwrap(),
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
        "--insecure-registry",
        &host,
        &image,
    ]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["images"][0]["verification"]["format"], "bundle");

    // More referrers than MAX_REFERRERS: the first 64 are listed, and the node says so.
    let many = reg.push_image("many", "1");
    let entries: Vec<Value> = (0..65)
        .map(|i| {
            json!({"mediaType": OCI_MANIFEST, "digest": format!("sha256:{i:064x}"), "size": 1,
                   "artifactType": "application/spdx+json"})
        })
        .collect();
    proxy.set_referrers_index("many", &many, &index_of(&entries));
    let (code, doc, _) = run_json(&["--insecure-registry", &host, &format!("{host}/many:1")]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(
        doc["images"][0]["attachments"].as_array().unwrap().len(),
        64
    );
    let limit = doc["images"][0]["limits"][0].as_str().unwrap();
    assert!(
        limit.contains("65 referrers") && limit.contains("MAX_REFERRERS"),
        "{limit}"
    );

    // docker-registry without the API: 7 requests for one image, 15 for a two-platform index
    // (that the registry has no referrers API is learnt once per run: the platform manifests go
    // straight to the fallback tag).
    let plain = reg.host();
    reg.push_image("plain", "1");
    let (index, _) = reg.push_index("pair", "1", &[("linux", "amd64"), ("linux", "arm64")]);
    for (image, want) in [("plain:1", 7), ("pair:1", 15)] {
        let before = reg.request_log().len();
        let (code, doc, _) =
            run_json(&["--insecure-registry", &plain, &format!("{plain}/{image}")]);
        assert_eq!(code, 0, "{doc}");
        let log = reg.request_log()[before..].to_vec();
        assert_eq!(log.len(), want, "requests for {image}: {log:#?}");
    }
    let _ = index;
}

/// Exit codes: 0 listed (an unsigned image too), 1 with --verify when an image did not
/// verify, 2 when an image cannot be listed (the document is still written) or a verification
/// flag is given without --verify.
#[test]
fn tree_exit_codes() {
    let reg = TestRegistry::plain();
    let host = reg.host();
    reg.push_image("bare", "1");
    let image = format!("{host}/bare:1");
    let (code, doc, _) = run_json(&["--insecure-registry", &host, &image]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["images"][0]["attachments"], json!([]));
    let (code, tree, _) = run(&["--insecure-registry", &host, &image]);
    assert_eq!(code, 0);
    assert!(tree.contains("(nothing attached)"), "{tree}");

    let (code, doc, _) = run_json(&[
        "--verify",
        "--certificate-identity",
        EMAIL,
        "--certificate-oidc-issuer",
        GOOGLE,
        "--insecure-registry",
        &host,
        &image,
    ]);
    assert_eq!(code, 1, "{doc}");
    assert_eq!(doc["images"][0]["verification"]["verdict"], "unsigned");

    let (code, doc, stderr) = run_json(&["--insecure-registry", &host, &format!("{host}/gone:1")]);
    assert_eq!(code, 2, "{doc}");
    assert!(doc["images"][0]["digest"].is_null());
    assert!(
        doc["images"][0]["errors"][0]
            .as_str()
            .unwrap()
            .contains("not found"),
        "{doc}"
    );
    assert!(stderr.contains("could not be listed"), "{stderr}");

    let (code, _, stderr) = run(&["--key", "cosign.pub", &image]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--key only apply with --verify"),
        "{stderr}"
    );
    // Attestation requirements judge too: without --verify they would be silently unused.
    let (code, _, stderr) = run(&["--attestation-type", "slsaprovenance1", &image]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--attestation-type only apply with --verify"),
        "{stderr}"
    );
}

#[test]
fn help_snapshot() {
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    crate::support::check_snapshot("tree", "help.txt", &stdout);
}
