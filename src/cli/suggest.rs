//! `rasid suggest`: candidate names for hand extension, found after cue words (`مدينة X`,
//! `لواء X`, …) and printed as ready-to-paste YAML stubs.

use std::path::PathBuf;

use clap::Args;

use super::Failure;
use super::args::GazetteerArgs;

#[derive(Debug, Args)]
pub(crate) struct SuggestArgs {
    /// Files, directories or `-` (as for `count`).
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

pub(crate) fn run(_args: &SuggestArgs) -> Result<u8, Failure> {
    Err(Failure::trouble("`suggest` is not built yet"))
}
