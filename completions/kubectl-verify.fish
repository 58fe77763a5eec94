# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kubectl_verify_global_optspecs
    string join \n color= v/verbose h/help V/version
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
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -s v -l verbose -d 'Print a line per reference (repeat for more detail)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "blob" -d 'Verify a file\'s Sigstore signature (bundle, .sig + .cert, or key)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "image" -d 'Verify image signatures (cosign 2 `.sig` and cosign 3 bundles, keyless or key)'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "manifests" -d 'Verify the signatures of every image in Kubernetes manifests'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "pin" -d 'Pin image references in manifests to digests, rewriting only the image values'
complete -c kubectl-verify -n "__fish_kubectl_verify_needs_command" -f -a "completion" -d 'Print a shell completion script (bash, zsh or fish) for kubectl-verify'
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
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l profile -d 'Expect the signer of a known publisher instead of giving identity flags' -r -f -a "kubernetes-release\t'Kubernetes release binaries: signed keylessly by krel-staging@k8s-releng-prod.iam.gserviceaccount.com (issuer https://accounts.google.com)'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l rekor-url -d 'Look up the Rekor entry of a .sig + .cert online (opt-in; default URL https://rekor.sigstore.dev when given without a value)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -s o -l output -d 'Output format' -r -f -a "text\t'A short report ending in `Verified OK` on success'
json\t''
yaml\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l timeout -d 'Give up on a download after this long (e.g. 30s, 2m)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -s v -l verbose -d 'Print a line per reference (repeat for more detail)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand blob" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l concurrency -d 'How many images are verified at once' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -s v -l verbose -d 'Print a line per reference (repeat for more detail)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand image" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l concurrency -d 'How many images are verified at once' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people'
json\t'JSON, schema `ImageVerificationReport` v1 (see README)'
yaml\t'The same document as YAML'"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s R -l recursive -d 'Look into subdirectories for .yaml, .yml and .json files'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s v -l verbose -d 'Print a line per reference (repeat for more detail)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand manifests" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l key -d 'Require a signature by this public key (PEM: ECDSA P-256/P-384, RSA or Ed25519)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l certificate-identity -d 'Require a keyless signature whose certificate names exactly this identity (SAN email or URI). Needs --certificate-oidc-issuer[-regexp]' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l certificate-identity-regexp -d 'Like --certificate-identity, with a regular expression that must match the WHOLE identity (anchored, unlike cosign\'s)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l certificate-oidc-issuer -d 'The OIDC issuer the certificate must name exactly, e.g. https://accounts.google.com' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l certificate-oidc-issuer-regexp -d 'Like --certificate-oidc-issuer, with an anchored regular expression' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l trusted-root -d 'Use this Sigstore trusted_root.json instead of the embedded public-good root' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l policy -d 'A policy file: image globs → authorities, count (M-of-N), mode enforce|warn' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l signature-repository -d 'Look for signatures in this repository instead of the image\'s (as cosign\'s COSIGN_REPOSITORY)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l concurrency -d 'How many images are verified at once' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l registry-mirror -d 'Look up SRC\'s images at DST instead, keeping their spelling (repeatable), e.g. `docker.io=mirror.local:5000` or `registry.k8s.io=127.0.0.1:5000/k8s`' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l insecure-registry -d 'Use plain HTTP, or HTTPS without certificate checks, for this host only (repeatable)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l registry-ca -d 'Trust this extra CA certificate (PEM) for registry TLS (repeatable)' -r -F
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l timeout -d 'Give up on a registry request after this long (e.g. 30s, 2m, 500ms)' -r
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s R -l recursive -d 'Look into subdirectories for .yaml, .yml and .json files'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l keep-tag -d 'Write `repo:tag@sha256:…` instead of `repo@sha256:…`'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l dry-run -d 'Print a unified diff of the changes instead of writing them'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l verify -d 'Pin only references whose signature verifies (identity flags, --key, --policy and the built-in policy, as for `kubectl verify image`), writing exactly the digest that verified; the others are reported and their files left unchanged'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l insecure-ignore-tlog -d 'INSECURE: accept signatures without a verified transparency log entry'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l insecure-ignore-sct -d 'INSECURE: do not require the certificate\'s SCT to verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l no-builtin-policy -d 'Do not hold registry.k8s.io images to the Kubernetes release identity by default'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -l allow-unmatched -d 'Report images no policy or flag covers as `no-policy` without failing the run'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s v -l verbose -d 'Print a line per reference (repeat for more detail)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand pin" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand completion" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand completion" -s v -l verbose -d 'Print a line per reference (repeat for more detail)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand completion" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand __complete" -l color -d 'When to colour the output (NO_COLOR is honoured with `auto`)' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t''
never\t''"
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand __complete" -s v -l verbose -d 'Print a line per reference (repeat for more detail)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand __complete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand __complete" -s V -l version -d 'Print version'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin completion __complete help" -f -a "blob" -d 'Verify a file\'s Sigstore signature (bundle, .sig + .cert, or key)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin completion __complete help" -f -a "image" -d 'Verify image signatures (cosign 2 `.sig` and cosign 3 bundles, keyless or key)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin completion __complete help" -f -a "manifests" -d 'Verify the signatures of every image in Kubernetes manifests'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin completion __complete help" -f -a "pin" -d 'Pin image references in manifests to digests, rewriting only the image values'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin completion __complete help" -f -a "completion" -d 'Print a shell completion script (bash, zsh or fish) for kubectl-verify'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin completion __complete help" -f -a "__complete" -d 'kubectl\'s plugin completion protocol (called by `kubectl_complete-verify`)'
complete -c kubectl-verify -n "__fish_kubectl_verify_using_subcommand help; and not __fish_seen_subcommand_from blob image manifests pin completion __complete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
