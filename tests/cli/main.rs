//! Integration tests: the real `rasid` binary on real articles and gazetteers.

mod bad_input;
mod check;
mod count;
mod dev;
mod eval;
mod tag;
mod util;
