/* gen.c - writes a ladder of N roles, and the equivalent Graphviz DOT graph,
 * for the benchmark (bench/run.sh), in one of two shapes.
 *
 *   usage: gen [--shape=tuned|random] N OUT.ladder OUT.dot
 *
 * Deterministic: its own PRNG (splitmix64) with a fixed seed, integers only
 * (positions are printed as hundredths or tenths), so every machine writes
 * the same bytes for the same shape and N.
 *
 * The random shape (--shape=random) is what a ladder looks like to a checker
 * that was not tuned to it: each role starts one move to a role drawn from all
 * of them, whatever their levels, and sits on a random point of a 1000 x 1000
 * grid; role levels span one to five levels wherever they fall. So about half
 * the moves break a level rule (E130, E131, E132) and a quarter of the rest
 * go down the soft-skills axis (W170) or too far down (W133), a third of the
 * roles share their point with an earlier one (W152), the wide roles straddle
 * boxes (W151), one move in a hundred names an undeclared role (E110), and the
 * companies' lines overlap (E161), go out of order (W162) and reuse codes
 * (E163): hundreds of thousands of diagnostics at 1M roles.
 *
 * The tuned shape (the default) passes `ladderc check` with no error and no
 * warning:
 *   - levels L1..L20, five boxes of four levels that cover the scale without
 *     overlap; a role spans one level, or two inside one box (no W151);
 *   - x (soft skills) grows with the role's lowest level: level l lies in
 *     [5(l-1), 5l), so a promotion, which raises the lowest level, never
 *     lowers x (no W170);
 *   - each role starts exactly one transition, so (from, to) pairs are unique;
 *     promotions go one or two levels up from the source's highest level,
 *     lateral moves stay at the source's lowest level, downward moves go to a
 *     single-level role one or two levels below (no W133);
 *   - no two roles share a position (no W152): a position already taken is
 *     drawn again;
 *   - four companies with non-overlapping, ascending lines per track.
 * The DOT graph has the same nodes (label "name\nlevels", pos, track colour),
 * the same clusters (boxes) and the same edges (style, "years" label) as the
 * picture ladderc draws; it is what Graphviz's own reader gets to parse. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { GEN_LEVELS = 20, GEN_BOX = 4, GEN_NTRACKS = 6, GEN_NTEAMS = 32, GEN_NCOMPANIES = 4 };
#define GEN_SEED 0x1adde5c0ffee2024ull

/* ---- PRNG: splitmix64 (Steele, Lea, Flood 2014) ---- */

static uint64_t gen_state = GEN_SEED;

