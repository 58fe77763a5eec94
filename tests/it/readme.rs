//! The README's examples are run, or accounted for (issue 9 point 7).
//!
//! Every command line in a ```` ```sh ```` or ```` ```console ```` block of README.md that calls
//! `kubectl verify` is in [`EXAMPLES`]: either run for real in a temporary directory holding the
//! files it names (with `kubectl verify` → the built `kubectl-verify`, nothing on the network),
//! or mapped to the tests that run the same flags offline against the loopback registry,
//! Sigstore, Rekor and Kubernetes API stand-ins (an example naming registry.k8s.io, ghcr.io,
//! dl.k8s.io or a cluster). An example nobody accounted for, a table entry the README lost, a
//! twin test that was renamed, or a flag the subcommand's `--help` does not list fails here.
//! In a `console` block, the lines after `$ COMMAND` are its stdout (`…` stands for any text
//! within a line, and a line of only `…` for any number of lines).
//!
//! The README's JSON documents (one per `kind`) are checked against real output: the
//! `BlobVerification` one is the README's blob example with `-o json`, byte for byte; the
//! `ImageVerificationReport` one has the keys of a real `manifests -o json` run against the
//! loopback registry; the `ReleaseVerificationReport` one the keys of the release test's report
//! ([`assert_readme_json_keys`], called by `release_verifies_every_image_and_kubectl`); the
//! `AttachmentTree` one the keys of `tree --verify -o json` in `tree_lists_every_kind_of_attachment`.
#![allow(clippy::unwrap_used)] // test setup: a failure is a broken fixture

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::image::push_legacy;
use crate::support::kubectl_verify;
use crate::support::registry::TestRegistry;
use crate::support::sigstore::{Signer, TestSigstore, simple_signing_payload};

/// A file an example needs in its directory.
enum File {
    /// Copied from a path under `tests/data/`.
    Data(&'static str),
    /// This text.
    Text(&'static str),
}

/// How an example is proven.
enum How {
    /// Run in a temporary directory holding these files; it must exit with this code.
    Run {
        files: &'static [(&'static str, File)],
        exit: i32,
    },
    /// Needs what a test machine does not have (the internet, a cluster, helm); these tests
    /// run the same command and flags offline.
    Twin {
        needs: &'static str,
        tests: &'static [&'static str],
    },
}

const CONFIGMAP: &str =
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  image: nginx:1.27\n";
const RFC8785_BUNDLE: &str =
    "vectors/real/sigstore-python/test/assets/bundle_v3_github.whl.sigstore";

