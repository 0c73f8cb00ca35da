/* fmt.c - the formatter: rows of cells, then columns, then text.
 *
 * Each output line is a row of cells. A group of rows (consecutive
 * statements of one kind, comment lines included, broken by a blank line;
 * all company lines of the file together; all lines of role blocks of the
 * file together; each competency's rungs) shares column widths: every
 * cell but a row's last is padded to its column's widest cell plus one space,
 * the layout of examples/skills-map.ladder. Two columns reserve room for
 * values that are likely to appear, so that editing one line does not
 * realign its neighbours: a transition's kind column is as wide as
 * "promotion", and a role's level column as wide as the widest range of the
 * scale ("L10..L11" for L3..L11).
 *
 * Alignment stops at FMT_ALIGN_MAX columns: a wider cell is followed by one
 * space and does not widen its column (nor does a scale whose widest range is
 * wider), so one long name cannot pad every line of its group to its width.
 * A cell is padded by at most FMT_ALIGN_MAX + 1 spaces, which bounds what
 * fmt can add to a file by a constant factor. */
#include "fmt.h"

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "util.h"

enum { FMT_MAX_CELLS = 8, FMT_ALIGN_MAX = 60 };

/* ROW_OPEN is the head of a company or a competency, ROW_CLOSE the '}' of
 * any block; a role's head is a ROW_STMT with the '{' as its tail. */
enum row_kind { ROW_BLANK, ROW_COMMENT, ROW_STMT, ROW_OPEN, ROW_COMPANY_LINE, ROW_RUNG, ROW_ROLE_LINE, ROW_CLOSE };

struct row {
    enum row_kind kind;
    enum ast_kind stmt;         /* for ROW_STMT */
    int ncells;
    const char *cells[FMT_MAX_CELLS];
    const char *tail;           /* after the last cell, outside the columns: a role's '{' */
    const char *comment;        /* trailing comment, or NULL */
    int indent;
};

struct fmt {
    struct arena *arena;
    struct source *src;                 /* for the lines that locations fall on */
    struct row *rows;
    size_t nrows, cap;
    const struct ast_comment *comment;  /* next comment not yet placed */
    int last_line;                      /* source line of the last row placed, 0 at the start */
    size_t level_width;                 /* widest range of the scale */
};

/* ---- cells ---- */

