//! Integration tests: the real `rasid` binary on real articles and gazetteers.

mod bad_input;
mod check;
mod count;
mod coverage;
mod dev;
mod eval;
mod html;
mod lint;
mod regional;
mod suggest;
mod tag;
mod util;