/// Every `kubectl verify` command of the README's shell blocks, as written there (continuation
/// lines joined, comments and spacing dropped), and how it is proven.
const EXAMPLES: &[(&str, How)] = &[
    (
        "kubectl verify policy explain cluster-image-policy.yaml",
        How::Run {
            files: &[(
                "cluster-image-policy.yaml",
                File::Data("policies/policy-controller/cip-keyless-github-actions.yaml"),
            )],
            exit: 0,
        },
    ),
    (
        "kubectl verify pods -A --policy cluster-image-policy.yaml --skip-unsupported",
        How::Twin {
            needs: "a cluster",
            tests: &[
                "cluster_image_policy_keyless_and_warn",
                "cue_policy_refused_or_unsupported",
            ],
        },
    ),
    (
        "kubectl verify --help",
        How::Run {
            files: &[],
            exit: 0,
        },
    ),
    (
        "kubectl verify version",
        How::Run {
            files: &[],
            exit: 0,
        },
    ),
    (
        "kubectl verify completion bash",
        How::Run {
            files: &[],
            exit: 0,
        },
    ),
    (
        "kubectl verify manifests settings.yaml",
        How::Run {
            files: &[("settings.yaml", File::Text(CONFIGMAP))],
            exit: 0,
        },
    ),
    (
        "kubectl verify trust update",
        How::Twin {
            needs: "the internet (the production TUF repository)",
            tests: &[
                "trust_update_from_a_local_tuf_repository_is_used_by_later_verifications",
                "an_expired_timestamp_is_refused_and_the_previous_root_stays",
            ],
        },
    ),
    (
        "kubectl verify trust info",
        How::Twin {
            needs: "a cache of the user's (run here it would read the test's empty one)",
            tests: &["trust_info_on_a_fresh_cache_says_embedded"],
        },
    ),
    (
        "kubectl verify cache info",
        How::Run {
            files: &[],
            exit: 0,
        },
    ),
    (
        "kubectl verify cache clear",
        How::Run {
            files: &[],
            exit: 0,
        },
    ),
    (
        "kubectl verify pin deploy.yaml",
        How::Twin {
            needs: "a registry (nginx:1.27 is on Docker Hub)",
            tests: &["corpus_cases_match_expected_files_byte_for_byte"],
        },
    ),
    (
        "kubectl verify pin --keep-tag -R k8s/",
        How::Twin {
            needs: "a registry",
            tests: &[
                "tls_registry_with_credentials_from_docker_config",
                "directories_without_and_with_recursion",
            ],
        },
    ),
    (
        "kubectl verify pin --dry-run k8s/*.yaml",
        How::Twin {
            needs: "a registry",
            tests: &["dry_run_prints_a_unified_diff_and_writes_nothing"],
        },
    ),
    (
        "kubectl verify pin -",
        How::Twin {
            needs: "helm and a registry",
            tests: &[
                "stdin_goes_to_stdout",
                "stdin_with_a_problem_is_written_out_unchanged",
            ],
        },
    ),
    (
        "kubectl verify pin --verify k8s/",
        How::Twin {
            needs: "a registry with signed images",
            tests: &[
                "pin_verify_pins_only_verified_digests",
                "pin_verify_pins_warn_mode_failures_and_says_so",
            ],
        },
    ),
    (
        "kubectl verify pin -f deploy.yaml -f svc.yaml",
        How::Twin {
            needs: "a registry",
            tests: &["filename_flag_names_files_to_pin"],
        },
    ),
    (
        "kubectl verify image registry.k8s.io/kube-apiserver:v1.31.0",
        How::Twin {
            needs: "registry.k8s.io",
            tests: &["registry_k8s_io_needs_no_flags"],
        },
    ),
    (
        "kubectl verify image registry.k8s.io/kube-apiserver:v1.34.0 --profile kubernetes-vsa",
        How::Twin {
            needs: "registry.k8s.io",
            tests: &[
                "a_vsa_on_the_index_covers_the_index_and_the_platforms_it_lists",
                "a_vsa_on_a_platform_manifest_covers_that_platform",
                "a_failed_forged_or_absent_vsa_fails",
            ],
        },
    ),
    (
        "kubectl verify image ghcr.io/acme/app:1.4.2 --certificate-identity-regexp 'https://github.com/acme/app/\\.github/workflows/release\\.yml@refs/tags/v.*' --certificate-oidc-issuer https://token.actions.githubusercontent.com",
        How::Twin {
            needs: "ghcr.io",
            tests: &["real_github_actions_signature_verifies_through_a_mirror"],
        },
    ),
    (
        "kubectl verify image ghcr.io/acme/app@sha256:… --key cosign.pub",
        How::Twin {
            needs: "ghcr.io",
            tests: &["key_signed_images_verify_for_every_key_type"],
        },
    ),
    (
        "kubectl verify tree ghcr.io/acme/app:1.4.2",
        How::Twin {
            needs: "ghcr.io",
            tests: &[
                "tree_lists_every_kind_of_attachment",
                "tree_through_the_referrers_api_and_requests_per_image",
            ],
        },
    ),
    (
        "kubectl verify tree ghcr.io/acme/app:1.4.2 -o json",
        How::Twin {
            needs: "ghcr.io",
            tests: &[
                "tree_lists_every_kind_of_attachment",
                "tree_through_the_referrers_api_and_requests_per_image",
            ],
        },
    ),
    (
        "kubectl verify tree --verify ghcr.io/acme/app:1.4.2 --certificate-identity releaser@example.com --certificate-oidc-issuer https://accounts.google.com",
        How::Twin {
            needs: "ghcr.io",
            tests: &["tree_lists_every_kind_of_attachment"],
        },
    ),
    (
        "kubectl verify image ghcr.io/acme/app:1.4.2 --attestation-type slsaprovenance1 --attestation-condition 'predicate.buildDefinition.externalParameters.workflow.repository == \"https://github.com/acme/app\"' --certificate-identity-regexp 'https://github.com/acme/app/\\.github/workflows/release\\.yml@refs/tags/v.*' --certificate-oidc-issuer https://token.actions.githubusercontent.com",
        How::Twin {
            needs: "ghcr.io",
            tests: &[
                "attestations_in_both_formats_yield_their_verdicts",
                "attestation_alone_or_with_the_signature_and_requests_per_image",
            ],
        },
    ),
    (
        "kubectl verify manifests -R k8s/ --policy verify-policy.yaml -o json",
        How::Twin {
            needs: "registries with signed images",
            tests: &[
                "manifests_are_verified_under_a_policy_file",
                "image_report_example_has_the_keys_of_real_output",
            ],
        },
    ),
    (
        "kubectl verify manifests -",
        How::Twin {
            needs: "a cluster (kubectl get) and registries",
            tests: &[
                "kubectl_get_output_piped_to_manifests_checks_spec_tags",
                "no_input_is_exit_2_and_still_a_document",
            ],
        },
    ),
    (
        "kubectl verify pods -n kube-system",
        How::Twin {
            needs: "a cluster and registry.k8s.io",
            tests: &["kube_system_verifies_what_runs_through_the_real_kubectl"],
        },
    ),
    (
        "kubectl verify pods -n kube-system --profile kubernetes-vsa",
        How::Twin {
            needs: "a cluster and registry.k8s.io",
            tests: &["kube_system_with_the_vsa_profile"],
        },
    ),
    (
        "kubectl verify pods -A --policy verify-policy.yaml -o wide",
        How::Twin {
            needs: "a cluster",
            tests: &[
                "all_namespaces_lists_each_kind_once_cluster_wide",
                "wide_lists_uses_and_yaml_has_the_same_sources",
            ],
        },
    ),
    (
        "kubectl verify pods -A --policy-from-cluster",
        How::Twin {
            needs: "a cluster",
            tests: &[
                "pods_policy_from_cluster_policyreport_names_each_cluster_image_policy",
                "policy_from_cluster_missing_or_forbidden_kinds_are_one_line_each",
            ],
        },
    ),
    (
        "kubectl verify manifests -R k8s/ --policy-from-cluster",
        How::Twin {
            needs: "a cluster",
            tests: &["manifests_policy_from_cluster_uses_the_current_context"],
        },
    ),
    (
        "kubectl verify pods -A --policy-from-cluster -o policyreport",
        How::Twin {
            needs: "a cluster and registry.k8s.io",
            tests: &[
                "pods_policy_from_cluster_policyreport_names_each_cluster_image_policy",
                "pods_policyreport_is_accepted_by_kubectl_apply_dry_run_server",
            ],
        },
    ),
    (
        "kubectl verify all -n shop --policy verify-policy.yaml -o openreports",
        How::Twin {
            needs: "a cluster",
            tests: &["openreports_are_accepted_by_kubectl_apply_dry_run_server"],
        },
    ),
    (
        "kubectl verify pods web-0 web-1 -n shop",
        How::Twin {
            needs: "a cluster",
            tests: &["names_get_each_object_and_a_missing_one_is_an_error"],
        },
    ),
    (
        "kubectl verify deploy -l app=web --key k8s://ci/cosign-key",
        How::Twin {
            needs: "a cluster",
            tests: &[
                "label_and_field_selectors_reach_the_server_and_narrow_the_result",
                "k8s_secret_keys_verify_key_signed_images",
            ],
        },
    ),
    (
        "kubectl verify all -A --all-contexts --drift -o json",
        How::Twin {
            needs: "clusters",
            tests: &[
                "all_reads_every_kind_and_short_names_read_one",
                "all_contexts_reports_the_live_cluster_and_one_error_line_for_a_dead_one",
                "drift_reports_moved_tags_but_not_platform_children",
            ],
        },
    ),
    (
        "kubectl verify blob kubectl --signature kubectl.sig --certificate kubectl.cert --profile kubernetes-release --tlog-lookup",
        How::Twin {
            needs: "dl.k8s.io's files and rekor.sigstore.dev",
            tests: &[
                "identity_comes_from_flags_or_the_kubernetes_release_profile",
                "detached_pair_verifies_with_its_rekor_entry",
            ],
        },
    ),
    (
        "kubectl verify blob sha256:c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201 --bundle rfc8785-0.1.2.whl.sigstore.json --certificate-identity https://github.com/trailofbits/rfc8785.py/.github/workflows/release.yml@refs/tags/v0.1.2 --certificate-oidc-issuer https://token.actions.githubusercontent.com",
        How::Run {
            files: &[(
                "rfc8785-0.1.2.whl.sigstore.json",
                File::Data(RFC8785_BUNDLE),
            )],
            exit: 0,
        },
    ),
    (
        "kubectl verify blob sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751 --bundle sigstore-1.3.0.provenance.sigstore.json --attestation-type slsaprovenance --attestation-condition 'predicate.invocation.environment.GITHUB_REPOSITORY == \"sigstore/sigstore-js\"' --certificate-identity https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main --certificate-oidc-issuer https://token.actions.githubusercontent.com",
        How::Run {
            files: &[(
                "sigstore-1.3.0.provenance.sigstore.json",
                File::Data("vectors/real/sigstore-go/examples/bundle-provenance.json"),
            )],
            exit: 0,
        },
    ),
    (
        "kubectl verify release",
        How::Twin {
            needs: "dl.k8s.io, sbom.k8s.io and registry.k8s.io",
            tests: &["stable_resolves_through_dl_and_redirects_may_not_leave_https"],
        },
    ),
    (
        "kubectl verify release v1.35.0 --platform linux/amd64 --binaries kubectl,kubeadm,kubelet --tlog-lookup",
        How::Twin {
            needs: "dl.k8s.io, sbom.k8s.io, registry.k8s.io and rekor.sigstore.dev",
            tests: &["each_negative_case_is_reported_with_its_own_verdict"],
        },
    ),
    (
        "kubectl verify release latest-1.35 --download-dir ./bin",
        How::Twin {
            needs: "dl.k8s.io, sbom.k8s.io and registry.k8s.io",
            tests: &[
                "release_verifies_every_image_and_kubectl",
                "stable_resolves_through_dl_and_redirects_may_not_leave_https",
            ],
        },
    ),
    (
        "kubectl verify release v1.35.0 -o json",
        How::Twin {
            needs: "dl.k8s.io, sbom.k8s.io and registry.k8s.io",
            tests: &["release_verifies_every_image_and_kubectl"],
        },
    ),
];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(repo().join("README.md")).unwrap()
}

