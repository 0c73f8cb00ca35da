/* model.c - small helpers shared by every backend. */
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const struct model_role_about model_role_about_none = {NULL, NULL, NULL, 0};

const char *model_kind_name(enum model_kind kind)
{
    static const char *const name[KIND_COUNT] = {
        [KIND_PROMOTION] = "promotion", [KIND_LATERAL] = "lateral", [KIND_DOWNWARD] = "downward",
    };
    return name[kind];
}

void model_levels_put(struct buf *b, const struct model *m, int lo, int hi)
{
    if (lo == hi)
        buf_printf(b, "%s%d", m->level_prefix, lo);
    else
        buf_printf(b, "%s%d..%s%d", m->level_prefix, lo, m->level_prefix, hi);
}

static char *levels_text_with(const char *level_prefix, int lo, int hi, char *out, size_t outsz);

char *model_levels_text(const struct model *m, int lo, int hi, char *out, size_t outsz)
{
    return levels_text_with(m->level_prefix, lo, hi, out, outsz);
}

char *model_track_levels_text(const struct model *m, size_t t, int lo, int hi, char *out, size_t outsz)
{
    const struct model_track *tr = &m->tracks[t];
    if (!tr->level_prefix)
        return levels_text_with(m->level_prefix, lo, hi, out, outsz);
    return levels_text_with(tr->level_prefix, lo - tr->shift, hi - tr->shift, out, outsz);
}

static char *levels_text_with(const char *level_prefix, int lo, int hi, char *out, size_t outsz)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    char nlo[16], nhi[16];
    int copies = lo == hi ? 1 : 2;
    size_t prefix = strlen(level_prefix);
    size_t digits = (size_t)snprintf(nlo, sizeof nlo, "%d", lo);
    if (copies == 2)
        digits += 2 + (size_t)snprintf(nhi, sizeof nhi, "%d", hi);
    if (copies * prefix + digits < outsz) {
        if (copies == 1)
            snprintf(out, outsz, "%s%s", level_prefix, nlo);
        else
            snprintf(out, outsz, "%s%s..%s%s", level_prefix, nlo, level_prefix, nhi);
        return out;
    }
    /* the prefix is ASCII letters (the scanner's level token): a cut
     * anywhere is between characters */
    int keep = (int)((outsz - 1 - digits) / (size_t)copies - (sizeof ellipsis - 1));
    if (copies == 1)
        snprintf(out, outsz, "%.*s%s%s", keep, level_prefix, ellipsis, nlo);
    else
        snprintf(out, outsz, "%.*s%s%s..%.*s%s%s", keep, level_prefix, ellipsis, nlo,
                 keep, level_prefix, ellipsis, nhi);
    return out;
}

char *model_number_text(double v, char *out, size_t outsz)
{
    /* Written in text, then copied: out may be small, text is not (every
     * value is finite: the scanner bounds numbers to 1e9). */
    char text[400];
    /* Fast path: v in millionths, when rounding cannot be in doubt (the
     * product is within a quarter of an integer; its error is below 1/8). */
    double scaled = v * 1e6;
    long long r = llround(scaled);      /* |scaled| <= 1e15: exact in a long long */
    if (fabs(v) < 1e9 && fabs(scaled - (double)r) < 0.25) {
        char *p = text;
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
    } else {
        /* %.6f then trim: %g would switch to exponents for large values.
         * The zeros stop at the '.' that %.6f always writes. */
        snprintf(text, sizeof text, "%.6f", v);
        size_t n = strlen(text);
        while (text[n - 1] == '0')
            n--;
        n -= text[n - 1] == '.';
        text[n] = '\0';
    }
    /* -0: a negative value that rounds to zero, from either path */
    snprintf(out, outsz, "%s", strcmp(text, "-0") == 0 ? "0" : text);
    return out;
}

const char *model_file_of(const struct model *m, struct loc loc)
{
    size_t lo = 0, hi = m->nfiles;  /* the first file starting after loc */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->files[mid].start <= loc.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? m->files[lo - 1].path : NULL;
}

const struct model_expect *model_role_expect(const struct model_role *r, size_t k)
{
    size_t lo = 0, hi = r->about->nexpect;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->about->expect[mid].competency < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->about->nexpect && r->about->expect[lo].competency == k ? &r->about->expect[lo] : NULL;
}

void model_track_levels_put(struct buf *b, const struct model *m, size_t t, int lo, int hi)
{
    const struct model_track *tr = &m->tracks[t];
    const char *prefix = tr->level_prefix ? tr->level_prefix : m->level_prefix;
    if (lo == hi)
        buf_printf(b, "%s%d", prefix, lo - tr->shift);
    else
        buf_printf(b, "%s%d..%s%d", prefix, lo - tr->shift, prefix, hi - tr->shift);
}

void model_role_levels_put(struct buf *b, const struct model *m, const struct model_role *r)
{
    model_track_levels_put(b, m, r->track, r->lo, r->hi);
}

bool model_skill_score(const struct model *m, const struct model_role *r, enum model_skill skill, double *out)
{
    double sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < r->about->nexpect; i++) {
        const struct model_competency *mc = &m->competencies[r->about->expect[i].competency];
        if (mc->skill == skill) {
            sum += (r->about->expect[i].rung - 0.5) / (double)mc->nrungs;
            n++;
        }
    }
    if (n)
        *out = sum / (double)n;
    return n > 0;
}
