#compdef kubectl-verify

autoload -U is-at-least

_kubectl-verify() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-verify_commands" \
"*::: :->kubectl verify" \
&& ret=0
    case $state in
    (kubectl verify)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-command-$line[1]:"
        case $line[1] in
            (blob)
_arguments "${_arguments_options[@]}" : \
'(--signature --certificate)--bundle=[Sigstore bundle (v0.1, v0.2, v0.3; message signature or DSSE), file or https URL]:FILE|URL:_default' \
'--signature=[Detached signature (base64 of DER, as cosign writes .sig files), file or https URL]:FILE|URL:_default' \
'(--key)--certificate=[Signing certificate for --signature (PEM, or base64 of PEM), file or https URL]:FILE|URL:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'(--key --certificate-identity --certificate-identity-regexp)--profile=[Expect the signer of a known publisher instead of giving identity flags]:PROFILE:((kubernetes-release\:"Kubernetes release binaries\: signed keylessly by krel-staging@k8s-releng-prod.iam.gserviceaccount.com (issuer https\://accounts.google.com)"))' \
'--attestation-type=[Verify the --bundle as an attestation of this type about the file (npm, PyPI, GitHub release provenance)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. A statement subject must name the file'\''s digest (sha256 or sha512)]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of the --attestation-type statement (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`]:CEL:_default' \
'--rekor-url=[Look up the Rekor entry of a .sig + .cert online, at this Rekor (\`--rekor-url URL\` or \`--rekor-url=URL\`, as cosign). Alone, it means --tlog-lookup]::URL:_default' \
'-o+[Output format]:OUTPUT:((text\:"A short report ending in \`Verified OK\` on success"
json\:""
yaml\:""))' \
'--output=[Output format]:OUTPUT:((text\:"A short report ending in \`Verified OK\` on success"
json\:""
yaml\:""))' \
'--timeout=[Give up on a download after this long (e.g. 30s, 2m)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--tlog-lookup[Look up the Rekor entry of a .sig + .cert online at https\://rekor.sigstore.dev (opt-in)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':artifact -- The artifact\: a path, an https URL, or sha256\:<64 hex> / sha512\:<128 hex> (when no such file exists):_default' \
&& ret=0
;;
(image)
_arguments "${_arguments_options[@]}" : \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::references -- Image references (`repo\:tag`, `repo@sha256\:…`):_default' \
&& ret=0
;;
(manifests)
_arguments "${_arguments_options[@]}" : \
'*-f+[A manifest file, directory, pipe or \`-\` (repeatable), as \`kubectl apply -f\`; read before the positional paths]:PATH|-:_files' \
'*--filename=[A manifest file, directory, pipe or \`-\` (repeatable), as \`kubectl apply -f\`; read before the positional paths]:PATH|-:_files' \
'--max-input-size=[Refuse any input (file, pipe or stdin) larger than this\: 64Mi, 1Gi, 500k, or bytes]:SIZE:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-R[Look into subdirectories for .yaml, .yml and .json files]' \
'--recursive[Look into subdirectories for .yaml, .yml and .json files]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::paths -- Manifest files (YAML or JSON, many documents each), directories, pipes such as `<(helm template …)`, or `-` for stdin:_files' \
&& ret=0
;;
(pin)
_arguments "${_arguments_options[@]}" : \
'*-f+[A manifest file, directory or \`-\` (repeatable), as \`kubectl apply -f\`; read before the positional paths]:FILE|DIR|-:_files' \
'*--filename=[A manifest file, directory or \`-\` (repeatable), as \`kubectl apply -f\`; read before the positional paths]:FILE|DIR|-:_files' \
'--max-input-size=[Refuse any input (file, pipe or stdin) larger than this\: 64Mi, 1Gi, 500k, or bytes]:SIZE:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-R[Look into subdirectories for .yaml, .yml and .json files]' \
'--recursive[Look into subdirectories for .yaml, .yml and .json files]' \
'--keep-tag[Write \`repo\:tag@sha256\:…\` instead of \`repo@sha256\:…\`]' \
'--dry-run[Print a unified diff of the changes instead of writing them]' \
'--verify[Pin only references whose signature verifies (identity flags, --key, --policy and the built-in policy, as for \`kubectl verify image\`), writing exactly the digest that verified; the others are reported and their files left unchanged]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::paths -- Manifest files (YAML or JSON, many documents each), directories, or `-` for stdin (the result goes to stdout). A pipe such as `<(helm template …)` is read with --dry-run only\: it cannot be rewritten in place:_files' \
&& ret=0
;;
(policy)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-verify__subcmd__policy_commands" \
"*::: :->policy" \
&& ret=0

    case $state in
    (policy)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-policy-command-$line[1]:"
        case $line[1] in
            (explain)
_arguments "${_arguments_options[@]}" : \
'-o+[Output format]:OUTPUT:(table json yaml)' \
'--output=[Output format]:OUTPUT:(table json yaml)' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--skip-unsupported[Show what is not supported as \`unsupported\` policies instead of stopping at it]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::files -- Policy files (our `policies\:` format, ClusterImagePolicy, TrustRoot, Kyverno policies):_files' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-verify__subcmd__policy__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-policy-help-command-$line[1]:"
        case $line[1] in
            (explain)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(release)
_arguments "${_arguments_options[@]}" : \
'*--platform=[Only this platform'\''s images and binaries (repeatable), e.g. linux/amd64; default\: every platform the SBOM lists]:OS/ARCH:_default' \
'*--binaries=[The binaries to download and verify for each platform, comma-separated (an empty value for none)]:NAME,...:_default' \
'--sbom=[Read the SBOM from this file or https URL, with its .sig and .cert beside it]:FILE|URL:_default' \
'--sbom-url-base=[Where release SBOMs are published (https only)]:URL:_default' \
'--dl-url-base=[Where binaries, signatures, provenance and version markers are published (https only; a redirect may not leave https)]:URL:_default' \
'*--download-ca=[Trust this extra CA certificate (PEM) for the --dl-url-base, --sbom-url-base and --sbom hosts (repeatable)]:FILE:_files' \
'--download-dir=[Keep the binaries that verified as DIR/OS/ARCH/NAME (written only once verified, by an atomic rename); otherwise they are hashed as they stream and dropped]:DIR:_files' \
'--download-timeout=[Give up on one binary download after this long]:DURATION:_default' \
'--rekor-url=[Look up the Rekor entries of the .sig + .cert pairs online, at this Rekor (\`--rekor-url URL\` or \`--rekor-url=URL\`, as cosign); without it or --tlog-lookup they are \`tlog-missing\`. Alone, it means --tlog-lookup]::URL:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people, one line per artifact"
json\:"JSON, schema \`ReleaseVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table with full digests"
name\:"One line per artifact\: \`KIND/NAME\` (images pinned to their digest)"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people, one line per artifact"
json\:"JSON, schema \`ReleaseVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table with full digests"
name\:"One line per artifact\: \`KIND/NAME\` (images pinned to their digest)"))' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--insecure-unsigned-sbom[INSECURE\: go on when the SBOM'\''s signature does not verify (its line still fails)]' \
'--tlog-lookup[Look up the Rekor entries online at https\://rekor.sigstore.dev (opt-in)]' \
'--no-headers[Leave out the table'\''s header line and summary line (as kubectl'\''s --no-headers)]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'::release -- vX.Y.Z (release candidates too), or stable, latest, stable-1.35, latest-1.35 (read from DL-URL-BASE/release/<name>.txt):_default' \
&& ret=0
;;
(tree)
_arguments "${_arguments_options[@]}" : \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((tree\:"A tree for people"
json\:"JSON, schema \`AttachmentTree\` v1 (see README)"
yaml\:"The same document as YAML"))' \
'--output=[Output format]:OUTPUT:((tree\:"A tree for people"
json\:"JSON, schema \`AttachmentTree\` v1 (see README)"
yaml\:"The same document as YAML"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--verify[Also verify each image'\''s signature under the verification flags and policy below, as \`kubectl verify image\` does, and show its verdict]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::references -- Image references (`repo\:tag`, `repo@sha256\:…`):_default' \
&& ret=0
;;
(pods)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(po)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(pod)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(deployments)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(deploy)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(deployment)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(statefulsets)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(sts)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(statefulset)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(daemonsets)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(ds)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(daemonset)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(replicasets)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(rs)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(replicaset)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(jobs)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(job)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(cronjobs)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(cj)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(cronjob)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(all)
_arguments "${_arguments_options[@]}" : \
'-n+[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'--namespace=[The namespace (default\: the context'\''s namespace, else \`default\`)]:NAMESPACE:_default' \
'-l+[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--selector=[Label selector, e.g. \`-l app=web,tier!=cache\` or \`-l '\''env in (prod)'\''\`]:SELECTOR:_default' \
'--field-selector=[Field selector, e.g. \`--field-selector spec.nodeName=node-1\`]:SELECTOR:_default' \
'--context=[The kubeconfig context to use]:NAME:_default' \
'--kubeconfig=[Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)]:FILE:_files' \
'--cluster=[The kubeconfig cluster to use]:NAME:_default' \
'--user=[The kubeconfig user to use]:NAME:_default' \
'--as=[Impersonate this user]:USER:_default' \
'*--as-group=[Impersonate this group (repeatable)]:GROUP:_default' \
'--request-timeout=[The longest one API request may take (\`0\`\: no limit; \`30s\`, \`1m\`)]:DURATION:_default' \
'--key=[Require a signature by this public key (PEM\: ECDSA P-256/P-384, RSA or Ed25519)]:FILE:_files' \
'(--key)--certificate-identity=[Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer\[-regexp\]]:IDENTITY:_default' \
'(--key --certificate-identity)--certificate-identity-regexp=[Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign'\''s)]:REGEX:_default' \
'(--key)--certificate-oidc-issuer=[The OIDC issuer the certificate must name exactly, e.g. https\://accounts.google.com]:URL:_default' \
'(--key --certificate-oidc-issuer)--certificate-oidc-issuer-regexp=[Like --certificate-oidc-issuer, with an anchored regular expression]:REGEX:_default' \
'--trusted-root=[Use this Sigstore trusted_root.json instead of the one \`kubectl verify trust update\` cached, or the embedded public-good root]:FILE:_files' \
'*--attestation-type=[Verify an attestation of this type instead of the image signature (repeatable)\: one of cosign'\''s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest]:TYPE:_default' \
'*--attestation-condition=[A CEL expression that must be true of each --attestation-type attestation (repeatable), over \`predicateType\`, \`predicate\`, \`subject\` and \`statement\`, e.g. '\''predicate.buildDefinition.externalParameters.workflow.repository == "https\://github.com/acme/app"'\'']:CEL:_default' \
'--policy=[A policy file\: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)]:FILE:_files' \
'*--profile=[Require more of some images, beside who signed them (opt-in; repeatable)]:PROFILE:((kubernetes-vsa\:"registry.k8s.io images must also carry the image promoter'\''s SLSA verification summary (https\://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it"))' \
'--signature-repository=[Look for signatures in this repository instead of the image'\''s (as cosign'\''s COSIGN_REPOSITORY)]:REPO:_default' \
'--concurrency=[Registry requests in flight at once, per registry (as curl'\''s --parallel-max); 4 × N images are verified at once to keep them busy]:N:_default' \
'--cache-ttl=[Reuse a \`verified\` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version]:DURATION:_default' \
'-o+[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'--output=[Output format]:OUTPUT:((table\:"A table for people"
json\:"JSON, schema \`ImageVerificationReport\` v1 (see README)"
yaml\:"The same document as YAML"
wide\:"The table, with every use of each image (\`ns/kind/name\[container\]\`, \`file\:line\`)"
name\:"One line per image\: the reference pinned to the digest it resolved to"
policyreport\:"\`wgpolicyk8s.io/v1alpha2\` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for \`kubectl apply -f -\`"
openreports\:"The same as \`openreports.io/v1alpha1\` Reports and a ClusterReport"))' \
'*--registry-mirror=[Look up SRC'\''s images at DST instead, keeping their spelling (repeatable), e.g. \`docker.io=mirror.local\:5000\` or \`registry.k8s.io=127.0.0.1\:5000/k8s\`]:SRC=DST:_default' \
'*--insecure-registry=[Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)]:HOST[:PORT]:_default' \
'*--registry-ca=[Trust this extra CA certificate (PEM) for registry TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a registry request after this long (e.g. 30s, 2m, 500ms)]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--drift[Also report running digests their tag no longer resolves to (one lookup per tag)]' \
'(-n --namespace)-A[Every namespace (one cluster-wide list per kind)]' \
'(-n --namespace)--all-namespaces[Every namespace (one cluster-wide list per kind)]' \
'(--context)--all-contexts[Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run]' \
'--insecure-ignore-tlog[INSECURE\: accept signatures without a verified transparency log entry]' \
'--insecure-ignore-sct[INSECURE\: do not require the certificate'\''s SCT to verify]' \
'--require-signature[With --attestation-type\: require the image signature by the same signer as well]' \
'--skip-unsupported[Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict \`unsupported\` for the images it applies to, instead of an error]' \
'--no-builtin-policy[Do not hold registry.k8s.io images to the Kubernetes release identity by default]' \
'--allow-unmatched[Report images no policy or flag covers as \`no-policy\` without failing the run]' \
'--no-cache[Neither read nor write the verification cache (as --cache-ttl 0)]' \
'--no-headers[Do not print the table'\''s header line (as kubectl'\''s --no-headers)]' \
'--policy-from-cluster[Also evaluate the admission policies installed in the cluster (kubeconfig'\''s current context)\: Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::names -- Objects by name (in the namespace); none\: every object:_default' \
&& ret=0
;;
(version)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(trust)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-verify__subcmd__trust_commands" \
"*::: :->trust" \
&& ret=0

    case $state in
    (trust)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-trust-command-$line[1]:"
        case $line[1] in
            (update)
_arguments "${_arguments_options[@]}" : \
'--tuf-url=[The TUF repository (metadata at URL/, targets at URL/targets/; https only)]:URL:_default' \
'--tuf-root=[Trust this TUF root.json to start from instead of the embedded production one (for the TUF repository of a private Sigstore deployment)]:FILE:_files' \
'*--tuf-ca=[Trust this extra CA certificate (PEM) for the TUF repository'\''s TLS (repeatable)]:FILE:_files' \
'--timeout=[Give up on a request to the repository after this long]:DURATION:_default' \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(info)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-verify__subcmd__trust__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-trust-help-command-$line[1]:"
        case $line[1] in
            (update)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(info)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(cache)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_kubectl-verify__subcmd__cache_commands" \
"*::: :->cache" \
&& ret=0

    case $state in
    (cache)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-cache-command-$line[1]:"
        case $line[1] in
            (info)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(clear)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-verify__subcmd__cache__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-cache-help-command-$line[1]:"
        case $line[1] in
            (info)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(clear)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
;;
(completion)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
':shell -- The shell to print a completion script for:(bash zsh fish powershell)' \
&& ret=0
;;
(__complete)
_arguments "${_arguments_options[@]}" : \
'--color=[When to colour the output (NO_COLOR is honoured with \`auto\`)]:COLOR:((auto\:"Colour when stdout is a terminal and \`NO_COLOR\` is unset"
always\:""
never\:""))' \
'-v+[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'--v=[Log to stderr, as kubectl'\''s -v\: 1 a line per reference, 2 each image'\''s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. \`-v\` alone is 1; \`-v=6\`, \`-v 6\`, \`--v=6\` and \`--v 6\` are level 6]::LEVEL:_default' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
'*::words -- The words after `kubectl verify`, the last one being the word under the cursor:_default' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-verify__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-help-command-$line[1]:"
        case $line[1] in
            (blob)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(image)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(manifests)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(pin)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(policy)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-verify__subcmd__help__subcmd__policy_commands" \
"*::: :->policy" \
&& ret=0

    case $state in
    (policy)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-help-policy-command-$line[1]:"
        case $line[1] in
            (explain)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(release)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(tree)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(pods)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(deployments)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(statefulsets)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(daemonsets)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(replicasets)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(jobs)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(cronjobs)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(all)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(version)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(trust)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-verify__subcmd__help__subcmd__trust_commands" \
"*::: :->trust" \
&& ret=0

    case $state in
    (trust)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-help-trust-command-$line[1]:"
        case $line[1] in
            (update)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(info)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(cache)
_arguments "${_arguments_options[@]}" : \
":: :_kubectl-verify__subcmd__help__subcmd__cache_commands" \
"*::: :->cache" \
&& ret=0

    case $state in
    (cache)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:kubectl-verify-help-cache-command-$line[1]:"
        case $line[1] in
            (info)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(clear)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
(completion)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(__complete)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_kubectl-verify_commands] )) ||
_kubectl-verify_commands() {
    local commands; commands=(
'blob:Verify a file'\''s Sigstore signature (bundle, .sig + .cert, or key)' \
'image:Verify image signatures (cosign 2 \`.sig\` and cosign 3 bundles, keyless or key)' \
'manifests:Verify the signatures of every image in Kubernetes manifests' \
'pin:Pin image references in manifests to digests, rewriting only the image values' \
'policy:Explain how policy files (ours, policy-controller, Kyverno) are understood' \
'release:Verify every image and the chosen binaries of a Kubernetes release, from its signed SBOM' \
'tree:List everything attached to images\: signatures, attestations, SBOMs (listing, not verifying)' \
'pods:Verify the images pods run (the digest each node reports)' \
'po:Verify the images pods run (the digest each node reports)' \
'pod:Verify the images pods run (the digest each node reports)' \
'deployments:Verify the images of deployments'\'' pod templates' \
'deploy:Verify the images of deployments'\'' pod templates' \
'deployment:Verify the images of deployments'\'' pod templates' \
'statefulsets:Verify the images of statefulsets'\'' pod templates' \
'sts:Verify the images of statefulsets'\'' pod templates' \
'statefulset:Verify the images of statefulsets'\'' pod templates' \
'daemonsets:Verify the images of daemonsets'\'' pod templates' \
'ds:Verify the images of daemonsets'\'' pod templates' \
'daemonset:Verify the images of daemonsets'\'' pod templates' \
'replicasets:Verify the images of replicasets'\'' pod templates' \
'rs:Verify the images of replicasets'\'' pod templates' \
'replicaset:Verify the images of replicasets'\'' pod templates' \
'jobs:Verify the images of jobs'\'' pod templates' \
'job:Verify the images of jobs'\'' pod templates' \
'cronjobs:Verify the images of cronjobs'\'' pod templates' \
'cj:Verify the images of cronjobs'\'' pod templates' \
'cronjob:Verify the images of cronjobs'\'' pod templates' \
'all:Verify every pod (running digests) and every workload kind'\''s templates' \
'version:Print the version of kubectl verify and of its embedded Sigstore trusted root' \
'trust:Refresh the Sigstore trusted root through TUF (\`update\`), or show which one is used (\`info\`)' \
'cache:Show what the verification cache holds (\`info\`), or empty it (\`clear\`)' \
'completion:Print a shell completion script (bash, zsh, fish or powershell) for kubectl-verify' \
'__complete:kubectl'\''s plugin completion protocol (called by \`kubectl_complete-verify\`)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-verify commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd____complete_commands] )) ||
_kubectl-verify__subcmd____complete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify __complete commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__all_commands] )) ||
_kubectl-verify__subcmd__all_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify all commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__blob_commands] )) ||
_kubectl-verify__subcmd__blob_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify blob commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__cache_commands] )) ||
_kubectl-verify__subcmd__cache_commands() {
    local commands; commands=(
'info:Print where verification entries live, how many there are, their size and age' \
'clear:Remove every verification entry (the trusted root \`trust update\` fetched is kept)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-verify cache commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__cache__subcmd__clear_commands] )) ||
_kubectl-verify__subcmd__cache__subcmd__clear_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify cache clear commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__cache__subcmd__help_commands] )) ||
_kubectl-verify__subcmd__cache__subcmd__help_commands() {
    local commands; commands=(
'info:Print where verification entries live, how many there are, their size and age' \
'clear:Remove every verification entry (the trusted root \`trust update\` fetched is kept)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-verify cache help commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__cache__subcmd__help__subcmd__clear_commands] )) ||
_kubectl-verify__subcmd__cache__subcmd__help__subcmd__clear_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify cache help clear commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__cache__subcmd__help__subcmd__help_commands] )) ||
_kubectl-verify__subcmd__cache__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify cache help help commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__cache__subcmd__help__subcmd__info_commands] )) ||
_kubectl-verify__subcmd__cache__subcmd__help__subcmd__info_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify cache help info commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__cache__subcmd__info_commands] )) ||
_kubectl-verify__subcmd__cache__subcmd__info_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify cache info commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__completion_commands] )) ||
_kubectl-verify__subcmd__completion_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify completion commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__cronjobs_commands] )) ||
_kubectl-verify__subcmd__cronjobs_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify cronjobs commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__daemonsets_commands] )) ||
_kubectl-verify__subcmd__daemonsets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify daemonsets commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__deployments_commands] )) ||
_kubectl-verify__subcmd__deployments_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify deployments commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help_commands] )) ||
_kubectl-verify__subcmd__help_commands() {
    local commands; commands=(
'blob:Verify a file'\''s Sigstore signature (bundle, .sig + .cert, or key)' \
'image:Verify image signatures (cosign 2 \`.sig\` and cosign 3 bundles, keyless or key)' \
'manifests:Verify the signatures of every image in Kubernetes manifests' \
'pin:Pin image references in manifests to digests, rewriting only the image values' \
'policy:Explain how policy files (ours, policy-controller, Kyverno) are understood' \
'release:Verify every image and the chosen binaries of a Kubernetes release, from its signed SBOM' \
'tree:List everything attached to images\: signatures, attestations, SBOMs (listing, not verifying)' \
'pods:Verify the images pods run (the digest each node reports)' \
'deployments:Verify the images of deployments'\'' pod templates' \
'statefulsets:Verify the images of statefulsets'\'' pod templates' \
'daemonsets:Verify the images of daemonsets'\'' pod templates' \
'replicasets:Verify the images of replicasets'\'' pod templates' \
'jobs:Verify the images of jobs'\'' pod templates' \
'cronjobs:Verify the images of cronjobs'\'' pod templates' \
'all:Verify every pod (running digests) and every workload kind'\''s templates' \
'version:Print the version of kubectl verify and of its embedded Sigstore trusted root' \
'trust:Refresh the Sigstore trusted root through TUF (\`update\`), or show which one is used (\`info\`)' \
'cache:Show what the verification cache holds (\`info\`), or empty it (\`clear\`)' \
'completion:Print a shell completion script (bash, zsh, fish or powershell) for kubectl-verify' \
'__complete:kubectl'\''s plugin completion protocol (called by \`kubectl_complete-verify\`)' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-verify help commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd____complete_commands] )) ||
_kubectl-verify__subcmd__help__subcmd____complete_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help __complete commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__all_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__all_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help all commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__blob_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__blob_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help blob commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__cache_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__cache_commands() {
    local commands; commands=(
'info:Print where verification entries live, how many there are, their size and age' \
'clear:Remove every verification entry (the trusted root \`trust update\` fetched is kept)' \
    )
    _describe -t commands 'kubectl-verify help cache commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__cache__subcmd__clear_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__cache__subcmd__clear_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help cache clear commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__cache__subcmd__info_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__cache__subcmd__info_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help cache info commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__completion_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__completion_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help completion commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__cronjobs_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__cronjobs_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help cronjobs commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__daemonsets_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__daemonsets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help daemonsets commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__deployments_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__deployments_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help deployments commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__help_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help help commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__image_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__image_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help image commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__jobs_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__jobs_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help jobs commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__manifests_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__manifests_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help manifests commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__pin_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__pin_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help pin commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__pods_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__pods_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help pods commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__policy_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__policy_commands() {
    local commands; commands=(
'explain:Print how each document of policy files was understood\: the images each policy covers, where it applies, its authorities (identities, keys, trust root, transparency log), attestations, mode, \`static\`, and what is not supported' \
    )
    _describe -t commands 'kubectl-verify help policy commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__policy__subcmd__explain_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__policy__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help policy explain commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__release_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__release_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help release commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__replicasets_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__replicasets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help replicasets commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__statefulsets_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__statefulsets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help statefulsets commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__tree_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__tree_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help tree commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__trust_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__trust_commands() {
    local commands; commands=(
'update:Fetch the current Sigstore trusted root through TUF into the cache; later runs use it instead of the embedded one' \
'info:Print which trusted root verification uses, where it came from and until when TUF vouches for it' \
    )
    _describe -t commands 'kubectl-verify help trust commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__trust__subcmd__info_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__trust__subcmd__info_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help trust info commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__trust__subcmd__update_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__trust__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help trust update commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__help__subcmd__version_commands] )) ||
_kubectl-verify__subcmd__help__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify help version commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__image_commands] )) ||
_kubectl-verify__subcmd__image_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify image commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__jobs_commands] )) ||
_kubectl-verify__subcmd__jobs_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify jobs commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__manifests_commands] )) ||
_kubectl-verify__subcmd__manifests_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify manifests commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__pin_commands] )) ||
_kubectl-verify__subcmd__pin_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify pin commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__pods_commands] )) ||
_kubectl-verify__subcmd__pods_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify pods commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__policy_commands] )) ||
_kubectl-verify__subcmd__policy_commands() {
    local commands; commands=(
'explain:Print how each document of policy files was understood\: the images each policy covers, where it applies, its authorities (identities, keys, trust root, transparency log), attestations, mode, \`static\`, and what is not supported' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-verify policy commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__policy__subcmd__explain_commands] )) ||
_kubectl-verify__subcmd__policy__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify policy explain commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__policy__subcmd__help_commands] )) ||
_kubectl-verify__subcmd__policy__subcmd__help_commands() {
    local commands; commands=(
'explain:Print how each document of policy files was understood\: the images each policy covers, where it applies, its authorities (identities, keys, trust root, transparency log), attestations, mode, \`static\`, and what is not supported' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-verify policy help commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__policy__subcmd__help__subcmd__explain_commands] )) ||
_kubectl-verify__subcmd__policy__subcmd__help__subcmd__explain_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify policy help explain commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__policy__subcmd__help__subcmd__help_commands] )) ||
_kubectl-verify__subcmd__policy__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify policy help help commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__release_commands] )) ||
_kubectl-verify__subcmd__release_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify release commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__replicasets_commands] )) ||
_kubectl-verify__subcmd__replicasets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify replicasets commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__statefulsets_commands] )) ||
_kubectl-verify__subcmd__statefulsets_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify statefulsets commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__tree_commands] )) ||
_kubectl-verify__subcmd__tree_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify tree commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__trust_commands] )) ||
_kubectl-verify__subcmd__trust_commands() {
    local commands; commands=(
'update:Fetch the current Sigstore trusted root through TUF into the cache; later runs use it instead of the embedded one' \
'info:Print which trusted root verification uses, where it came from and until when TUF vouches for it' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-verify trust commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__trust__subcmd__help_commands] )) ||
_kubectl-verify__subcmd__trust__subcmd__help_commands() {
    local commands; commands=(
'update:Fetch the current Sigstore trusted root through TUF into the cache; later runs use it instead of the embedded one' \
'info:Print which trusted root verification uses, where it came from and until when TUF vouches for it' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'kubectl-verify trust help commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__trust__subcmd__help__subcmd__help_commands] )) ||
_kubectl-verify__subcmd__trust__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify trust help help commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__trust__subcmd__help__subcmd__info_commands] )) ||
_kubectl-verify__subcmd__trust__subcmd__help__subcmd__info_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify trust help info commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__trust__subcmd__help__subcmd__update_commands] )) ||
_kubectl-verify__subcmd__trust__subcmd__help__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify trust help update commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__trust__subcmd__info_commands] )) ||
_kubectl-verify__subcmd__trust__subcmd__info_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify trust info commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__trust__subcmd__update_commands] )) ||
_kubectl-verify__subcmd__trust__subcmd__update_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify trust update commands' commands "$@"
}
(( $+functions[_kubectl-verify__subcmd__version_commands] )) ||
_kubectl-verify__subcmd__version_commands() {
    local commands; commands=()
    _describe -t commands 'kubectl-verify version commands' commands "$@"
}

if [ "$funcstack[1]" = "_kubectl-verify" ]; then
    _kubectl-verify "$@"
else
    compdef _kubectl-verify kubectl-verify
fi