static uint64_t gen_next(void)
{
    uint64_t z = (gen_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n): the high bits through a multiply, no modulo bias that matters here. */
static uint32_t gen_below(uint32_t n) { return (uint32_t)(((gen_next() >> 32) * (uint64_t)n) >> 32); }

/* ---- vocabulary ---- */

struct gen_track {
    const char *id, *name, *abbr;
    const char *title[GEN_LEVELS / GEN_BOX];   /* one per box */
    int hard;                                  /* base of y, hard skills */
    const char *color[2];                      /* as emit_dot draws it */
};

static const struct gen_track gen_tracks[GEN_NTRACKS] = {
    {"ic", "Individual contributor", "swe",
     {"Software Engineer", "Senior Software Engineer", "Staff Engineer", "Principal Engineer", "Distinguished Engineer"},
     30, {"#1f77b4", "#dceaf6"}},
    {"manager", "Engineering management", "em",
     {"Team Lead", "Engineering Manager", "Senior Engineering Manager", "Director of Engineering", "VP of Engineering"},
     15, {"#d9730d", "#fbe5d0"}},
    {"product", "Product management", "pm",
     {"Associate Product Manager", "Product Manager", "Senior Product Manager", "Director of Product", "VP of Product"},
     5, {"#2ca02c", "#dcf1dc"}},
    {"design", "Design", "design",
     {"Product Designer", "Senior Product Designer", "Staff Designer", "Design Director", "VP of Design"},
     10, {"#7b4fb0", "#ebe2f5"}},
    {"data", "Data science", "ds",
     {"Data Analyst", "Data Scientist", "Senior Data Scientist", "Principal Data Scientist", "Chief Data Scientist"},
     25, {"#8c564b", "#f0e2de"}},
    {"sre", "Site reliability", "sre",
     {"Site Reliability Engineer", "Senior SRE", "Staff SRE", "Principal SRE", "Distinguished SRE"},
     35, {"#138d90", "#d4efef"}},
};

static const char *const gen_teams[GEN_NTEAMS][2] = {
    {"Payments", "payments"}, {"Search", "search"}, {"Ads", "ads"}, {"Identity", "identity"},
    {"Storage", "storage"}, {"Networking", "net"}, {"Mobile", "mobile"}, {"Web Platform", "web"},
    {"Developer Tools", "devtools"}, {"Billing", "billing"}, {"Trust & Safety", "trust_safety"},
    {"Maps", "maps"}, {"Growth", "growth"}, {"Checkout", "checkout"}, {"Messaging", "messaging"},
    {"Notifications", "notify"}, {"Recommendations", "recs"}, {"Data Platform", "data_platform"},
    {"Infrastructure", "infra"}, {"Security", "security"}, {"Compliance", "compliance"},
    {"Observability", "observability"}, {"Compute", "compute"}, {"Databases", "db"},
    {"Machine Learning", "ml"}, {"Localization", "l10n"}, {"Accessibility", "a11y"},
    {"Frontend Platform", "frontend"}, {"Release Engineering", "release"},
    {"Customer Support Tools", "support_tools"}, {"Fraud Detection", "fraud"}, {"Marketplace", "marketplace"},
};

static const char *const gen_roman[GEN_BOX] = {"I", "II", "III", "IV"};

static const char *const gen_companies[GEN_NCOMPANIES][2] = {
    {"contoso", "Contoso"}, {"fabrikam", "Fabrikam"}, {"northwind", "Northwind Traders"}, {"tailspin", "Tailspin Toys"},
};

/* Default years per kind, as hundredths, and how ladderc labels an edge. */
static const char *const gen_kind_word[3] = {"", " lateral", " downward"};
static const char *const gen_default_years[3] = {"2..4", "0.5..2", "0.5..1"};
static const char *const gen_edge_style[3][3] = {
    {"solid", "#333333", "normal"}, {"dashed", "#3060a0", "vee"}, {"dotted", "#b03030", "empty"},
};
static const char *const gen_own_years[4] = {"1..3", "1.5..2.5", "3..6", "0.5..1.5"};

/* ---- the model ---- */

struct gen_role {
    uint8_t track, team, lo, hi;    /* levels 1..GEN_LEVELS */
    uint16_t x, y;                  /* hundredths, 0..10000 */
};

/* to: the target role, or GEN_GHOST: a role that is never declared */
#define GEN_GHOST UINT32_MAX

struct gen_transition {
    uint32_t from, to;
    uint8_t kind;                   /* 0 promotion, 1 lateral, 2 downward */
    int8_t years;                   /* -1: the kind's default, else gen_own_years[] */
};

/* Role indices by lowest level, and single-level roles by level. */
struct gen_index {
    uint32_t *by_lo[GEN_LEVELS + 1], n_lo[GEN_LEVELS + 1];
    uint32_t *single[GEN_LEVELS + 1], n_single[GEN_LEVELS + 1];
};

static void *gen_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("gen: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

/* Positions taken so far, as x * 10001 + y + 1, in an open-addressing set. */
struct gen_places {
    uint32_t *slot;
    size_t mask;
};

/* Takes (x, y); false when it was already taken. */
static bool gen_place(struct gen_places *p, int x, int y)
{
    uint32_t key = (uint32_t)x * 10001u + (uint32_t)y + 1u;
    for (size_t i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 40) & p->mask;; i = (i + 1) & p->mask) {
        if (p->slot[i] == key)
            return false;
        if (!p->slot[i]) {
            p->slot[i] = key;
            return true;
        }
    }
}

static void gen_roles(struct gen_role *r, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    struct gen_places places = {gen_xmalloc(cap * sizeof(uint32_t)), cap - 1};
    memset(places.slot, 0, cap * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) {
        /* ic is the biggest track, as in most organisations */
        static const uint8_t weights[GEN_NTRACKS] = {40, 16, 12, 10, 10, 12};
        uint32_t w = gen_below(100), t = 0;
        while (w >= weights[t]) {
            w -= weights[t];
            t++;
        }
        int lo = 1 + (int)gen_below(GEN_LEVELS);
        int hi = lo;
        if (lo % GEN_BOX != 0 && gen_below(4) == 0)  /* a quarter span two levels of one box */
            hi = lo + 1;
        int team = (int)gen_below(GEN_NTEAMS), x, y;
        do {    /* y < 35 + 40 + 20.01: nothing piles up at the top of the axis */
            x = 500 * (lo - 1) + (int)gen_below(500);
            y = gen_tracks[t].hard * 100 + lo * 200 + (int)gen_below(2001);
        } while (!gen_place(&places, x, y));
        r[i] = (struct gen_role){
            .track = (uint8_t)t, .team = (uint8_t)team, .lo = (uint8_t)lo, .hi = (uint8_t)hi,
            .x = (uint16_t)x, .y = (uint16_t)y,
        };
    }
    free(places.slot);
}

static void gen_index_build(struct gen_index *ix, const struct gen_role *r, size_t n)
{
    memset(ix, 0, sizeof *ix);
    for (size_t i = 0; i < n; i++) {
        ix->n_lo[r[i].lo]++;
        ix->n_single[r[i].lo] += r[i].lo == r[i].hi;
    }
    for (int l = 1; l <= GEN_LEVELS; l++) {
        ix->by_lo[l] = gen_xmalloc(ix->n_lo[l] * sizeof(uint32_t));
        ix->single[l] = gen_xmalloc(ix->n_single[l] * sizeof(uint32_t));
        ix->n_lo[l] = ix->n_single[l] = 0;
    }
    for (size_t i = 0; i < n; i++) {
        int l = r[i].lo;
        ix->by_lo[l][ix->n_lo[l]++] = (uint32_t)i;
        if (r[i].lo == r[i].hi)
            ix->single[l][ix->n_single[l]++] = (uint32_t)i;
    }
}

static void gen_index_free(struct gen_index *ix)
{
    for (int l = 1; l <= GEN_LEVELS; l++) {
        free(ix->by_lo[l]);
        free(ix->single[l]);
    }
}

/* One transition from role i, or 0 when no target fits (tiny N only). */
static int gen_transition(const struct gen_role *r, const struct gen_index *ix, uint32_t i,
                          struct gen_transition *out)
{
    const struct gen_role *a = &r[i];
    uint32_t pick = gen_below(100);
    int kind = pick < 70 ? 0 : pick < 90 ? 1 : 2;
    if (kind == 2 && a->lo == 1)
        kind = 0;
    if (kind == 0 && a->hi == GEN_LEVELS)
        kind = 1;
    int years = gen_below(100) < 15 ? (int)gen_below(4) : -1;
    const uint32_t *list = NULL;
    uint32_t n = 0;
    if (kind == 0) {
        /* target lo > a.hi >= a.lo, and target hi >= target lo > a.hi: it goes up */
        int l = a->hi + 1 + (a->hi + 2 <= GEN_LEVELS ? (int)gen_below(2) : 0);
        list = ix->by_lo[l], n = ix->n_lo[l];
    } else if (kind == 1) {
        /* both contain a.lo: the ranges overlap */
        list = ix->by_lo[a->lo], n = ix->n_lo[a->lo];
    } else {
        /* a single level one or two below a.lo: it goes down, by at most two */
        int l = a->lo - 1 - (a->lo > 2 ? (int)gen_below(2) : 0);
        list = ix->single[l], n = ix->n_single[l];
    }
    if (n == 0 || (kind == 1 && n == 1))
        return 0;
    uint32_t to = list[gen_below(n)];
    while (to == i)
        to = list[gen_below(n)];
    *out = (struct gen_transition){i, to, (uint8_t)kind, (int8_t)years};
    return 1;
}

/* ---- the random shape ---- */

/* Levels anywhere, one to five wide; a point anywhere on a 1000 x 1000 grid
 * (tenths of the 0..100 axes, stored as hundredths like the tuned shape's). */
static void gen_random_roles(struct gen_role *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        static const uint8_t weights[GEN_NTRACKS] = {40, 16, 12, 10, 10, 12};
        uint32_t w = gen_below(100), t = 0;
        while (w >= weights[t]) {
            w -= weights[t];
            t++;
        }
        int lo = 1 + (int)gen_below(GEN_LEVELS);
        uint32_t wide = gen_below(100);
        int hi = lo + (wide < 60 ? 0 : wide < 85 ? 1 : 2 + (int)gen_below(3));
        if (hi > GEN_LEVELS)
            hi = GEN_LEVELS;
        r[i] = (struct gen_role){
            .track = (uint8_t)t, .team = (uint8_t)gen_below(GEN_NTEAMS), .lo = (uint8_t)lo, .hi = (uint8_t)hi,
            .x = (uint16_t)(gen_below(1000) * 10), .y = (uint16_t)(gen_below(1000) * 10),
        };
    }
}

