"""Verify one bundle with sigstore-python's API, offline, for the agreement test.

usage: sigstore_python_verify.py TRUSTED_ROOT BUNDLE ARTIFACT IDENTITY ISSUER
exit 0 and print "verified" when sigstore-python verifies; exit 1 and print why otherwise.
The trusted root comes from a file, so nothing is fetched (no TUF refresh, no Rekor).
"""

import hashlib
import json
import sys
from pathlib import Path

from sigstore.models import Bundle, TrustedRoot
from sigstore.verify import Verifier, policy


def main() -> int:
    root, bundle_path, artifact_path, identity, issuer = sys.argv[1:6]
    try:
        verifier = Verifier(trusted_root=TrustedRoot.from_file(root))
        bundle = Bundle.from_json(Path(bundle_path).read_bytes())
        artifact = Path(artifact_path).read_bytes()
        wanted = policy.Identity(identity=identity, issuer=issuer)
        if bundle._dsse_envelope is not None:
            _, payload = verifier.verify_dsse(bundle, wanted)
            digest = hashlib.sha256(artifact).hexdigest()
            subjects = json.loads(payload).get("subject", [])
            if not any(s.get("digest", {}).get("sha256") == digest for s in subjects):
                print("artifact is not a subject of the statement")
                return 1
        else:
            verifier.verify_artifact(artifact, bundle, wanted)
    except Exception as e:  # every failure is a rejection; say which
        print(f"{type(e).__name__}: {e}".replace("\n", " "))
        return 1
    print("verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
