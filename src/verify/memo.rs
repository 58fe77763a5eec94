//! Signature checks done once per run.
//!
//! Verifying an image repeats signature checks that another image of the same run already
//! made: `sigstore-verify` checks a Rekor SET twice per bundle (once to trust the integrated
//! time, once with the log entry), and images signed in one `cosign sign` share their
//! certificate, so its chain and SCT checks are the same bytes every time. In a profile of 300
//! keyless images these were 3 of the 5 ECDSA verifications per image, and ECDSA was half of
//! the run's instructions.
//!
//! A signature check is a pure function of (scheme, public key, message, signature), so a check
//! that passed passes again: [`Memo`] wraps the aws-lc provider `sigstore-verify` uses and
//! remembers the passes, keyed by a SHA-256 over all four (length-prefixed, so no two inputs
//! share an encoding). A failure is never remembered: it is rare, and recomputing it keeps its
//! error exactly as the provider words it. What is remembered is bounded ([`MAX_ENTRIES`]); past
//! that, checks are made and not remembered.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use sigstore_verify::crypto::provider::{CryptoProvider, HashContext, SigningKeyPair};
use sigstore_verify::crypto::{KeyAlgorithm, SigningScheme, aws_lc_provider};
use sigstore_verify::types::HashAlgorithm;

/// At most this many passed checks are remembered (32 bytes each and a scheme): far more than
/// one run's distinct signatures, and about 3 MiB at worst.
pub const MAX_ENTRIES: usize = 65_536;

/// A provider that remembers which signature checks passed. See the module docs.
#[derive(Debug)]
pub struct Memo {
    inner: &'static dyn CryptoProvider,
    passed: Mutex<HashSet<(SigningScheme, [u8; 32])>>,
    /// Checks handed to the provider, and checks answered by an earlier pass.
    made: AtomicU64,
    answered: AtomicU64,
}

/// Whether a check was over the message itself or over its digest: the same bytes mean
/// different things in each.
#[derive(Clone, Copy)]
enum Input {
    Raw = 0,
    Prehashed = 1,
}

impl Memo {
    pub fn new(inner: &'static dyn CryptoProvider) -> Self {
        Memo {
            inner,
            passed: Mutex::new(HashSet::new()),
            made: AtomicU64::new(0),
            answered: AtomicU64::new(0),
        }
    }

