/* diffcmd.h - `ladderc diff`: the command-line client of ld_diff (named
 * apart from lib/diff.c, since every object of the build shares build/). */
#ifndef LADDERC_DIFFCMD_H
#define LADDERC_DIFFCMD_H

extern const char diff_usage[];

/* argv[0] is the command's name; returns the exit status (0 done, 1 a
 * version has errors, 2 usage or I/O, 3 changes under --exit-code). */
int diff_main(int argc, char **argv);

#endif
