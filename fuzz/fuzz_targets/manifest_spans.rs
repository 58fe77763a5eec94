//! The YAML/JSON reader with byte spans: `decode` + `load` + `images` never panic; every image
//! span lies inside the text at character boundaries and the text there holds the value; the
//! reader never reports its own span bookkeeping as wrong (`SpanMismatch`).
#![no_main]

use kubectl_verify::manifest::{self, Form, ManifestError, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = manifest::decode(data) else {
        return;
    };
    let Ok(Source::Manifest(m)) = manifest::load(text) else {
        return;
    };
    let _ = m.documents();
    let images = match m.images() {
        Ok(images) => images,
        Err(e @ ManifestError::SpanMismatch { .. }) => panic!("{e}"),
        Err(_) => return,
    };
    for site in images {
        let span = site.span.clone();
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} outside the text"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(m.position(span.start), site.at);
        let written = &text[span];
        let Some(value) = site.value.as_deref() else {
            continue;
        };
        match site.form {
            Form::Plain => assert_eq!(written, value),
            Form::SingleQuoted => {
                assert!(written.starts_with('\'') && written.ends_with('\'') && written.len() >= 2);
                assert_eq!(written[1..written.len() - 1].replace("''", "'"), value);
            }
            Form::DoubleQuoted => {
                assert!(written.starts_with('"') && written.ends_with('"') && written.len() >= 2);
                let inner = &written[1..written.len() - 1];
                assert!(
                    inner.contains('\\') || inner == value,
                    "{written:?} vs {value:?}"
                );
            }
            Form::Block => assert_eq!(written, value),
            Form::MultiLine => {}
        }
    }
});
