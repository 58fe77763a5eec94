//! One integration test binary (one link on 2 cores) with a module per command. Tests run the
//! built binary against real servers the harness starts on 127.0.0.1.

mod packaging;
mod support;
mod blob;
mod conformance;
mod registry;
mod image;
mod manifests;
mod pin;
