//! Where images live in Kubernetes objects. Placeholder.