/* One move from role i to any role (itself included, rarely), of a kind drawn
 * without looking at the levels; one in a hundred to an undeclared role. */
static void gen_random_transition(size_t n, uint32_t i, struct gen_transition *out)
{
    uint32_t pick = gen_below(100);
    int kind = pick < 70 ? 0 : pick < 90 ? 1 : 2;
    int years = gen_below(100) < 15 ? (int)gen_below(4) : -1;
    uint32_t to = gen_below(100) == 0 ? GEN_GHOST : gen_below((uint32_t)n);
    *out = (struct gen_transition){i, to, (uint8_t)kind, (int8_t)years};
}

/* ---- writing ---- */

static void gen_role_id(FILE *f, const struct gen_role *r, size_t i)
{
    fprintf(f, "%s_%s_%zu", gen_tracks[r->track].abbr, gen_teams[r->team][1], i + 1);
}

/* The target of t: a role, or an undeclared one named after the source. */
static void gen_target_id(FILE *f, const struct gen_role *r, const struct gen_transition *t)
{
    if (t->to == GEN_GHOST)
        fprintf(f, "ghost_%u", t->from + 1);
    else
        gen_role_id(f, &r[t->to], t->to);
}

static void gen_levels(FILE *f, const struct gen_role *r)
{
    if (r->lo == r->hi)
        fprintf(f, "L%d", r->lo);
    else
        fprintf(f, "L%d..L%d", r->lo, r->hi);
}

