//! The `rasid` binary; all of it lives in `cli`, on the library's public API only.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
