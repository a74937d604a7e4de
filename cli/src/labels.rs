//! `--label`: the user's labels matched to the gazetteer's, whatever their case. An unknown label is
//! an error naming the known ones: a filter that matches nothing would otherwise give an empty table
//! and no hint (`--label place`, `--label PLACES`).

use super::Failure;

/// The gazetteer's spelling of every label in `asked`, matched without regard to case.
///
/// # Errors
///
/// A one-line message for the first label that matches none of `known`, listing them.
pub(crate) fn resolve<S: AsRef<str>>(
    asked: &[String],
    known: &[S],
) -> Result<Vec<String>, Failure> {
    asked
        .iter()
        .map(|label| {
            known
                .iter()
                .map(AsRef::as_ref)
                .find(|k| k.to_lowercase() == label.to_lowercase())
                .map(str::to_owned)
                .ok_or_else(|| {
                    let known: Vec<&str> = known.iter().map(AsRef::as_ref).collect();
                    Failure::trouble(format!(
                        "unknown label \"{label}\": expected one of {}",
                        known.join(", ")
                    ))
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_without_case_and_unknown_ones_fail() {
        let known = ["PLACE", "ARMED_GROUP"];
        // (row name, asked, resolved or the error)
        type Case<'a> = (&'a str, &'a [&'a str], Result<Vec<&'a str>, &'a str>);
        let cases: [Case<'_>; 4] = [
            ("none", &[], Ok(vec![])),
            ("as written", &["PLACE"], Ok(vec!["PLACE"])),
            (
                "lower case",
                &["place", "Armed_Group"],
                Ok(vec!["PLACE", "ARMED_GROUP"]),
            ),
            (
                "plural",
                &["PLACES"],
                Err("unknown label \"PLACES\": expected one of PLACE, ARMED_GROUP"),
            ),
        ];
        for (name, asked, expected) in cases {
            let asked: Vec<String> = asked.iter().map(|s| s.to_string()).collect();
            let got = resolve(&asked, &known).map_err(|e| match e {
                Failure::Message(lines, _) => lines.join("\n"),
                Failure::BrokenPipe => String::new(),
            });
            let expected = expected
                .map(|v| v.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .map_err(str::to_owned);
            assert_eq!(got, expected, "{name}");
        }
    }
}
