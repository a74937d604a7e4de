//! `rasid coverage`: which entities and aliases never matched over a corpus (dead weight or
//! misspelt), and which matched suspiciously often (a common word slipping through).

use std::path::PathBuf;

use clap::Args;

use super::Failure;
use super::args::GazetteerArgs;

#[derive(Debug, Args)]
pub(crate) struct CoverageArgs {
    /// Files, directories or `-` (as for `count`).
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

pub(crate) fn run(_args: &CoverageArgs) -> Result<u8, Failure> {
    Err(Failure::trouble("`coverage` is not built yet"))
}
