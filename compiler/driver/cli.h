// cli.h — the `molt` command line: subcommand dispatch and usage.
#pragma once

namespace molt::driver {

/// Runs the molt command line; returns the process exit status.
int run_cli(int argc, char** argv);

}  // namespace molt::driver
