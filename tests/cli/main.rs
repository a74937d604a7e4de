//! Integration tests: the real `rasid` binary on real articles and gazetteers.

mod bad_input;
mod cache;
mod check;
mod check_all;
mod count;
mod coverage;
mod dev;
mod eval;
mod facility;
mod golden;
mod hardening;
mod houthis;
mod html;
mod lint;
mod person;
mod places;
mod prepositions;
mod regional;
mod scale;
mod suggest;
mod tag;
mod tag_io;
mod util;
mod villages;
