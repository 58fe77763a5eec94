//! What a node runs: the `imageID` of a pod's container statuses, in each runtime's spelling.
//!
//! | runtime                                  | `imageID`                                   | meaning          |
//! |------------------------------------------|---------------------------------------------|------------------|
//! | containerd (pulled)                      | `docker.io/library/nginx@sha256:…`          | index or manifest digest |
//! | dockershim / cri-dockerd                 | `docker-pullable://nginx@sha256:…`          | manifest digest  |
//! | kind-loaded images, CRI-O, local builds  | `sha256:…` (or `docker://sha256:…`)         | image **config** digest |
//!
//! The repository in an `imageID` is informational only: signatures are looked for in the
//! spec image's repository (the one policies match and mirrors move).

use crate::check::Running;
use crate::reference::Digest;
use crate::workload::Field;

/// The `imageID` the pod's status reports for `container` of `field`, if any (empty strings
/// are "not yet").
pub fn image_id(pod: &serde_json::Value, field: Field, container: Option<&str>) -> Option<String> {
    let list = match field {
        Field::Container => "containerStatuses",
        Field::InitContainer => "initContainerStatuses",
        Field::EphemeralContainer => "ephemeralContainerStatuses",
        Field::ImageVolume => return None,
    };
    let container = container?;
    pod.get("status")?
        .get(list)?
        .as_array()?
        .iter()
        .find(|s| s.get("name").and_then(serde_json::Value::as_str) == Some(container))?
        .get("imageID")?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// What an `imageID` says runs.
pub fn parse(image_id: &str) -> Running {
    let id = image_id
        .strip_prefix("docker-pullable://")
        .or_else(|| image_id.strip_prefix("docker://"))
        .unwrap_or(image_id);
    if let Some((_, digest)) = id.rsplit_once('@') {
        return match Digest::parse(digest) {
            Ok(d) => Running::Digest(d),
            Err(_) => Running::Unrecognised(image_id.to_owned()),
        };
    }
    match Digest::parse(id) {
        Ok(d) => Running::Config(d),
        Err(_) => Running::Unrecognised(image_id.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn every_runtime_spelling() {
        let d = |s: &str| Digest::parse(s).unwrap();
        let sha = format!("sha256:{H}");
        let table: Vec<(String, Running)> = vec![
            (
                format!("registry.k8s.io/etcd@{sha}"),
                Running::Digest(d(&sha)),
            ),
            (
                format!("docker.io/library/nginx@{sha}"),
                Running::Digest(d(&sha)),
            ),
            (
                format!("docker-pullable://nginx@{sha}"),
                Running::Digest(d(&sha)),
            ),
            (
                format!("docker-pullable://127.0.0.1:5000/a/b@{sha}"),
                Running::Digest(d(&sha)),
            ),
            (sha.clone(), Running::Config(d(&sha))),
            (format!("docker://{sha}"), Running::Config(d(&sha))),
            (
                "docker://nginx:latest".to_owned(),
                Running::Unrecognised("docker://nginx:latest".to_owned()),
            ),
            (
                "nginx@sha256:short".to_owned(),
                Running::Unrecognised("nginx@sha256:short".to_owned()),
            ),
        ];
        for (id, want) in table {
            assert_eq!(parse(&id), want, "{id}");
        }
    }

    #[test]
    fn statuses_are_matched_by_name_and_field() {
        let pod = serde_json::json!({
            "status": {
                "containerStatuses": [
                    {"name": "a", "imageID": "x@sha256:1"},
                    {"name": "b", "imageID": ""}
                ],
                "initContainerStatuses": [{"name": "a", "imageID": "init"}],
            }
        });
        assert_eq!(
            image_id(&pod, Field::Container, Some("a")).as_deref(),
            Some("x@sha256:1")
        );
        assert_eq!(image_id(&pod, Field::Container, Some("b")), None);
        assert_eq!(image_id(&pod, Field::Container, Some("c")), None);
        assert_eq!(
            image_id(&pod, Field::InitContainer, Some("a")).as_deref(),
            Some("init")
        );
        assert_eq!(image_id(&pod, Field::EphemeralContainer, Some("a")), None);
        assert_eq!(image_id(&pod, Field::ImageVolume, Some("a")), None);
    }
}