/* "Staff Engineer III, Payments"; a two-level role has no numeral. */
static void gen_role_name(FILE *f, const struct gen_role *r, bool dot)
{
    const struct gen_track *t = &gen_tracks[r->track];
    int box = (r->lo - 1) / GEN_BOX;
    const char *team = gen_teams[r->team][0];
    fputs(t->title[box], f);
    if (r->lo == r->hi)
        fprintf(f, " %s", gen_roman[(r->lo - 1) % GEN_BOX]);
    fputs(", ", f);
    for (const char *p = team; *p; p++) {
        if (dot && *p == '&')
            fputs("&amp;", f);    /* as emit_dot writes it */
        else
            fputc(*p, f);
    }
}

/* The random shape's companies: eight lines per track at random levels with
 * codes from a small set, so they overlap, go out of order and repeat. */
static void gen_write_random_companies(FILE *f)
{
    for (int c = 0; c < GEN_NCOMPANIES; c++) {
        fprintf(f, "\ncompany %s \"%s\" {\n", gen_companies[c][0], gen_companies[c][1]);
        for (int k = 0; k < GEN_NTRACKS; k++) {
            for (int j = 0; j < 8; j++) {
                int lo = 1 + (int)gen_below(GEN_LEVELS), hi = lo + (int)gen_below(3);
                if (hi > GEN_LEVELS)
                    hi = GEN_LEVELS;
                char levels[16];
                if (lo == hi)
                    snprintf(levels, sizeof levels, "L%d", lo);
                else
                    snprintf(levels, sizeof levels, "L%d..L%d", lo, hi);
                fprintf(f, "  %-8s %-9s \"%c%u\" \"%s\"\n", gen_tracks[k].id, levels, "ABCD"[c], gen_below(6),
                        gen_tracks[k].title[(lo - 1) / GEN_BOX]);
            }
        }
        fputs("}\n", f);
    }
}

