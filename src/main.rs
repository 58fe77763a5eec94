//! `kubectl-verify`: the thin entry point. Parsing, running and error reporting live in `cli`;
//! this file only maps the outcome to an exit code, in one place.

use std::process::ExitCode;

fn main() -> ExitCode {
    kubectl_verify::cli::main()
}
