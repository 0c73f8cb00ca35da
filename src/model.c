/* model.c - small helpers shared by every backend. */
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *model_kind_name(enum model_kind kind)
{
    switch (kind) {
    case KIND_PROMOTION: return "promotion";
    case KIND_LATERAL: return "lateral";
    case KIND_DOWNWARD: return "downward";
    default: return "?";
    }
}

char *model_levels_text(const struct model *m, int lo, int hi, char *out, size_t outsz)
{
    if (lo == hi)
        snprintf(out, outsz, "%s%d", m->level_prefix, lo);
    else
        snprintf(out, outsz, "%s%d..%s%d", m->level_prefix, lo, m->level_prefix, hi);
    return out;
}

char *model_number_text(double v, char *out, size_t outsz)
{
    /* %.6f then trim: %g would switch to exponents for large values. */
    if (v == 0)
        v = 0; /* turns -0 into 0 */
    snprintf(out, outsz, "%.6f", v);
    char *dot = strchr(out, '.');
    if (dot) {
        char *end = out + strlen(out) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(out, "-0") == 0)
        strcpy(out, "0");
    return out;
}
