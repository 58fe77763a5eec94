//! sigstore policy-controller `ClusterImagePolicy` and `TrustRoot` (`policy.sigstore.dev`
//! v1alpha1 and v1beta1): not read yet; every such document is refused.

use super::Doc;
use crate::verify::policy::{Policy, PolicyError};

/// Reads the policy-controller documents of one file (a `ClusterImagePolicy` may name a
/// `TrustRoot` of the same file).
pub fn read(docs: &[Doc<'_>]) -> Result<Vec<Policy>, PolicyError> {
    match docs.first() {
        None => Ok(Vec::new()),
        Some(doc) => Err(doc.err(
            doc.node,
            "kind",
            format!("policy-controller {} documents are not read yet", doc.kind),
        )),
    }
}
