#!/usr/bin/env python3
"""Writes the release SBOM fixtures of tests/it/release.rs (see README.md beside this file).

    python3 tests/data/release/generate.py

Deterministic: layer digests are sha256 of a seed string, timestamps and namespaces fixed.
"""
import hashlib
import os

VERSION = "v1.35.0"
ARCHES = ["amd64", "arm", "arm64", "ppc64le", "s390x"]
IMAGES = [
    "conformance",
    "kube-apiserver",
    "kube-controller-manager",
    "kube-proxy",
    "kube-scheduler",
    "kubectl",
]
HERE = os.path.dirname(os.path.abspath(__file__))


def h(seed, algo="sha256"):
    return hashlib.new(algo, seed.encode()).hexdigest()


def spdx_id(*seeds):
    # bom's buildIDString: '/' and ':' become '-', seeds joined with '-'.
    return "-".join(s.replace("/", "-").replace(":", "-") for s in seeds)


def header(name):
    return f"""SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: {name}
DocumentNamespace: https://sbom.k8s.io/{VERSION}/release
Creator: Organization: Kubernetes Release Engineering
Creator: Tool: sigs.k8s.io/bom/pkg/spdx
Created: 2025-12-17T17:02:39Z

"""


def image_block(ref, layers=3):
    pid = spdx_id("SPDXRef-Package", ref)
    out = [
        f"##### Package: {ref}\n",
        f"PackageName: {ref}",
        f"SPDXID: {pid}",
        "PackageDownloadLocation: NONE",
        "FilesAnalyzed: false",
        "PackageLicenseConcluded: NOASSERTION",
        "PackageLicenseDeclared: NOASSERTION",
        "PackageCopyrightText: NOASSERTION",
        "",
    ]
    rels = [f"Relationship: SPDXRef-DOCUMENT DESCRIBES {pid}"]
    for i in range(layers):
        digest = h(f"{ref} layer {i}")
        layer = f"sha256:{digest}"
        lid = spdx_id("SPDXRef-Package", ref, layer)
        out += [
            f"##### Package: {layer}\n",
            f"PackageName: {layer}",
            f"SPDXID: {lid}",
            f"PackageChecksum: SHA1: {h(layer, 'sha1')}",
            f"PackageChecksum: SHA256: {digest}",
            f"PackageChecksum: SHA512: {h(layer, 'sha512')}",
            "PackageDownloadLocation: NONE",
            "FilesAnalyzed: false",
            "PackageLicenseConcluded: NOASSERTION",
            f"PackageFileName: {layer}",
            "PackageLicenseDeclared: NOASSERTION",
            "PackageCopyrightText: NOASSERTION",
            "",
        ]
        rels.append(f"Relationship: {pid} CONTAINS {lid}")
    return "\n".join(out) + "\n" + "\n".join(rels) + "\n\n"


def tarballs():
    out = []
    for name in ["kubernetes.tar.gz", "kubernetes-src.tar.gz", "kubernetes-client-linux-amd64.tar.gz"]:
        fid = spdx_id("SPDXRef-File", name)
        out += [
            f"FileName: {name}",
            f"SPDXID: {fid}",
            f"FileChecksum: SHA1: {h(name, 'sha1')}",
            f"FileChecksum: SHA256: {h(name)}",
            f"FileChecksum: SHA512: {h(name, 'sha512')}",
            "LicenseConcluded: NOASSERTION",
            "LicenseInfoInFile: NOASSERTION",
            "FileCopyrightText: NOASSERTION",
            "",
            f"Relationship: SPDXRef-DOCUMENT DESCRIBES {fid}",
            "",
        ]
    return "\n".join(out)


def release_images():
    return [f"registry.k8s.io/{image}-{arch}:{VERSION}" for arch in ARCHES for image in IMAGES]


def write(name, text):
    with open(os.path.join(HERE, name), "w") as f:
        f.write(text)


def main():
    body = "".join(image_block(ref) for ref in release_images())
    write(f"kubernetes-{VERSION}.spdx", header(f"kubernetes-{VERSION}") + body + tarballs())
    # The same release with three images whose names the docs' recipe mangles.
    extra = [
        "registry.k8s.io/build-image/go-runner-amd64:v2.4.0-go1.25.5",
        f"registry.k8s.io/kube-v1alpha-shim-amd64:{VERSION}",
        "registry.k8s.io/etcd-amd64:3.6.5-0",
    ]
    body += "".join(image_block(ref, layers=1) for ref in extra)
    write("mangled-names.spdx", header(f"kubernetes-{VERSION}-mangled") + body + tarballs())
    # A package block with no SPDXID: not SPDX.
    broken = image_block(f"registry.k8s.io/kube-proxy-amd64:{VERSION}", layers=1).replace(
        f"SPDXID: {spdx_id('SPDXRef-Package', f'registry.k8s.io/kube-proxy-amd64:{VERSION}')}\n", "", 1
    )
    write("malformed-block.spdx", header(f"kubernetes-{VERSION}-malformed") + broken)


if __name__ == "__main__":
    main()