/// A `kubectl verify` command found in a shell block.
#[derive(Debug)]
struct Example {
    /// README.md's line number where the command starts.
    line: usize,
    /// The `kubectl verify …` command alone, normalised (the key of [`EXAMPLES`]).
    command: String,
    /// The whole shell line it is part of (pipes and redirections included), comment dropped.
    shell: String,
    /// In a `console` block: the stdout shown after it.
    output: Option<Vec<String>>,
}

/// Fenced blocks of `text` whose info string is one of `langs`: (first line number, lines).
fn blocks<'a>(text: &'a str, langs: &[&str]) -> Vec<(usize, Vec<&'a str>)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    let mut fenced = false;
    for (i, line) in text.lines().enumerate() {
        if let Some(info) = line.strip_prefix("```") {
            if fenced {
                fenced = false;
                if let Some(b) = current.take() {
                    out.push(b);
                }
            } else {
                fenced = true;
                if langs.contains(&info.trim()) {
                    current = Some((i + 2, Vec::new()));
                }
            }
        } else if let Some((_, lines)) = &mut current {
            lines.push(line);
        }
    }
    out
}

/// `line` without a `# comment` (a `#` after a blank, outside quotes).
fn strip_comment(line: &str) -> &str {
    let (mut single, mut double) = (false, false);
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && prev.is_whitespace() => return &line[..i],
            _ => {}
        }
        prev = c;
    }
    line
}

