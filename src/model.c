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
    /* Fast path: v in millionths, when rounding cannot be in doubt (the
     * product is within a quarter of an integer; its error is below 1/8). */
    double scaled = v * 1e6;
    if (fabs(v) < 1e9 && outsz >= 32) {
        long long r = llround(scaled);
        if (fabs(scaled - (double)r) < 0.25) {
            char *p = out;
            if (r < 0) {
                *p++ = '-';
                r = -r;
            }
            long long ip = r / 1000000, frac = r % 1000000;
            char digits[24];
            int n = 0;
            do
                digits[n++] = (char)('0' + ip % 10);
            while ((ip /= 10) > 0);
            while (n > 0)
                *p++ = digits[--n];
            if (frac) {
                *p++ = '.';
                for (long long d = 100000; frac; d /= 10) {
                    *p++ = (char)('0' + frac / d);
                    frac %= d;
                }
            }
            *p = '\0';
            if (r == 0)
                strcpy(out, "0");
            return out;
        }
    }
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
