//! Pinning. Placeholder.
