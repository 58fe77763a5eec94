//! Certificates out of PEM text, by rustls-pki-types' PEM reader: one implementation for the
//! legacy `.sig` chain annotation and for `blob --certificate` files.

use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject as _;

/// The DER of every `CERTIFICATE` block in `pem`, in order; text around the blocks and other
/// block types are ignored. An error when a block is broken or there is none.
pub fn certificates(pem: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .map(|c| c.map(|c| c.as_ref().to_vec()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("a PEM certificate block does not decode: {e}"))?;
    if certs.is_empty() {
        return Err("no CERTIFICATE block found".to_owned());
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_in_order_and_broken_ones_refused() {
        let a = "-----BEGIN CERTIFICATE-----\nYWJj\n-----END CERTIFICATE-----\n";
        let b = "-----BEGIN CERTIFICATE-----\nZGVm\n-----END CERTIFICATE-----\n";
        let chain = format!("leaf:\n{a}chain:\n{b}");
        assert_eq!(
            certificates(chain.as_bytes()).unwrap(),
            vec![b"abc".to_vec(), b"def".to_vec()]
        );
        let key = "-----BEGIN PUBLIC KEY-----\nYWJj\n-----END PUBLIC KEY-----\n";
        for (text, want) in [
            ("", "no CERTIFICATE block"),
            (key, "no CERTIFICATE block"),
            ("-----BEGIN CERTIFICATE-----\nYWJj\n", "does not decode"),
            (
                "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n",
                "does not decode",
            ),
        ] {
            let e = certificates(text.as_bytes()).unwrap_err();
            assert!(e.contains(want), "{text:?}: {e}");
        }
    }
}
