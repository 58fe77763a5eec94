//! Where images come from: local manifest files. Placeholder.