static const char *cell_printf(struct fmt *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = arena_alloc(f->arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* A string literal as the scanner reads it back: '"' and '\\' escaped. */
static const char *cell_string(struct fmt *f, const char *text)
{
    struct buf b;
    buf_init(&b, f->arena->heap);
    buf_putc(&b, '"');
    for (const char *p = text; *p; p++) {
        if (*p == '"' || *p == '\\')
            buf_putc(&b, '\\');
        buf_putc(&b, *p);
    }
    buf_putc(&b, '"');
    const char *s = arena_strndup(f->arena, b.data, b.len);
    buf_free(&b);
    return s;
}

static const char *cell_levels(struct fmt *f, const struct ast_levels *l)
{
    if (!l->is_range)
        return cell_printf(f, "%s%ld", l->lo.prefix, l->lo.number);
    return cell_printf(f, "%s%ld..%s%ld", l->lo.prefix, l->lo.number, l->hi.prefix, l->hi.number);
}

static const char *cell_range(struct fmt *f, const struct ast_range *r)
{
    if (ast_range_open(r))
        return cell_printf(f, "%s..", r->lo.text);     /* 3.. : "3 or more" */
    return cell_printf(f, "%s..%s", r->lo.text, r->hi.text);
}

/* An optional cell: its text, or "" (an empty last cell is not printed). */
static const char *cell_opt(bool has, const char *text)
{
    return has ? text : "";
}

static size_t cell_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* ---- rows ---- */

static struct row *row_add(struct fmt *f, enum row_kind kind, int indent)
{
    if (f->nrows == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 64;
        f->rows = heap_realloc(f->arena->heap, f->rows, f->cap * sizeof *f->rows);
    }
    struct row *r = &f->rows[f->nrows++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->indent = indent;
    return r;
}

static void row_cells(struct row *r, int n, const char *const *cells)
{
    r->ncells = n;
    for (int i = 0; i < n; i++)
        r->cells[i] = cells[i];
}

static const char *comment_text(struct fmt *f, const struct ast_comment *c)
{
    size_t n = strlen(c->text);
    while (c->text[n - 1] == ' ' || c->text[n - 1] == '\t')
        n--;    /* stops at the '#' the text starts with, if not before */
    return arena_strndup(f->arena, c->text, n);
}

/* The source line a span starts on. */
static int line_of(struct fmt *f, struct loc loc)
{
    return source_line_of(f->src, loc.start);
}

/* The comment lines above source line `line`, each after the blank line
 * the author left before it (at most one). */
static void place_comments(struct fmt *f, int line, int indent)
{
    while (f->comment && line_of(f, f->comment->loc) < line) {
        const struct ast_comment *c = f->comment;
        int c_line = line_of(f, c->loc);
        if (f->last_line && c_line > f->last_line + 1)
            row_add(f, ROW_BLANK, 0);
        struct row *r = row_add(f, ROW_COMMENT, indent);
        r->comment = comment_text(f, c);
        f->last_line = c_line;
        f->comment = c->next;
    }
}

/* Places a row that starts at source line `line`: first the comment lines
 * above it, then the blank line the author left before it (at most one). */
static void place_before(struct fmt *f, int line, int indent)
{
    place_comments(f, line, indent);
    if (f->last_line && line > f->last_line + 1)
        row_add(f, ROW_BLANK, 0);
}

/* A comment on the row's own line trails it. */
static void place_trailing(struct fmt *f, struct row *r, int line)
{
    if (f->comment && line_of(f, f->comment->loc) == line) {
        r->comment = comment_text(f, f->comment);
        f->comment = f->comment->next;
    }
    f->last_line = line;
}

static void stmt_cells(struct fmt *f, const struct ast_stmt *s, struct row *r)
{
    switch (s->kind) {
    case AST_LADDER:
        row_cells(r, 2, (const char *[]){"ladder", cell_string(f, s->u.ladder.title.text)});
        break;
    case AST_AXIS:
        row_cells(r, 4, (const char *[]){"axis", s->u.axis.name.text, cell_string(f, s->u.axis.title.text),
                                         cell_range(f, &s->u.axis.range)});
        break;
    case AST_LEVELS:
        row_cells(r, 2, (const char *[]){"levels", cell_levels(f, &s->u.levels.levels)});
        break;
    case AST_TRACK:
        if (s->u.track.has_levels)      /* levels M4..M8 = L4..L8 */
            row_cells(r, 7, (const char *[]){"track", s->u.track.id.text, cell_string(f, s->u.track.name.text),
                                             "levels", cell_levels(f, &s->u.track.own), "=",
                                             cell_levels(f, &s->u.track.scale)});
        else
            row_cells(r, 3, (const char *[]){"track", s->u.track.id.text, cell_string(f, s->u.track.name.text)});
        break;
    case AST_BOX:
        row_cells(r, 3, (const char *[]){"box", cell_string(f, s->u.box.name.text), cell_levels(f, &s->u.box.levels)});
        break;
    case AST_YEARS:
        row_cells(r, 3, (const char *[]){"years", model_kind_name(s->u.years.kind), cell_range(f, &s->u.years.range)});
        break;
    case AST_ROLE: {
        const char *at = ast_role_has_at(s) ? cell_printf(f, "at (%s, %s)", s->u.role.x.text, s->u.role.y.text) : "";
        row_cells(r, 8, (const char *[]){"role", s->u.role.id.text, cell_string(f, s->u.role.name.text), "track",
                                         s->u.role.track.text, "level", cell_levels(f, &s->u.role.levels), at});
        if (s->u.role.block)
            r->tail = "{";      /* on the role's line, where a company's and a competency's go */
        break;
    }
    case AST_IMPORT:
        row_cells(r, 2, (const char *[]){"import", cell_string(f, s->u.import.path.text)});
        break;
    case AST_LAYOUT:
        row_cells(r, 2, (const char *[]){"layout", s->u.layout.mode.text});
        break;
    case AST_TRANSITION: {
        const char *kind = s->u.transition.has_kind ? model_kind_name(s->u.transition.kind) : "";
        const char *years = s->u.transition.has_years ? cell_printf(f, "years %s", cell_range(f, &s->u.transition.years)) : "";
        row_cells(r, 5, (const char *[]){s->u.transition.from.text, "->", s->u.transition.to.text, kind, years});
        break;
    }
    default:
        break;
    }
}

/* The head of a block, whose '{' may be on a later line: a comment on the
 * head's line trails it, and those down to the '{' (its own line's
 * included) become comment lines at the top of the block, with no blank
 * line (the blank lines before the '{' are not the block's). */
static void place_open(struct fmt *f, struct row *open, struct loc head, struct loc brace)
{
    int brace_line = line_of(f, brace);
    place_trailing(f, open, line_of(f, head));
    while (f->comment && line_of(f, f->comment->loc) <= brace_line) {
        struct row *r = row_add(f, ROW_COMMENT, 2);
        r->comment = comment_text(f, f->comment);
        f->comment = f->comment->next;
    }
    f->last_line = brace_line;
}

/* A line of a block, indented by two spaces, after the comment lines and
 * the blank line above it; the caller fills its cells, then places the
 * comment on its line with place_trailing. */
static struct row *block_line(struct fmt *f, enum row_kind kind, struct loc loc)
{
    place_before(f, line_of(f, loc), 2);
    return row_add(f, kind, 2);
}

/* The '}' that ends block statement s, after the comment lines inside the
 * block below its last line. */
static void close_row(struct fmt *f, const struct ast_stmt *s)
{
    int close_line = source_line_of(f->src, s->loc.end - 1);    /* the '}' */
    place_before(f, close_line, 2);
    struct row *close = row_add(f, ROW_CLOSE, 0);
    row_cells(close, 1, (const char *[]){"}"});
    place_trailing(f, close, close_line);
}

static void company_rows(struct fmt *f, const struct ast_stmt *s)
{
    struct row *open = row_add(f, ROW_OPEN, 0);
    row_cells(open, 4, (const char *[]){"company", s->u.company.id.text, cell_string(f, s->u.company.name.text), "{"});
    place_open(f, open, s->loc, s->u.company.brace);
    for (const struct ast_company_line *l = s->u.company.lines; l; l = l->next) {
        struct row *r = block_line(f, ROW_COMPANY_LINE, l->loc);
        row_cells(r, 4, (const char *[]){l->track.text, cell_levels(f, &l->levels), cell_string(f, l->code.text),
                                         cell_string(f, l->title.text)});
        place_trailing(f, r, line_of(f, l->loc));
    }
    close_row(f, s);
}

/* competency craft "Technical craft" hard {, then its rungs: number, name,
 * meaning. The '{' joins the head's line, as a company's does. */
static void competency_rows(struct fmt *f, const struct ast_stmt *s)
{
    struct row *open = row_add(f, ROW_OPEN, 0);
    row_cells(open, 4, (const char *[]){"competency", s->u.competency.id.text,
                                        cell_string(f, s->u.competency.name.text),
                                        cell_opt(s->u.competency.has_skill, s->u.competency.skill.text)});
    open->tail = "{";
    place_open(f, open, s->loc, s->u.competency.brace);
    for (const struct ast_rung_line *l = s->u.competency.rungs; l; l = l->next) {
        struct row *r = block_line(f, ROW_RUNG, l->loc);
        const char *meaning = l->has_meaning ? cell_string(f, l->meaning.text) : "";
        row_cells(r, 3, (const char *[]){l->number.text, cell_string(f, l->name.text), meaning});
        place_trailing(f, r, line_of(f, l->loc));
    }
    close_row(f, s);
}

/* The lines of a role's block, in the author's order: key, rung, text
 * (summary and link have no rung: their text stays in the text column). */
static void role_block_rows(struct fmt *f, const struct ast_stmt *s)
{
    for (const struct ast_role_line *l = s->u.role.block->lines; l; l = l->next) {
        struct row *r = block_line(f, ROW_ROLE_LINE, l->loc);
        const char *text = l->has_text ? cell_string(f, l->text.text) : "";
        row_cells(r, 3, (const char *[]){l->key.text, cell_opt(l->has_number, l->number.text), text});
        place_trailing(f, r, line_of(f, l->loc));
    }
    close_row(f, s);
}

static void build_rows(struct fmt *f, const struct ast_file *file)
{
    for (const struct ast_stmt *s = file->first; s; s = s->next) {
        place_before(f, line_of(f, s->loc), 0);
        if (s->kind == AST_COMPANY) {
            company_rows(f, s);
            continue;
        }
        if (s->kind == AST_COMPETENCY) {
            competency_rows(f, s);
            continue;
        }
        struct row *r = row_add(f, ROW_STMT, 0);
        r->stmt = s->kind;
        stmt_cells(f, s, r);
        if (s->kind == AST_ROLE && s->u.role.block) {
            place_open(f, r, s->loc, s->u.role.block->brace);
            role_block_rows(f, s);
        } else {
            place_trailing(f, r, line_of(f, s->loc));
        }
    }
    place_comments(f, INT_MAX, 0);  /* the comments after the last statement */
}

/* ---- columns ---- */

/* Whether row b joins the group that statement row a starts. */
static bool same_group(const struct row *a, const struct row *b)
{
    if (b->kind == ROW_COMMENT)
        return true;
    return b->kind == ROW_STMT && a->stmt == b->stmt;
}

/* The width of each column of rows[0..n): its widest cell of at most
 * FMT_ALIGN_MAX columns. */
static void widths_of(const struct row *rows, size_t n, size_t *w)
{
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c < rows[i].ncells; c++) {
            size_t cw = cell_width(rows[i].cells[c]);
            if (rows[i].kind != ROW_COMMENT && cw > w[c] && cw <= FMT_ALIGN_MAX)
                w[c] = cw;
        }
}

static void render_row(struct buf *out, const struct row *r, const size_t *w)
{
    for (int i = 0; i < r->indent; i++)
        buf_putc(out, ' ');
    int last = r->ncells - 1;
    while (last >= 0 && r->cells[last][0] == '\0')
        last--;
    for (int c = 0; c <= last; c++) {
        buf_puts(out, r->cells[c]);
        if (w && w[c] == 0 && r->cells[c][0] == '\0')
            continue;   /* an empty column (no role line has a rung): no room for it */
        if (c < last) {
            size_t k = cell_width(r->cells[c]);
            do
                buf_putc(out, ' ');
            while (w && ++k < w[c] + 1);   /* a cell wider than its column gets one space */
        }
    }
    if (r->tail) {
        if (last >= 0)
            buf_putc(out, ' ');
        buf_puts(out, r->tail);
    }
    if (r->comment) {
        if (last >= 0 || r->tail)
            buf_putc(out, ' ');
        buf_puts(out, r->comment);
    }
    buf_putc(out, '\n');
}

/* The widths of the rungs of the competency whose first row is rows[i]:
 * each competency is a table of its own (its rung names are its own). */
static size_t rungs_widths(const struct fmt *f, size_t i, size_t *w)
{
    size_t end = i;
    while (end < f->nrows && f->rows[end].kind != ROW_CLOSE)
        end++;
    memset(w, 0, FMT_MAX_CELLS * sizeof *w);
    widths_of(&f->rows[i], end - i, w);
    return end;
}

/* The widths of every row of one kind in the file: all company lines align
 * together, and so do all lines of role blocks (the roles' rungs read as
 * one table down the file). */
static void file_widths(const struct fmt *f, enum row_kind kind, size_t *w)
{
    for (size_t i = 0; i < f->nrows; i++)
        if (f->rows[i].kind == kind)
            widths_of(&f->rows[i], 1, w);
}

static void render(struct fmt *f, struct buf *out)
{
    size_t company_w[FMT_MAX_CELLS] = {0}, role_w[FMT_MAX_CELLS] = {0}, rung_w[FMT_MAX_CELLS] = {0};
    file_widths(f, ROW_COMPANY_LINE, company_w);
    file_widths(f, ROW_ROLE_LINE, role_w);
    size_t rungs_end = 0;   /* the end of the competency whose widths rung_w holds */

    for (size_t i = 0; i < f->nrows;) {
        const struct row *r = &f->rows[i];
        if (r->kind == ROW_RUNG && i >= rungs_end)
            rungs_end = rungs_widths(f, i, rung_w);
        if (r->kind != ROW_STMT) {
            const size_t *w = r->kind == ROW_COMPANY_LINE ? company_w
                            : r->kind == ROW_ROLE_LINE    ? role_w
                            : r->kind == ROW_RUNG         ? rung_w
                                                          : NULL;
            render_row(out, r, w);
            i++;
            continue;
        }
        /* r and the rows after it in its group (r is in its own); comment
         * lines are in it, those after its last statement too: they do not
         * widen a column, and print the same in any */
        size_t end = i;
        while (end < f->nrows && same_group(r, &f->rows[end]))
            end++;
        size_t w[FMT_MAX_CELLS] = {0};
        widths_of(&f->rows[i], end - i, w);
        /* the kind column is as wide as the widest kind (a kind is at most
         * that wide; where no move has years it is the last cell, unpadded) */
        if (r->stmt == AST_TRANSITION)
            w[3] = strlen("promotion");
        /* a role's level column (only a role row has a seventh cell) */
        if (r->stmt == AST_ROLE && w[6] < f->level_width && f->level_width <= FMT_ALIGN_MAX)
            w[6] = f->level_width;
        for (size_t k = i; k < end; k++)
            render_row(out, &f->rows[k], w);
        i = end;
    }
}

/* "L10..L11" for L3..L11: the widest range the scale can write. */
static size_t scale_width(const struct ast_file *file)
{
    for (const struct ast_stmt *s = file->first; s; s = s->next) {
        if (s->kind != AST_LEVELS)
            continue;
        const struct ast_levels *l = &s->u.levels.levels;
        char lo[32], hi[32];
        int a = snprintf(lo, sizeof lo, "%s%ld", l->lo.prefix, l->lo.number);
        int b = snprintf(hi, sizeof hi, "%s%ld", l->hi.prefix, l->hi.number);
        size_t widest = (size_t)(a > b ? a : b);
        return widest * 2 + 2;
    }
    return 0;
}

void fmt_file(const struct ast_file *file, struct source *src, struct arena *arena, struct buf *out)
{
    struct fmt f = {.arena = arena, .src = src, .comment = file->comments, .level_width = scale_width(file)};
    build_rows(&f, file);
    render(&f, out);
    heap_free(arena->heap, f.rows);
}