    fn key(input: Input, key: &[u8], message: &[u8], signature: &[u8]) -> [u8; 32] {
        use sha2::Digest as _;
        let mut h = sha2::Sha256::new();
        h.update([input as u8]);
        for part in [key, message, signature] {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part);
        }
        h.finalize().into()
    }

    /// Runs `check` unless the same check passed before; remembers a pass.
    fn once(
        &self,
        scheme: SigningScheme,
        key: [u8; 32],
        check: impl FnOnce() -> sigstore_verify::crypto::Result<()>,
    ) -> sigstore_verify::crypto::Result<()> {
        let entry = (scheme, key);
        if self.lock().contains(&entry) {
            self.answered.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        self.made.fetch_add(1, Ordering::Relaxed);
        check()?;
        let mut passed = self.lock();
        if passed.len() < MAX_ENTRIES {
            passed.insert(entry);
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<(SigningScheme, [u8; 32])>> {
        // A panic elsewhere while holding the lock leaves a set of checks that did pass.
        self.passed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How many passed checks are remembered.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// (checks made, checks answered by an earlier pass) so far.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.made.load(Ordering::Relaxed),
            self.answered.load(Ordering::Relaxed),
        )
    }
}

impl CryptoProvider for Memo {
    fn hash(
        &self,
        algorithm: HashAlgorithm,
    ) -> sigstore_verify::crypto::Result<Box<dyn HashContext>> {
        self.inner.hash(algorithm)
    }

    fn sha256(&self, data: &[u8]) -> [u8; 32] {
        self.inner.sha256(data)
    }

    fn sha384(&self, data: &[u8]) -> [u8; 48] {
        self.inner.sha384(data)
    }

    fn sha512(&self, data: &[u8]) -> [u8; 64] {
        self.inner.sha512(data)
    }

    fn verify_raw(
        &self,
        scheme: SigningScheme,
        spki_pubkey_bytes: &[u8],
        data: &[u8],
        signature: &[u8],
    ) -> sigstore_verify::crypto::Result<()> {
        let key = Self::key(Input::Raw, spki_pubkey_bytes, data, signature);
        self.once(scheme, key, || {
            self.inner
                .verify_raw(scheme, spki_pubkey_bytes, data, signature)
        })
    }

    fn verify_prehashed(
        &self,
        scheme: SigningScheme,
        spki_pubkey_bytes: &[u8],
        digest: &[u8],
        signature: &[u8],
    ) -> sigstore_verify::crypto::Result<()> {
        let key = Self::key(Input::Prehashed, spki_pubkey_bytes, digest, signature);
        self.once(scheme, key, || {
            self.inner
                .verify_prehashed(scheme, spki_pubkey_bytes, digest, signature)
        })
    }

    fn generate_key_pair(
        &self,
        algorithm: KeyAlgorithm,
    ) -> sigstore_verify::crypto::Result<Box<dyn SigningKeyPair>> {
        self.inner.generate_key_pair(algorithm)
    }

    fn key_pair_from_pkcs8_der(
        &self,
        pkcs8: &[u8],
    ) -> sigstore_verify::crypto::Result<Box<dyn SigningKeyPair>> {
        self.inner.key_pair_from_pkcs8_der(pkcs8)
    }
}

static MEMO: OnceLock<Memo> = OnceLock::new();

/// Makes [`Memo`] over aws-lc the provider every `sigstore-verify` check of this process goes
/// through. Idempotent; a provider installed earlier by someone else is left in place.
pub fn install() {
    let memo = MEMO.get_or_init(|| Memo::new(aws_lc_provider()));
    let _ = sigstore_verify::crypto::provider::install_default_provider(memo);
}

/// The installed memo's [`Memo::counts`], if [`install`] ran.
pub fn counts() -> Option<(u64, u64)> {
    MEMO.get().map(Memo::counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_lc_rs::rand::SystemRandom;
    use aws_lc_rs::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair as _};

    fn signed(message: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        let pair =
            EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref()).unwrap();
        let sig = pair.sign(&rng, message).unwrap();
        (pair.public_key().as_ref().to_vec(), sig.as_ref().to_vec())
    }

    /// A pass is remembered and answered again; a failure is never remembered, and no part of
    /// the check (message, signature, key, scheme, raw or prehashed) can be swapped under a
    /// remembered pass.
    #[test]
    fn remembers_passes_only_and_never_confuses_inputs() {
        let memo = Memo::new(aws_lc_provider());
        let scheme = SigningScheme::EcdsaP256Sha256;
        let (key, sig) = signed(b"message");
        let (other_key, other_sig) = signed(b"message");

        assert!(memo.verify_raw(scheme, &key, b"message", &sig).is_ok());
        assert_eq!(memo.len(), 1);
        assert!(memo.verify_raw(scheme, &key, b"message", &sig).is_ok());
        assert_eq!(memo.len(), 1, "a repeated pass is one entry");

        // Each of these differs from the remembered pass in one input and must fail.
        assert!(memo.verify_raw(scheme, &key, b"messagf", &sig).is_err());
        assert!(
            memo.verify_raw(scheme, &key, b"message", &other_sig)
                .is_err()
        );
        assert!(
            memo.verify_raw(scheme, &other_key, b"message", &sig)
                .is_err()
        );
        assert!(
            memo.verify_raw(SigningScheme::EcdsaP256Sha384, &key, b"message", &sig)
                .is_err()
        );
        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, b"message");
        assert!(
            memo.verify_prehashed(scheme, &key, b"message", &sig)
                .is_err(),
            "the message's bytes taken as a digest"
        );
        assert!(
            memo.verify_prehashed(scheme, &key, digest.as_ref(), &sig)
                .is_ok()
        );
        // Length prefixes: moving bytes between key, message and signature is another check.
        let mut shifted_key = key.clone();
        shifted_key.push(b'm');
        assert!(
            memo.verify_raw(scheme, &shifted_key, b"essage", &sig)
                .is_err()
        );
        assert_eq!(memo.len(), 2, "only the two passes are remembered");

        // A failure stays a failure when asked again.
        assert!(memo.verify_raw(scheme, &key, b"messagf", &sig).is_err());
        assert!(
            memo.verify_raw(scheme, &other_key, b"message", &other_sig)
                .is_ok()
        );
        assert_eq!(memo.len(), 3);
    }
}
