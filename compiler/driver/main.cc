// main.cc — entry point of the `molt` command; see driver/cli.h.
#include "driver/cli.h"

int main(int argc, char** argv) { return molt::driver::run_cli(argc, argv); }
