use std::process::ExitCode;

// The build allocates many small, short-lived strings and vectors per
// sentence; mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    textkg::cli::main()
}
