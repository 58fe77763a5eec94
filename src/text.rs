//! Bounded excerpts of text we do not control (a server's message, a file's line, a value a
//! condition read): messages quote at most a fixed number of bytes, cut at a character
//! boundary, so a hostile value is never echoed whole.

/// At most `max` bytes of `s`, cut at a character boundary.
pub fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most `max` bytes of `s`, with `…` when something was cut.
pub fn clip(s: &str, max: usize) -> String {
    let kept = prefix(s, max);
    if kept.len() == s.len() {
        s.to_owned()
    } else {
        format!("{kept}…")
    }
}

/// [`clip`], quoted as Rust debug-formats a string (control characters escaped).
pub fn clip_quoted(s: &str, max: usize) -> String {
    let kept = prefix(s, max);
    if kept.len() == s.len() {
        format!("{s:?}")
    } else {
        format!("{kept:?}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_character_boundaries() {
        assert_eq!(prefix("héllo", 2), "h");
        assert_eq!(clip("héllo", 3), "hé…");
        assert_eq!(clip("hello", 5), "hello");
        assert_eq!(clip_quoted("a\nb", 10), "\"a\\nb\"");
        assert_eq!(clip_quoted("abcdef", 3), "\"abc\"…");
    }
}
