# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kubectl_verify_global_optspecs
    string join \n color= v/v= h/help V/version
end

function __fish_kubectl_verify_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_kubectl_verify_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_kubectl_verify_using_subcommand
    set -l cmd (__fish_kubectl_verify_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "blob" -d 'Verify a file\'s Sigstore signature (bundle, .sig + .cert, or key)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "image" -d 'Verify image signatures (cosign 2 `.sig` and cosign 3 bundles, keyless or key)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "manifests" -d 'Verify the signatures of every image in Kubernetes manifests'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "pin" -d 'Pin image references in manifests to digests, rewriting only the image values'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "policy" -d 'Explain how policy files (ours, policy-controller, Kyverno) are understood'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "release" -d 'Verify every image and the chosen binaries of a Kubernetes release, from its signed SBOM'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "tree" -d 'List everything attached to images: signatures, attestations, SBOMs (listing, not verifying)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "pods" -d 'Verify the images pods run (the digest each node reports)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "po" -d 'Verify the images pods run (the digest each node reports)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "pod" -d 'Verify the images pods run (the digest each node reports)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "deployments" -d 'Verify the images of deployments\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "deploy" -d 'Verify the images of deployments\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "deployment" -d 'Verify the images of deployments\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "statefulsets" -d 'Verify the images of statefulsets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "sts" -d 'Verify the images of statefulsets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "statefulset" -d 'Verify the images of statefulsets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "daemonsets" -d 'Verify the images of daemonsets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "ds" -d 'Verify the images of daemonsets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "daemonset" -d 'Verify the images of daemonsets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "replicasets" -d 'Verify the images of replicasets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "rs" -d 'Verify the images of replicasets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "replicaset" -d 'Verify the images of replicasets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "jobs" -d 'Verify the images of jobs\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "job" -d 'Verify the images of jobs\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "cronjobs" -d 'Verify the images of cronjobs\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "cj" -d 'Verify the images of cronjobs\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "cronjob" -d 'Verify the images of cronjobs\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "all" -d 'Verify every pod (running digests) and every workload kind\'s templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "version" -d 'Print the version of kubectl verify and of its embedded Sigstore trusted root'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "trust" -d 'Refresh the Sigstore trusted root through TUF (`update`), or show which one is used (`info`)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "cache" -d 'Show what the verification cache holds (`info`), or empty it (`clear`)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "completion" -d 'Print a shell completion script (bash, zsh, fish or powershell) for kubectl-verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "__complete" -d 'kubectl\'s plugin completion protocol (called by `kubectl_complete-verify`)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l bundle -d 'Sigstore bundle (v0.1, v0.2, v0.3; message signature or DSSE), file or https URL' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l signature -d 'Detached signature (base64 of DER, as cosign writes .sig files), file or https URL' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l certificate -d 'Signing certificate for --signature (PEM, or base64 of PEM), file or https URL' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l profile -d 'Expect the signer of a known publisher instead of giving identity flags' -r -f -a "kubernetes-release\t'Kubernetes release binaries: signed keylessly by krel-staging@k8s-releng-prod.iam.gserviceaccount.com (issuer https://accounts.google.com)'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l attestation-type -d 'Verify the --bundle as an attestation of this type about the file (npm, PyPI, GitHub release provenance): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. A statement subject must name the file\'s digest (sha256 or sha512)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l attestation-condition -d 'A CEL expression that must be true of the --attestation-type statement (repeatable), over `predicateType`, `predicate`, `subject` and `statement`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l rekor-url -d 'Look up the Rekor entry of a .sig + .cert online, at this Rekor (`--rekor-url URL` or `--rekor-url=URL`, as cosign). Alone, it means --tlog-lookup' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -s o -l output -d 'Output format' -r -f -a "text\t'A short report ending in `Verified OK` on success'
json\t''
yaml\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l timeout -d 'Give up on a download after this long (e.g. 30s, 2m)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l tlog-lookup -d 'Look up the Rekor entry of a .sig + .cert online at https://rekor.sigstore.dev (opt-in)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s f -l filename -d 'A manifest file, directory, pipe or `-` (repeatable), as `kubectl apply -f`; read before the positional paths' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l max-input-size -d 'Refuse any input (file, pipe or stdin) larger than this: 64Mi, 1Gi, 500k, or bytes' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s R -l recursive -d 'Look into subdirectories for .yaml, .yml and .json files'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s f -l filename -d 'A manifest file, directory or `-` (repeatable), as `kubectl apply -f`; read before the positional paths' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l max-input-size -d 'Refuse any input (file, pipe or stdin) larger than this: 64Mi, 1Gi, 500k, or bytes' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s R -l recursive -d 'Look into subdirectories for .yaml, .yml and .json files'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l keep-tag -d 'Write `repo:tag@sha256:…` instead of `repo@sha256:…`'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l dry-run -d 'Print a unified diff of the changes instead of writing them'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l verify -d 'Pin only references whose signature verifies (identity flags, --key, --policy and the built-in policy, as for `kubectl verify image`), writing exactly the digest that verified; the others are reported and their files left unchanged'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and not __fish_seen_subcommand_from explain help" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and not __fish_seen_subcommand_from explain help" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and not __fish_seen_subcommand_from explain help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and not __fish_seen_subcommand_from explain help" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and not __fish_seen_subcommand_from explain help" -f -a "explain" -d 'Print how each document of policy files was understood: the images each policy covers, where it applies, its authorities (identities, keys, trust root, transparency log), attestations, mode, `static`, and what is not supported'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and not __fish_seen_subcommand_from explain help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and __fish_seen_subcommand_from explain" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and __fish_seen_subcommand_from explain" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and __fish_seen_subcommand_from explain" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and __fish_seen_subcommand_from explain" -l skip-unsupported -d 'Show what is not supported as `unsupported` policies instead of stopping at it'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and __fish_seen_subcommand_from explain" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Print how each document of policy files was understood: the images each policy covers, where it applies, its authorities (identities, keys, trust root, transparency log), attestations, mode, `static`, and what is not supported'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l platform -d 'Only this platform\'s images and binaries (repeatable), e.g. linux/amd64; default: every platform the SBOM lists' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l binaries -d 'The binaries to download and verify for each platform, comma-separated (an empty value for none)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l sbom -d 'Read the SBOM from this file or https URL, with its .sig and .cert beside it' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l sbom-url-base -d 'Where release SBOMs are published (https only)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l dl-url-base -d 'Where binaries, signatures, provenance and version markers are published (https only; a redirect may not leave https)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l download-ca -d 'Trust this extra CA certificate (PEM) for the --dl-url-base, --sbom-url-base and --sbom hosts (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l download-dir -d 'Keep the binaries that verified as DIR/OS/ARCH/NAME (written only once verified, by an atomic rename); otherwise they are hashed as they stream and dropped' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l download-timeout -d 'Give up on one binary download after this long' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l rekor-url -d 'Look up the Rekor entries of the .sig + .cert pairs online, at this Rekor (`--rekor-url URL` or `--rekor-url=URL`, as cosign); without it or --tlog-lookup they are `tlog-missing`. Alone, it means --tlog-lookup' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, one line per artifact'
json\t'JSON, schema `ReleaseVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table with full digests'
name\t'One line per artifact: `KIND/NAME` (images pinned to their digest)'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l insecure-unsigned-sbom -d 'INSECURE: go on when the SBOM\'s signature does not verify (its line still fails)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l tlog-lookup -d 'Look up the Rekor entries online at https://rekor.sigstore.dev (opt-in)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l no-headers -d 'Leave out the table\'s header line and summary line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand release" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -s o -l output -d 'Output format' -r -f -a "tree\t'A tree for people'
json\t'JSON, schema `AttachmentTree` v1 (see README)'
yaml\t'The same document as YAML'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l verify -d 'Also verify each image\'s signature under the verification flags and policy below, as `kubectl verify image` does, and show its verdict'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand tree" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pods" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand po" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pod" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployments" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deploy" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand deployment" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulsets" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand sts" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand statefulset" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonsets" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand ds" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand daemonset" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicasets" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand rs" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand replicaset" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand jobs" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand job" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjobs" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cj" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cronjob" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -s n -l namespace -d 'The namespace (default: the context\'s namespace, else `default`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -s l -l selector -d 'Label selector, e.g. `-l app=web,tier!=cache` or `-l \'env in (prod)\'`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l field-selector -d 'Field selector, e.g. `--field-selector spec.nodeName=node-1`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l context -d 'The kubeconfig context to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l kubeconfig -d 'Path to the kubeconfig file (instead of KUBECONFIG or ~/.kube/config)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l cluster -d 'The kubeconfig cluster to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l user -d 'The kubeconfig user to use' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l as -d 'Impersonate this user' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l as-group -d 'Impersonate this group (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l request-timeout -d 'The longest one API request may take (`0`: no limit; `30s`, `1m`)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the one `kubectl verify trust update` cached, or the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l attestation-type -d 'Verify an attestation of this type instead of the image signature (repeatable): one of cosign\'s names slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, vuln, openvex, custom, or a predicate-type URI. Signed by the --key or --certificate-identity signer, and naming the image digest' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l attestation-condition -d 'A CEL expression that must be true of each --attestation-type attestation (repeatable), over `predicateType`, `predicate`, `subject` and `statement`, e.g. \'predicate.buildDefinition.externalParameters.workflow.repository == "https://github.com/acme/app"\'' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn; or admission policies (policy-controller ClusterImagePolicy, Kyverno ClusterPolicy …)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l profile -d 'Require more of some images, beside who signed them (opt-in; repeatable)' -r -f -a "kubernetes-vsa\t'registry.k8s.io images must also carry the image promoter\'s SLSA verification summary (https://slsa.dev/verification_summary/v1), signed by promoter-summaries@k8s-releng-prod.iam.gserviceaccount.com, with verificationResult PASSED, on the digest verified or the index that lists it'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l concurrency -d 'Registry requests in flight at once, per registry (as curl\'s --parallel-max); 4 × N images are verified at once to keep them busy' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l cache-ttl -d 'Reuse a `verified` result from the verification cache for this long (e.g. 24h, 30m; at most 24h); 0 turns the cache off. Entries are keyed by the digest, the policy and flags that applied, the trusted root and this version' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'
wide\t'The table, with every use of each image (`ns/kind/name[container]`, `file:line`)'
name\t'One line per image: the reference pinned to the digest it resolved to'
policyreport\t'`wgpolicyk8s.io/v1alpha2` PolicyReports (one per namespace) and a ClusterPolicyReport (cluster-scoped objects, files, arguments), for `kubectl apply -f -`'
openreports\t'The same as `openreports.io/v1alpha1` Reports and a ClusterReport'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l drift -d 'Also report running digests their tag no longer resolves to (one lookup per tag)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -s A -l all-namespaces -d 'Every namespace (one cluster-wide list per kind)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l all-contexts -d 'Every context of the kubeconfig, one after the other; a cluster that fails is an error line (exit 2) and the others still run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l require-signature -d 'With --attestation-type: require the image signature by the same signer as well'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l skip-unsupported -d 'Turn what a --policy file uses that kubectl-verify does not evaluate (a KMS key, a CUE or Rego policy, …) into the failing verdict `unsupported` for the images it applies to, instead of an error'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l no-cache -d 'Neither read nor write the verification cache (as --cache-ttl 0)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l no-headers -d 'Do not print the table\'s header line (as kubectl\'s --no-headers)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -l policy-from-cluster -d 'Also evaluate the admission policies installed in the cluster (kubeconfig\'s current context): Kyverno ClusterPolicies, Policies and ImageValidatingPolicies, sigstore policy-controller ClusterImagePolicies and TrustRoots. A kind the cluster does not have, or that RBAC forbids listing, is one warning'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand all" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand version" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand version" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand version" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and not __fish_seen_subcommand_from update info help" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and not __fish_seen_subcommand_from update info help" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and not __fish_seen_subcommand_from update info help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and not __fish_seen_subcommand_from update info help" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and not __fish_seen_subcommand_from update info help" -f -a "update" -d 'Fetch the current Sigstore trusted root through TUF into the cache; later runs use it instead of the embedded one'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and not __fish_seen_subcommand_from update info help" -f -a "info" -d 'Print which trusted root verification uses, where it came from and until when TUF vouches for it'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and not __fish_seen_subcommand_from update info help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from update" -l tuf-url -d 'The TUF repository (metadata at URL/, targets at URL/targets/; https only)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from update" -l tuf-root -d 'Trust this TUF root.json to start from instead of the embedded production one (for the TUF repository of a private Sigstore deployment)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from update" -l tuf-ca -d 'Trust this extra CA certificate (PEM) for the TUF repository\'s TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from update" -l timeout -d 'Give up on a request to the repository after this long' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from update" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from update" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from info" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from info" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "update" -d 'Fetch the current Sigstore trusted root through TUF into the cache; later runs use it instead of the embedded one'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "info" -d 'Print which trusted root verification uses, where it came from and until when TUF vouches for it'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and not __fish_seen_subcommand_from info clear help" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and not __fish_seen_subcommand_from info clear help" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and not __fish_seen_subcommand_from info clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and not __fish_seen_subcommand_from info clear help" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and not __fish_seen_subcommand_from info clear help" -f -a "info" -d 'Print where verification entries live, how many there are, their size and age'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and not __fish_seen_subcommand_from info clear help" -f -a "clear" -d 'Remove every verification entry (the trusted root `trust update` fetched is kept)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and not __fish_seen_subcommand_from info clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from info" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from info" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from clear" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from clear" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "info" -d 'Print where verification entries live, how many there are, their size and age'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove every verification entry (the trusted root `trust update` fetched is kept)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand completion" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand completion" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand completion" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand __complete" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand __complete" -s v -l v -d 'Log to stderr, as kubectl\'s -v: 1 a line per reference, 2 each image\'s steps (resolve, where signatures were looked for and what was found), 6 every HTTP request (method, URL, status, time), 8 with headers. Credentials are never printed. `-v` alone is 1; `-v=6`, `-v 6`, `--v=6` and `--v 6` are level 6' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand __complete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand __complete" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "blob" -d 'Verify a file\'s Sigstore signature (bundle, .sig + .cert, or key)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "image" -d 'Verify image signatures (cosign 2 `.sig` and cosign 3 bundles, keyless or key)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "manifests" -d 'Verify the signatures of every image in Kubernetes manifests'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "pin" -d 'Pin image references in manifests to digests, rewriting only the image values'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "policy" -d 'Explain how policy files (ours, policy-controller, Kyverno) are understood'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "release" -d 'Verify every image and the chosen binaries of a Kubernetes release, from its signed SBOM'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "tree" -d 'List everything attached to images: signatures, attestations, SBOMs (listing, not verifying)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "pods" -d 'Verify the images pods run (the digest each node reports)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "deployments" -d 'Verify the images of deployments\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "statefulsets" -d 'Verify the images of statefulsets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "daemonsets" -d 'Verify the images of daemonsets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "replicasets" -d 'Verify the images of replicasets\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "jobs" -d 'Verify the images of jobs\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "cronjobs" -d 'Verify the images of cronjobs\' pod templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "all" -d 'Verify every pod (running digests) and every workload kind\'s templates'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "version" -d 'Print the version of kubectl verify and of its embedded Sigstore trusted root'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "trust" -d 'Refresh the Sigstore trusted root through TUF (`update`), or show which one is used (`info`)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "cache" -d 'Show what the verification cache holds (`info`), or empty it (`clear`)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "completion" -d 'Print a shell completion script (bash, zsh, fish or powershell) for kubectl-verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "__complete" -d 'kubectl\'s plugin completion protocol (called by `kubectl_complete-verify`)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin policy release tree pods deployments statefulsets daemonsets replicasets jobs cronjobs all version trust cache completion __complete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "explain" -d 'Print how each document of policy files was understood: the images each policy covers, where it applies, its authorities (identities, keys, trust root, transparency log), attestations, mode, `static`, and what is not supported'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "update" -d 'Fetch the current Sigstore trusted root through TUF into the cache; later runs use it instead of the embedded one'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "info" -d 'Print which trusted root verification uses, where it came from and until when TUF vouches for it'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "info" -d 'Print where verification entries live, how many there are, their size and age'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Remove every verification entry (the trusted root `trust update` fetched is kept)'