static void gen_write_ladder(FILE *f, size_t n, const struct gen_role *r, const struct gen_transition *t, size_t nt,
                             bool random)
{
    fprintf(f, "# Generated by bench/gen.c (%s shape): %zu roles, %zu transitions. Do not edit.\n",
            random ? "random" : "tuned", n, nt);
    fprintf(f, "ladder \"Benchmark ladder, %zu roles\"\n\n", n);
    fputs("axis x \"Soft skills\" 0..100\naxis y \"Hard skills\" 0..100\n\n", f);
    fprintf(f, "levels L1..L%d\n\n", GEN_LEVELS);
    for (int k = 0; k < GEN_NTRACKS; k++)
        fprintf(f, "track %-8s \"%s\"\n", gen_tracks[k].id, gen_tracks[k].name);
    fputc('\n', f);
    for (int b = 0; b < GEN_LEVELS / GEN_BOX; b++)
        fprintf(f, "box \"L%d-%d\" L%d..L%d\n", b * GEN_BOX + 1, (b + 1) * GEN_BOX, b * GEN_BOX + 1, (b + 1) * GEN_BOX);
    fputc('\n', f);
    for (int k = 0; k < 3; k++)
        fprintf(f, "years %s %s\n", k == 0 ? "promotion" : k == 1 ? "lateral" : "downward", gen_default_years[k]);
    fputc('\n', f);

    for (size_t i = 0; i < n; i++) {
        fputs("role ", f);
        gen_role_id(f, &r[i], i);
        fputs(" \"", f);
        gen_role_name(f, &r[i], false);
        fprintf(f, "\" track %s level ", gen_tracks[r[i].track].id);
        gen_levels(f, &r[i]);
        fprintf(f, " at (%d.%02d, %d.%02d)\n", r[i].x / 100, r[i].x % 100, r[i].y / 100, r[i].y % 100);
    }
    fputc('\n', f);
    for (size_t i = 0; i < nt; i++) {
        gen_role_id(f, &r[t[i].from], t[i].from);
        fputs(" -> ", f);
        gen_target_id(f, r, &t[i]);
        fputs(gen_kind_word[t[i].kind], f);
        if (t[i].years >= 0)
            fprintf(f, " years %s", gen_own_years[t[i].years]);
        fputc('\n', f);
    }
    if (random) {
        gen_write_random_companies(f);
        return;
    }
    /* Each company names each track's levels two at a time, in ascending
     * order, with its own code scheme: no overlap, no code used twice. */
    for (int c = 0; c < GEN_NCOMPANIES; c++) {
        fprintf(f, "\ncompany %s \"%s\" {\n", gen_companies[c][0], gen_companies[c][1]);
        for (int k = 0; k < GEN_NTRACKS; k++) {
            const struct gen_track *tr = &gen_tracks[k];
            int step = 1 + (c + k) % 2;
            for (int lo = 1 + c % 2; lo <= GEN_LEVELS; lo += step) {
                int hi = lo + step - 1 <= GEN_LEVELS ? lo + step - 1 : GEN_LEVELS;
                int box = (lo - 1) / GEN_BOX;
                char levels[16];
                if (lo == hi)
                    snprintf(levels, sizeof levels, "L%d", lo);
                else
                    snprintf(levels, sizeof levels, "L%d..L%d", lo, hi);
                fprintf(f, "  %-8s %-9s \"%c%d\" \"%s %s\"\n", tr->id, levels, "ABCD"[c], lo + 9 * c, tr->title[box],
                        gen_roman[(lo - 1) % GEN_BOX]);
            }
        }
        fputs("}\n", f);
    }
}

