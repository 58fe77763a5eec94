//! One integration test binary (one link on 2 cores) with a module per command. Tests run the
//! built binary against real servers the harness starts on 127.0.0.1.

mod admission;
mod attest;
mod blob;
mod blob_attest;
mod cache;
mod cluster;
mod cluster_access;
mod cluster_bench;
mod cluster_images;
mod conformance;
mod hostile;
mod hostile_files;
mod hostile_registry;
mod image;
mod kubeapi;
mod kyverno;
mod manifests;
mod newcomer;
mod packaging;
mod pin;
mod policyreport;
mod readme;
mod registry;
mod release;
mod support;
mod tree;
mod trust;
mod verdicts;
mod vsa;