/// The `kubectl verify` command in a shell line: from `kubectl verify` to the first pipe,
/// redirection or list operator outside quotes, spacing collapsed.
fn command_of(shell: &str) -> Option<String> {
    let start = shell.find("kubectl verify")?;
    let rest = &shell[start..];
    let (mut single, mut double) = (false, false);
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '|' | '>' | '<' | ';' | '&' if !single && !double => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    Some(rest[..end].split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Logical lines of a block: continuation lines (`\` at the end) joined. Each is
/// (line number, text).
fn logical_lines(start: usize, lines: &[&str]) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, raw) in lines.iter().enumerate() {
        let (n, mut text) = pending.take().unwrap_or((start + i, String::new()));
        let line = strip_comment(raw).trim_end();
        if let Some(head) = line.strip_suffix('\\') {
            text.push_str(head);
            text.push(' ');
            pending = Some((n, text));
        } else {
            text.push_str(line);
            out.push((n, text));
        }
    }
    out.extend(pending);
    out
}

fn examples() -> Vec<Example> {
    let text = readme();
    let mut out = Vec::new();
    for (start, lines) in blocks(&text, &["sh", "console"]) {
        let console = lines.iter().any(|l| l.starts_with("$ "));
        if !console {
            for (line, shell) in logical_lines(start, &lines) {
                if let Some(command) = command_of(&shell) {
                    out.push(Example {
                        line,
                        command,
                        shell: shell.trim().to_owned(),
                        output: None,
                    });
                }
            }
            continue;
        }
        // `$ COMMAND` (continued with `\`), then its output up to the next `$ `.
        let mut i = 0;
        while i < lines.len() {
            let Some(first) = lines[i].strip_prefix("$ ") else {
                i += 1;
                continue;
            };
            let line = start + i;
            let mut cmd_lines = vec![first];
            while cmd_lines.last().unwrap().trim_end().ends_with('\\') && i + 1 < lines.len() {
                i += 1;
                cmd_lines.push(lines[i]);
            }
            let shell = logical_lines(line, &cmd_lines)
                .into_iter()
                .map(|(_, s)| s)
                .collect::<String>();
            i += 1;
            let mut output = Vec::new();
            while i < lines.len() && !lines[i].starts_with("$ ") {
                output.push(lines[i].to_owned());
                i += 1;
            }
            while output.last().is_some_and(|l: &String| l.is_empty()) {
                output.pop();
            }
            if let Some(command) = command_of(&shell) {
                out.push(Example {
                    line,
                    command,
                    shell: shell.trim().to_owned(),
                    output: Some(output),
                });
            }
        }
    }
    out
}

/// Test function names defined in the suite's sources.
fn test_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(repo().join("tests/it")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut after_test = false;
            for line in text.lines() {
                let l = line.trim();
                if l == "#[test]" {
                    after_test = true;
                } else if let Some(rest) = l.strip_prefix("fn ")
                    && after_test
                {
                    names.insert(rest.split('(').next().unwrap().to_owned());
                    after_test = false;
                }
            }
        }
    }
    names
}

/// Each README command is in the table and each table entry in the README; twins exist.
#[test]
fn every_readme_example_is_run_or_twinned() {
    let found = examples();
    let table: BTreeMap<&str, &How> = EXAMPLES.iter().map(|(c, h)| (*c, h)).collect();
    assert_eq!(table.len(), EXAMPLES.len(), "a command is listed twice");
    let mut problems = Vec::new();
    for e in &found {
        if !table.contains_key(e.command.as_str()) {
            problems.push(format!(
                "README.md:{}: `{}` is neither run nor twinned: add it to EXAMPLES in {}",
                e.line,
                e.command,
                file!()
            ));
        }
    }
    let names = test_names();
    for (command, how) in EXAMPLES {
        if !found.iter().any(|e| e.command == *command) {
            problems.push(format!(
                "`{command}` is in EXAMPLES but no longer in the README"
            ));
        }
        if let How::Twin { tests, needs } = how {
            assert!(!needs.is_empty() && !tests.is_empty(), "{command}");
            for t in *tests {
                if !names.contains(*t) {
                    problems.push(format!("`{command}`: no test named {t}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The words of a command, as sh splits them (quotes removed).
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let (mut single, mut double) = (false, false);
    for c in command.chars() {
        match c {
            '\'' if !double => {
                single = !single;
                in_word = true;
            }
            '"' if !single => {
                double = !double;
                in_word = true;
            }
            c if c.is_whitespace() && !single && !double => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

/// The flags `kubectl-verify [SUBCOMMAND] --help` lists (`-o`, `--output`, …).
fn flags_of(subcommand: Option<&str>) -> BTreeSet<String> {
    let out = kubectl_verify()
        .args(subcommand)
        .arg("--help")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "`kubectl verify {} --help` failed: is {subcommand:?} a subcommand?\n{}",
        subcommand.unwrap_or_default(),
        String::from_utf8_lossy(&out.stderr)
    );
    let help = String::from_utf8(out.stdout).unwrap();
    let mut flags = BTreeSet::new();
    for line in help.lines() {
        let l = line.trim_start();
        if !l.starts_with('-') || line.len() == l.len() {
            continue;
        }
        for part in l.split(", ") {
            let flag: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if flag.starts_with('-') && flag.len() > 1 {
                flags.insert(flag);
            }
            if !part.starts_with('-') {
                break;
            }
        }
    }
    flags
}

/// Every flag an example uses is one its subcommand's `--help` lists.
#[test]
fn readme_examples_use_flags_the_binary_accepts() {
    let mut cache: BTreeMap<Option<String>, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for e in examples() {
        let w = words(&e.command);
        let args = &w[2..];
        let sub = args.iter().find(|a| !a.starts_with('-')).cloned();
        let flags = cache
            .entry(sub.clone())
            .or_insert_with(|| flags_of(sub.as_deref()));
        for a in args {
            if a == "--" {
                break;
            }
            if !a.starts_with('-') || a == "-" {
                continue;
            }
            let name = a.split('=').next().unwrap();
            if !flags.contains(name) {
                problems.push(format!(
                    "README.md:{}: `{}` uses {name}, which `kubectl verify {} --help` does not list",
                    e.line,
                    e.command,
                    sub.as_deref().unwrap_or_default()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A directory with `kubectl-verify` on its own, for PATH.
fn bin_dir(tmp: &Path) -> PathBuf {
    let dir = tmp.join("bin");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(
        env!("CARGO_BIN_EXE_kubectl-verify"),
        dir.join("kubectl-verify"),
    )
    .unwrap();
    dir
}

/// Whether `actual` is what a README output line shows (`…`: any text).
fn line_matches(expected: &str, actual: &str) -> bool {
    let parts: Vec<&str> = expected.split('…').collect();
    if parts.len() == 1 {
        return expected == actual;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !actual.starts_with(first) || !actual[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &actual[first.len()..actual.len() - last.len()];
    for p in &parts[1..parts.len() - 1] {
        match rest.find(p) {
            Some(i) => rest = &rest[i + p.len()..],
            None => return false,
        }
    }
    true
}

/// Whether `actual` lines are what the README shows (a line of only `…`: any lines).
fn output_matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e == "…" => {
            (0..=actual.len()).any(|skip| output_matches(rest, &actual[skip..]))
        }
        Some((e, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| line_matches(e, a) && output_matches(rest, more)),
    }
}

/// Runs a README shell line in a fresh directory holding `files`, with `kubectl verify` being
/// the built binary; returns (exit code, stdout, stderr).
fn run_shell(shell: &str, files: &[(&str, File)]) -> (i32, String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    for (name, file) in files {
        let dest = work.join(name);
        match file {
            File::Data(rel) => {
                std::fs::copy(repo().join("tests/data").join(rel), &dest).unwrap();
            }
            File::Text(text) => std::fs::write(&dest, text).unwrap(),
        }
    }
    let path = format!("{}:/usr/bin:/bin", bin_dir(tmp.path()).display());
    let out = Command::new("sh")
        .arg("-c")
        .arg(shell.replace("kubectl verify", "kubectl-verify"))
        .current_dir(&work)
        .env_clear()
        .env("PATH", path)
        .env("HOME", tmp.path())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The examples that need only local files run, exit as expected, and print what the README
/// shows.
#[test]
fn readme_examples_that_need_only_local_files_run() {
    let mut ran = 0;
    let mut problems = Vec::new();
    for e in examples() {
        let Some((_, How::Run { files, exit })) = EXAMPLES.iter().find(|(c, _)| *c == e.command)
        else {
            continue;
        };
        ran += 1;
        let (code, stdout, stderr) = run_shell(&e.shell, files);
        if code != *exit {
            problems.push(format!(
                "README.md:{}: `{}` exited {code}, wanted {exit}\n{stdout}{stderr}",
                e.line, e.shell
            ));
            continue;
        }
        if let Some(expected) = &e.output {
            let actual: Vec<&str> = stdout.lines().collect();
            if !output_matches(expected, &actual) {
                problems.push(format!(
                    "README.md:{}: `{}` printed\n{stdout}\nbut the README shows\n{}",
                    e.line,
                    e.shell,
                    expected.join("\n")
                ));
            }
        }
    }
    assert!(ran >= 4, "only {ran} examples ran");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The README's ```` ```json ```` documents by their `kind`.
fn json_examples() -> BTreeMap<String, Value> {
    let text = readme();
    let mut out = BTreeMap::new();
    for (line, lines) in blocks(&text, &["json"]) {
        let doc: Value = serde_json::from_str(&lines.join("\n"))
            .unwrap_or_else(|e| panic!("README.md:{line}: not JSON: {e}"));
        let Some(kind) = doc["kind"].as_str().map(str::to_owned) else {
            continue;
        };
        let previous = out.insert(kind.clone(), doc);
        assert!(previous.is_none(), "README.md:{line}: a second {kind}");
    }
    out
}

/// Key paths of a document (`images[].signer.identity`); arrays' elements merged.
fn key_paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(path.clone());
                key_paths(v, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                key_paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// The README's example of `kind` has the same keys, at the same places, as `real`.
pub fn assert_readme_json_keys(kind: &str, real: &Value) {
    let examples = json_examples();
    let example = examples
        .get(kind)
        .unwrap_or_else(|| panic!("README.md has no ```json example of kind {kind}"));
    let (mut want, mut got) = (BTreeSet::new(), BTreeSet::new());
    key_paths(real, "", &mut want);
    key_paths(example, "", &mut got);
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "README.md's {kind} example differs from real output: missing {missing:?}, not in real output {extra:?}\nreal output:\n{}",
        serde_json::to_string_pretty(real).unwrap()
    );
}

/// One example per document kind the program prints, and no other.
#[test]
fn readme_has_one_json_example_per_kind() {
    let kinds: Vec<String> = json_examples().into_keys().collect();
    assert_eq!(
        kinds,
        [
            "AttachmentTree",
            "BlobVerification",
            "ImageVerificationReport",
            "PolicyExplanation",
            "ReleaseVerificationReport"
        ]
    );
}

/// The `BlobVerification` example is what the README's bundle example prints with `-o json`,
/// exactly.
#[test]
fn blob_json_example_is_the_blob_examples_output() {
    let e = examples()
        .into_iter()
        .find(|e| e.command.starts_with("kubectl verify blob sha256:"))
        .expect("the README's bundle example");
    let (_, How::Run { files, .. }) = EXAMPLES.iter().find(|(c, _)| *c == e.command).unwrap()
    else {
        panic!("{} is not run", e.command);
    };
    let (code, stdout, stderr) = run_shell(&format!("{} -o json", e.shell), files);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let real: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        json_examples()["BlobVerification"],
        real,
        "README.md's BlobVerification example is not what `{} -o json` prints:\n{stdout}",
        e.shell
    );
}

/// The policy files the README shows load (an image-free manifest, so nothing is looked up):
/// the complete one of "Policy file" and `--profile kubernetes-vsa` written out.
#[test]
fn readme_policy_file_loads() {
    let text = readme();
    let policies: Vec<String> = blocks(&text, &["yaml"])
        .into_iter()
        .map(|(_, lines)| lines.join("\n"))
        .filter(|b| b.lines().any(|l| l.starts_with("policies:")))
        .collect();
    assert_eq!(policies.len(), 2, "the README's policy files");
    assert!(policies.iter().any(|p| p.contains("cosign.pub")));
    assert!(policies.iter().any(|p| p.contains("verification_summary")));
    for policy in policies {
        let (code, stdout, stderr) = run_shell(
            "kubectl verify manifests settings.yaml --policy verify-policy.yaml",
            &[
                ("settings.yaml", File::Text(CONFIGMAP)),
                ("verify-policy.yaml", File::Text(policy.clone().leak())),
                (
                    "cosign.pub",
                    File::Data("vectors/real/sigstore-go/examples/publish_key.pub"),
                ),
            ],
        );
        assert_eq!(code, 0, "{policy}\n{stdout}{stderr}");
        assert_eq!(stdout, "0 images\n");
    }
}

/// `kubectl get pods -o yaml | kubectl verify manifests -`: a `kind: List` of pods, as kubectl
/// prints it, is read from stdin and its spec tags verified (what they resolve to now).
#[test]
fn kubectl_get_output_piped_to_manifests_checks_spec_tags() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let who = s.keyless("releaser@example.com", "https://accounts.google.com");
    let web = reg.push_image("app/web", "1");
    let payload = simple_signing_payload("registry.example.com/app/web:1", &web);
    push_legacy(
        &reg,
        "app/web",
        &web,
        &[s.legacy_layer(Signer::Keyless(&who), &payload)],
    );
    let list = "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: web-0\n    namespace: shop\n  spec:\n    containers:\n    - image: registry.example.com/app/web:1\n      name: web\n  status:\n    containerStatuses:\n    - image: registry.example.com/app/web:1\n      imageID: registry.example.com/app/web@sha256:0000000000000000000000000000000000000000000000000000000000000000\n      name: web\nkind: List\nmetadata:\n  resourceVersion: \"\"\n";
    let out = kubectl_verify()
        .args(["manifests", "-", "-o", "json"])
        .args(["--certificate-identity", "releaser@example.com"])
        .args(["--certificate-oidc-issuer", "https://accounts.google.com"])
        .arg("--trusted-root")
        .arg(s.trusted_root_path())
        .arg(format!("--registry-mirror=registry.example.com={host}"))
        .arg(format!("--insecure-registry={host}"))
        .write_stdin(list)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{json:#}");
    let image = &json["images"][0];
    assert_eq!(image["reference"], "registry.example.com/app/web:1");
    // The tag's digest now, not the imageID the node reported.
    assert_eq!(image["digest"], web.as_str());
    assert_eq!(image["verdict"], "verified");
    assert_eq!(image["sources"][0]["file"], "<stdin>");
}

/// The `ImageVerificationReport` example has the keys of a real `manifests -o json` run: a
/// verified image used twice, an unsigned one under a `mode: warn` policy, and a template.
#[test]
fn image_report_example_has_the_keys_of_real_output() {
    let s = TestSigstore::new();
    let reg = TestRegistry::plain();
    let host = reg.host();
    let who = s.keyless("releaser@example.com", "https://accounts.google.com");
    let web = reg.push_image("acme/web", "1.4.2");
    let payload = simple_signing_payload("ghcr.io/acme/web:1.4.2", &web);
    push_legacy(
        &reg,
        "acme/web",
        &web,
        &[s.legacy_layer(Signer::Keyless(&who), &payload)],
    );
    reg.push_image("acme/cache", "7");
    let dir = tempfile::tempdir().unwrap();
    let k8s = dir.path().join("k8s");
    std::fs::create_dir_all(k8s.join("chart/templates")).unwrap();
    std::fs::write(
        k8s.join("deploy.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: ghcr.io/acme/web:1.4.2\n      - name: worker\n        image: ghcr.io/acme/web:1.4.2\n      - name: cache\n        image: ghcr.io/acme/cache:7\n",
    )
    .unwrap();
    std::fs::write(
        k8s.join("chart/templates/job.yaml"),
        "{{- if .Values.migrate }}\napiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: migrate\n        image: {{ .Values.image }}\n{{- end }}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("verify-policy.yaml"),
        "policies:\n- name: acme\n  images: [\"ghcr.io/acme/web\"]\n  authorities:\n  - keyless:\n      identities:\n      - {subject: releaser@example.com, issuer: \"https://accounts.google.com\"}\n- name: cache\n  mode: warn\n  images: [\"ghcr.io/acme/cache\"]\n  authorities:\n  - keyless:\n      identities:\n      - {subject: releaser@example.com, issuer: \"https://accounts.google.com\"}\n",
    )
    .unwrap();
    let out = kubectl_verify()
        .current_dir(dir.path())
        .args([
            "manifests",
            "-R",
            "k8s/",
            "--policy",
            "verify-policy.yaml",
            "-o",
            "json",
        ])
        .arg("--trusted-root")
        .arg(s.trusted_root_path())
        .arg(format!("--registry-mirror=ghcr.io={host}"))
        .arg(format!("--insecure-registry={host}"))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{json:#}");
    assert_readme_json_keys("ImageVerificationReport", &json);
}