static void gen_write_dot(FILE *f, size_t n, const struct gen_role *r, const struct gen_transition *t, size_t nt)
{
    fprintf(f, "digraph ladder {\n  graph [label=\"Benchmark ladder, %zu roles\"];\n", n);
    fputs("  node [shape=box, style=\"rounded,filled\", fixedsize=true];\n", f);
    for (int b = 0; b < GEN_LEVELS / GEN_BOX; b++) {
        fprintf(f, "  subgraph cluster_%d {\n    graph [label=\"L%d-%d\"];\n", b, b * GEN_BOX + 1, (b + 1) * GEN_BOX);
        for (size_t i = 0; i < n; i++) {
            if ((r[i].lo - 1) / GEN_BOX != b)
                continue;
            const struct gen_track *tr = &gen_tracks[r[i].track];
            fputs("    \"", f);
            gen_role_id(f, &r[i], i);
            fputs("\" [label=\"", f);
            gen_role_name(f, &r[i], true);
            fputs("\\n", f);
            gen_levels(f, &r[i]);
            /* 8 points per unit, as ladderc's plot at scale 1 */
            fprintf(f, "\", color=\"%s\", fillcolor=\"%s\", pos=\"%d.%02d,%d.%02d!\"];\n", tr->color[0], tr->color[1],
                    r[i].x * 8 / 100, r[i].x * 8 % 100, r[i].y * 56 / 1000, r[i].y * 56 / 10 % 100);
        }
        fputs("  }\n", f);
    }
    for (size_t i = 0; i < nt; i++) {
        if (t[i].to == GEN_GHOST)
            continue;    /* an undeclared role is no node of the graph */
        const char *const *s = gen_edge_style[t[i].kind];
        fputs("  \"", f);
        gen_role_id(f, &r[t[i].from], t[i].from);
        fputs("\" -> \"", f);
        gen_role_id(f, &r[t[i].to], t[i].to);
        fprintf(f, "\" [style=%s, color=\"%s\", arrowhead=%s, label=\"%s y\"];\n", s[0], s[1], s[2],
                t[i].years >= 0 ? gen_own_years[t[i].years] : gen_default_years[t[i].kind]);
    }
    fputs("}\n", f);
}

static FILE *gen_open(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(2);
    }
    static char bufs[2][1 << 20];
    static int next;
    setvbuf(f, bufs[next++ % 2], _IOFBF, sizeof bufs[0]);
    return f;
}

static void gen_close(FILE *f, const char *path)
{
    if (ferror(f) | fclose(f)) {
        perror(path);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    bool random = false;
    if (argc == 5 && (strcmp(argv[1], "--shape=random") == 0 || strcmp(argv[1], "--shape=tuned") == 0)) {
        random = strcmp(argv[1], "--shape=random") == 0;
        argc--, argv++;
    }
    if (argc != 4) {
        fputs("usage: gen [--shape=tuned|random] N OUT.ladder OUT.dot\n", stderr);
        return 2;
    }
    char *end;
    unsigned long long nn = strtoull(argv[1], &end, 10);
    if (*end || nn < 2 || nn > 100000000ull) {
        fputs("gen: N must be a number from 2 to 100000000\n", stderr);
        return 2;
    }
    size_t n = (size_t)nn;
    struct gen_role *roles = gen_xmalloc(n * sizeof *roles);
    struct gen_transition *trans = gen_xmalloc(n * sizeof *trans);
    size_t nt = 0;
    if (random) {
        gen_random_roles(roles, n);
        for (size_t i = 0; i < n; i++)
            gen_random_transition(n, (uint32_t)i, &trans[nt++]);
    } else {
        gen_roles(roles, n);
        struct gen_index ix;
        gen_index_build(&ix, roles, n);
        for (size_t i = 0; i < n; i++)
            nt += (size_t)gen_transition(roles, &ix, (uint32_t)i, &trans[nt]);
        gen_index_free(&ix);
    }

    FILE *f = gen_open(argv[2]);
    gen_write_ladder(f, n, roles, trans, nt, random);
    gen_close(f, argv[2]);
    f = gen_open(argv[3]);
    gen_write_dot(f, n, roles, trans, nt);
    gen_close(f, argv[3]);
    free(roles);
    free(trans);
    return 0;
}
