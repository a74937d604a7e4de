//! Writing values into gazetteer files, for `check --fix` and for tools that print YAML stubs: a
//! value is written plain when YAML reads it back as the same string, double-quoted otherwise.

/// `text` as a YAML scalar that reads back as the same string: plain when that is safe (names are),
/// double-quoted otherwise, so that no value turns into a number, a boolean (in YAML 1.1 readers
/// too) or broken syntax.
///
/// # Examples
///
/// ```
/// assert_eq!(rasid::yaml_scalar("جبهة النصرة"), "جبهة النصرة");
/// assert_eq!(rasid::yaml_scalar("313"), "\"313\"");
/// ```
pub fn yaml_scalar(text: &str) -> String {
    if plain_is_safe(text) {
        text.to_owned()
    } else {
        double_quoted(text)
    }
}

pub(crate) fn plain_is_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let awkward = "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with([':', ' '])
        || text.chars().any(|c| c.is_control());
    // YAML 1.1 readers (PyYAML, say) take these for booleans.
    let boolean_1_1 = matches!(
        text.to_ascii_lowercase().as_str(),
        "yes" | "no" | "on" | "off" | "y" | "n"
    );
    !awkward
        && !boolean_1_1
        && serde_yaml::from_str::<serde_yaml::Value>(text).ok()
            == Some(serde_yaml::Value::String(text.to_owned()))
}

pub(crate) fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_themselves() {
        let rows = [
            ("arabic name", "جبهة النصرة", "جبهة النصرة"),
            ("number", "313", "\"313\""),
            ("yaml 1.1 boolean", "no", "\"no\""),
            ("colon", "a: b", "\"a: b\""),
            ("leading quote", "\"x", "\"\\\"x\""),
            ("control character", "a\u{1}", "\"a\\u0001\""),
            ("empty", "", "\"\""),
        ];
        let mut names: Vec<&str> = rows.iter().map(|r| r.0).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), rows.len(), "row names are unique");
        for (name, value, expected) in rows {
            let written = yaml_scalar(value);
            assert_eq!(written, expected, "{name}");
            let read: String = serde_yaml::from_str(&written).expect("valid YAML");
            assert_eq!(read, value, "{name} reads back");
        }
    }
}
