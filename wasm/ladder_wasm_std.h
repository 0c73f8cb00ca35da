/* ladder_wasm_std.h - the shipped ladders (the .ladder files of share/ladderc/std/),
 * bundled into the WebAssembly build so that `import "std/NAME.ladder"`
 * works where there is no disk (wasm/std.sh writes build/wasm/std.c). */
#ifndef LADDER_WASM_STD_H
#define LADDER_WASM_STD_H

#include <stddef.h>

struct ldw_std_file {
    const char *path;               /* as the library asks for it: "std/big-tech.ladder" */
    const unsigned char *text;      /* its bytes, a NUL after them */
    size_t len;
};

extern const struct ldw_std_file ldw_std[];
extern const size_t ldw_std_count;

#endif
