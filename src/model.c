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

void model_levels_put(struct buf *b, const struct model *m, int lo, int hi)
{
    if (lo == hi)
        buf_printf(b, "%s%d", m->level_prefix, lo);
    else
        buf_printf(b, "%s%d..%s%d", m->level_prefix, lo, m->level_prefix, hi);
}

/* The first bytes of s, at most n, not ending inside a UTF-8 sequence. */
static size_t model_clip(const char *s, size_t n)
{
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

char *model_levels_text(const struct model *m, int lo, int hi, char *out, size_t outsz)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    char nlo[16], nhi[16];
    int copies = lo == hi ? 1 : 2;
    size_t prefix = strlen(m->level_prefix);
    size_t digits = (size_t)snprintf(nlo, sizeof nlo, "%d", lo);
    if (copies == 2)
        digits += 2 + (size_t)snprintf(nhi, sizeof nhi, "%d", hi);
    if (copies * prefix + digits < outsz || outsz < MODEL_LEVELS_TEXT_MIN) {
        if (copies == 1)
            snprintf(out, outsz, "%s%s", m->level_prefix, nlo);
        else
            snprintf(out, outsz, "%s%s..%s%s", m->level_prefix, nlo, m->level_prefix, nhi);
        return out;
    }
    size_t room = (outsz - 1 - digits) / (size_t)copies - (sizeof ellipsis - 1);
    int keep = (int)model_clip(m->level_prefix, room);
    if (copies == 1)
        snprintf(out, outsz, "%.*s%s%s", keep, m->level_prefix, ellipsis, nlo);
    else
        snprintf(out, outsz, "%.*s%s%s..%.*s%s%s", keep, m->level_prefix, ellipsis, nlo,
                 keep, m->level_prefix, ellipsis, nhi);
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
