//! Atomic file writes. Placeholder.
