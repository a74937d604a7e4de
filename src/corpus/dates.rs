//! The month of a document's date for `--group-by month`, from the forms news archives use: ISO
//! (`2015-07-21`, `2015-07-21T10:00Z`, `2015/07/21`), day first (`21/07/2015`, `21-07-2015`,
//! `21.7.2015`: the order of the Arab world and Europe; month-first US dates are not guessed), Unix
//! epoch seconds (`1437436800`, as a number or a string; 13 digits are read as milliseconds), and
//! any of these in Eastern Arabic (`٢١/٠٧/٢٠١٥`) or Persian digits.

/// `YYYY-MM` of `date`, or `None` when it is none of the forms above or not a real month.
pub fn month_of(date: &str) -> Option<String> {
    let date = ascii_digits(date.trim());
    let digits_only = !date.is_empty() && date.bytes().all(|b| b.is_ascii_digit());
    if digits_only && (9..=13).contains(&date.len()) {
        let number: i64 = date.parse().ok()?;
        let seconds = if date.len() == 13 {
            number / 1000
        } else {
            number
        };
        let (year, month) = year_month_of_days(seconds.div_euclid(86_400));
        return Some(format!("{year:04}-{month:02}"));
    }
    // The date part: up to a time (`T`, a space).
    let day_part = date.split(['T', ' ']).next().unwrap_or_default();
    let parts: Vec<&str> = day_part.split(['-', '/', '.']).collect();
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m, rest @ ..] if y.len() == 4 && rest.len() <= 1 => (
            number(y)?,
            number(m)?,
            rest.first().map_or(Some(1), |d| number(d))?,
        ),
        [d, m, y] if y.len() == 4 => (number(y)?, number(m)?, number(d)?),
        _ => return None,
    };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| format!("{year:04}-{month:02}"))
}

/// Eastern Arabic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits as ASCII digits.
fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect()
}

/// The civil year and month of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn year_month_of_days(days: i64) -> (i64, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, u32::try_from(month).expect("a month is 1 to 12"))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 13, defect 14: `--group-by month` put every document whose date was not ISO in group "".
    #[test]
    fn regression_group_by_month_date_forms() {
        // (row name, date, month)
        let cases = [
            ("ISO date", "2015-07-21", Some("2015-07")),
            ("ISO date and time", "2017-11-07T10:00:00Z", Some("2017-11")),
            ("ISO month", "2015-07", Some("2015-07")),
            ("slashes, year first", "2015/07/21", Some("2015-07")),
            ("day first with slashes", "21/07/2015", Some("2015-07")),
            ("day first with dashes", "21-07-2015", Some("2015-07")),
            ("day first, one digit", "1.7.2015", Some("2015-07")),
            ("date and time", "21/07/2015 10:30", Some("2015-07")),
            ("epoch seconds", "1437436800", Some("2015-07")),
            ("epoch milliseconds", "1437436800000", Some("2015-07")),
            ("epoch at the turn of a year", "1420070399", Some("2014-12")),
            ("Eastern Arabic digits", "٢١/٠٧/٢٠١٥", Some("2015-07")),
            ("Persian digits", "۲۰۱۵-۰۷-۲۱", Some("2015-07")),
            ("spaces around", " 2015-07-21 ", Some("2015-07")),
            ("month 13", "2015-13-01", None),
            ("day 32", "32/07/2015", None),
            ("words", "yesterday", None),
            ("empty", "", None),
            ("short number", "2015", None),
        ];
        let mut names: Vec<&str> = cases.iter().map(|c| c.0).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), cases.len(), "row names are unique");
        for (name, date, month) in cases {
            assert_eq!(month_of(date).as_deref(), month, "{name}: {date}");
        }
    }
}
