/* check_files_stub.c - a stand-in for check_files until the index branch's
 * lib/check.c is merged (the lead deletes this file then): the files'
 * statements chained into one ast_file, checked by check_file. Cross-file
 * rules (a second identical `levels` allowed) are the real one's. */
#include "check.h"

#include <string.h>

struct model *check_files(struct ast_file *const *files, size_t nfiles, struct arena *arena, struct diag_sink *diag,
                          struct index *idx)
{
    (void)idx;
    struct ast_file *all = arena_alloc(arena, sizeof *all);
    ast_file_init(all);
    for (size_t i = 0; i < nfiles; i++) {
        struct ast_file *f = files[i];
        if (f->first) {
            *all->tail = f->first;
            all->tail = f->tail;
        }
        for (size_t k = 0; k < sizeof all->count / sizeof *all->count; k++)
            all->count[k] += f->count[k];
        if (f->comments) {
            *all->comments_tail = f->comments;
            all->comments_tail = f->comments_tail;
        }
        all->syntax_errors += f->syntax_errors;
        for (struct ast_name_list *l = f->broken_defs; l; l = l->next) {
            struct ast_name_list *copy = arena_alloc(arena, sizeof *copy);
            copy->name = l->name;
            copy->next = all->broken_defs;
            all->broken_defs = copy;
        }
    }
    return check_file(all, arena, diag);
}
