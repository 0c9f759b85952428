use std::process::ExitCode;

fn main() -> ExitCode {
    textkg::cli::main()
}
