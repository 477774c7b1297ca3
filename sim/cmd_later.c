/*
** cmd_later.c -- subcommands whose issues have not landed yet.
*/
#include "cli.h"

const char cmd_compare_help[] = "usage: neosim compare --db FILE\n";

static int later(const char *name) { return cli_usage_error("%s: not implemented yet", name); }
int cmd_compare(int argc, char **argv) { (void)argc; return later(argv[0]); }
