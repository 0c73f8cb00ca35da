/* query.c - what an editor asks about a ladder (include/ladder.h,
 * "editors"): placeholders until each is implemented. */
#include "ladder.h"

ld_status ld_name_at(ld_session *s, size_t file, int line, int column, ld_place *out)
{
    (void)s, (void)file, (void)line, (void)column, (void)out;
    return LD_EUSAGE;
}
ld_status ld_hover(ld_session *s, ld_name_kind kind, const char *name, ld_text *out)
{
    (void)s, (void)kind, (void)name, (void)out;
    return LD_EUSAGE;
}
ld_status ld_complete(ld_session *s, size_t file, int line, int column, const ld_completion **items, size_t *n)
{
    (void)s, (void)file, (void)line, (void)column, (void)items, (void)n;
    return LD_EUSAGE;
}
ld_status ld_outline(ld_session *s, size_t file, const ld_symbol **items, size_t *n)
{
    (void)s, (void)file, (void)items, (void)n;
    return LD_EUSAGE;
}
ld_status ld_diagnostic_fix(ld_session *s, size_t i, ld_fix *out)
{
    (void)s, (void)i, (void)out;
    return LD_EUSAGE;
}
