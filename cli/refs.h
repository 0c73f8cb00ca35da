/* refs.h - `ladderc refs` and `ladderc rename`: the command-line clients of
 * the index (lib/index.h). */
#ifndef LADDERC_REFS_H
#define LADDERC_REFS_H

extern const char refs_usage[], rename_usage[];

/* argv[0] is the command's name; returns the exit status. */
int refs_main(int argc, char **argv);
int rename_main(int argc, char **argv);

#endif
