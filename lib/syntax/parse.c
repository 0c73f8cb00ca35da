/* parse.c - runs the reentrant scanner and the pure parser over one file. */
#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ladder.tab.h"
#include "ladder.lex.h"
#include "parse_ctx.h"
#include "heap.h"
#include "suggest.h"
#include "util.h"

/* Whether loc is on the line that defines def_name. An error is on the line
 * being read, or on the line before it (the line end that closed it, or the
 * first word of a line that the line end showed cut short): never further
 * back, as the parser reports at its lookahead and the scanner at the token
 * it reads. Compare line starts, never scan the text between (a long
 * definition line followed by many errors would be scanned once per error). */
static bool parse_on_def_line(const struct parse_ctx *ctx, struct loc loc)
{
    uint32_t line = loc.start >= ctx->line_start ? ctx->line_start : ctx->prev_line_start;
    return line == ctx->def_line_start;
}

/* A line of the open block may be missing: the checker does not judge a
 * role's rungs or a competency's numbering from what is left. */
void parse_block_broken(struct parse_ctx *ctx)
{
    if (ctx->block && ctx->block->kind == AST_ROLE)
        ctx->block->u.role.block->broken = true;
    else if (ctx->block && ctx->block->kind == AST_COMPETENCY)
        ctx->block->u.competency.block_broken = true;
}

void parse_note_error(struct parse_ctx *ctx, struct loc loc)
{
    ctx->file->syntax_errors++;
    parse_block_broken(ctx);
    if (ctx->def_name && parse_on_def_line(ctx, loc)) {
        ast_broken_def(ctx->arena, ctx->file, ctx->def_name);
        ctx->def_name = NULL;
    }
}

void parse_lex_error(struct parse_ctx *ctx, struct loc loc, const char *code, const char *fmt, ...)
{
    if (ctx->line_has_error)
        return;
    ctx->line_has_error = true;
    parse_note_error(ctx, loc);
    va_list ap;
    va_start(ap, fmt);
    /* diag's formatter masks and clips the text */
    ctx->last_lex_diag = diag_verror(ctx->diag, code, loc, fmt, ap);
    va_end(ap);
}

/* ---- words reported once, however often they are written ---- */

/* The entry of the first use of word (n bytes) at loc, or NULL after
 * counting a later use. */
static struct parse_repeat *parse_repeat_first(struct parse_ctx *ctx, struct parse_repeats *r, const char *word,
                                               size_t n, struct loc loc)
{
    /* a later use is looked up without a copy: a million 'EM' lines keep one */
    char buf[128];
    const char *key = buf;
    if (n < sizeof buf) {
        memcpy(buf, word, n);
        buf[n] = '\0';
    } else {
        key = arena_strndup(ctx->arena, word, n);
    }
    size_t i;
    if (symtab_get(&r->index, key, &i)) {
        struct parse_repeat *e = &r->v[i];
        if (e->uses++ == 1)
            e->second = loc;
        return NULL;
    }
    if (key == buf)
        key = arena_strndup(ctx->arena, word, n);
    symtab_add(&r->index, key, r->n, &i);
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 16;
        r->v = heap_realloc(ctx->arena->heap, r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n] = (struct parse_repeat){key, NULL, loc, 1};
    return &r->v[r->n++];
}

/* A later use of a word already reported: its line is broken, silently. The
 * word is the token just read (the scanner's, or the parser's lookahead
 * level), so it is on the line being read. */
static void parse_repeat_silently(struct parse_ctx *ctx, struct loc loc)
{
    ctx->line_has_error = true;
    parse_note_error(ctx, loc);
}

/* The note on each word written more than once. */
static void parse_repeats_note(struct parse_ctx *ctx, const struct parse_repeats *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const struct parse_repeat *e = &r->v[i];
        int shown = (int)strnlen(e->word, 40);
        const char *more = e->word[shown] ? "..." : "";
        if (e->uses < 2)
            continue;       /* diag_note skips an error the sink did not keep */
        if (e->uses == 2)
            diag_note(ctx->diag, e->diag, e->second, "'%.*s%s' %s", shown, e->word, more, r->note);
        else
            diag_note(ctx->diag, e->diag, e->second, "'%.*s%s' %s %zu more line%s", shown, e->word, more,
                      r->note_more, e->uses - 2, e->uses == 3 ? "" : "s");
    }
}

static void parse_repeats_init(struct parse_repeats *r, struct heap *heap, const char *note, const char *note_more)
{
    memset(r, 0, sizeof *r);
    symtab_init(&r->index, heap);
    r->note = note;
    r->note_more = note_more;
}

static void parse_repeats_free(struct parse_repeats *r)
{
    heap_free(r->index.heap, r->v);
    symtab_free(&r->index);
}

/* ---- a line that starts with no statement word ---- */

static const char *const parse_statement_words[] = {
    "ladder", "axis", "levels", "track", "box", "years", "role", "company", "import", "competency",
};
enum { PARSE_NSTATEMENT_WORDS = sizeof parse_statement_words / sizeof *parse_statement_words };

static const char *parse_statement_word_at(const void *unused, size_t i)
{
    (void)unused;
    return parse_statement_words[i];
}

/* The statement word closest to word (n bytes), or NULL. */
static const char *parse_closest_statement(const char *word, size_t n)
{
    char w[65];
    if (n >= sizeof w)
        return NULL;
    memcpy(w, word, n);
    w[n] = '\0';
    return suggest_closest(w, PARSE_NSTATEMENT_WORDS, parse_statement_word_at, NULL);
}

/* Whether the statement word close is one that defines the id after it. */
static bool parse_defines_id(const char *close)
{
    return strcmp(close, "role") == 0 || strcmp(close, "track") == 0 || strcmp(close, "company") == 0
        || strcmp(close, "competency") == 0;
}

bool parse_unknown_statement(struct parse_ctx *ctx, struct loc word, bool line_ends, struct loc next, bool next_is_id)
{
    const char *text = parse_at(ctx, word.start);
    size_t n = word.end - word.start;
    const char *close = parse_closest_statement(text, n);
    /* 'senior_engineer' alone on a line is a move cut short, not a statement */
    if (line_ends && !close)
        return false;
    int shown = n > 40 ? 40 : (int)n;
    const char *more = n > 40 ? "..." : "";
    /* 'rol staff ...' meant to define staff: do not call it undefined later */
    if (close && next_is_id && parse_defines_id(close))
        ast_broken_def(ctx->arena, ctx->file, arena_strndup(ctx->arena, parse_at(ctx, next.start), next.end - next.start));
    /* 'rol' on every role line is one mistake: one error, a note counts the lines */
    struct parse_repeat *e = parse_repeat_first(ctx, &ctx->unknown_words, text, n, word);
    parse_note_error(ctx, word);
    if (!e)
        return true;
    if (close) {
        e->diag = diag_error(ctx->diag, "E007", word, "unknown statement '%.*s%s'; did you mean '%s'?", shown, text,
                             more, close);
        diag_fix(ctx->diag, e->diag, close);
    } else
        e->diag = diag_error(ctx->diag, "E007", word, "unknown statement '%.*s%s': a statement starts with ladder, "
                             "axis, levels, track, box, years, role, company, competency or import, or is a move 'a -> b'", shown, text, more);
    return true;
}

/* Whether '->' follows the token at tok, the parser's lookahead. Flex scans
 * the file in place and keeps the byte after the last token it returned
 * replaced by a NUL until its next call: that byte is unknown here, so a '-'
 * in it shows as the '>' after it. */
bool parse_arrow_follows(const struct parse_ctx *ctx, struct loc tok)
{
    if (tok.end >= ctx->eof)
        return false;
    const char *p = parse_at(ctx, tok.end + 1);
    if (*p == '>')
        return true;
    while (*p == ' ' || *p == '\t')
        p++;
    return p[0] == '-' && p[1] == '>';
}

/* ---- names that are not ids ---- */

static bool parse_is_statement_word(const char *w)
{
    for (size_t i = 0; i < PARSE_NSTATEMENT_WORDS; i++)
        if (strcmp(w, parse_statement_words[i]) == 0)
            return true;
    return false;
}

/* The id a bad name (the scanner's [A-Za-z][A-Za-z0-9_]*, or a level's
 * shape) means when its only fault is upper case: lower case, and a '_'
 * where a word starts inside it (techFellow: tech_fellow). */
static char *parse_lower_id(struct parse_ctx *ctx, const char *s, size_t n)
{
    char *id = arena_alloc(ctx->arena, 2 * n + 1);
    size_t len = 0;
    bool after_word = false;    /* after a lower-case letter or a digit: s holds only [A-Za-z0-9_] */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool upper = c >= 'A' && c <= 'Z';
        if (upper && after_word)
            id[len++] = '_';
        id[len++] = upper ? (char)(c - 'A' + 'a') : c;
        after_word = !upper && c != '_';
    }
    id[len] = '\0';
    return id;
}

/* The reserved word s (n bytes) is in another case ('Role', 'LEVEL'), or
 * NULL. */
static const char *parse_reserved_in_caps(const char *s, size_t n)
{
    static const char *const words[] = {
        "ladder", "axis", "levels", "track", "box", "years", "role", "company", "import", "competency",
        "level", "at", "promotion", "lateral", "downward",
    };
    char w[16];
    if (n >= sizeof w)
        return NULL;
    for (size_t i = 0; i < n; i++)
        w[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
    w[n] = '\0';
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(w, words[i]) == 0)
            return words[i];
    return NULL;
}

void parse_bad_name(struct parse_ctx *ctx, struct loc loc, const char *s, size_t n)
{
    if (ctx->line_has_error)
        return;
    int shown = n > 40 ? 40 : (int)n;
    const char *more = n > 40 ? "..." : "";
    const char *word = parse_reserved_in_caps(s, n);
    if (word && ctx->tok_first_on_line && parse_is_statement_word(word)) {
        /* 'Role a ...': a statement word, capitalised; a is still defined there */
        if (parse_defines_id(word))
            ctx->def_keyword_pending = true;
        struct parse_repeat *e = parse_repeat_first(ctx, &ctx->unknown_words, s, n, loc);
        if (!e) {
            parse_repeat_silently(ctx, loc);
            return;
        }
        parse_lex_error(ctx, loc, "E007", "unknown statement '%.*s': statement words are lower-case; did you mean '%s'?",
                        shown, s, word);
        e->diag = ctx->last_lex_diag;
        diag_fix(ctx->diag, e->diag, word);
        return;
    }
    /* a lone capital is more likely a level cut short ('L-5') than an id */
    if (word || n < 2 || s[0] == '_') {
        parse_lex_error(ctx, loc, "E002", "invalid name '%.*s%s': ids are lower-case letters, digits and '_', "
                        "starting with a letter", shown, s, more);
        return;
    }
    /* 'role EM ...': em is what was meant; a later 'em' is not undefined */
    const char *id = NULL;
    if (ctx->after_def_keyword) {
        ctx->def_name = id = parse_lower_id(ctx, s, n);
        ctx->def_line_start = ctx->line_start;
    }
    /* one error per bad name, however often it is written: the note says how often */
    struct parse_repeat *e = parse_repeat_first(ctx, &ctx->bad_names, s, n, loc);
    if (!e) {
        parse_repeat_silently(ctx, loc);
        return;
    }
    if (!id)
        id = parse_lower_id(ctx, s, n);
    parse_lex_error(ctx, loc, "E002", "invalid name '%.*s%s': ids are lower-case snake_case; did you mean '%.*s%s'?",
                    shown, s, more, (int)strnlen(id, 60), id, strlen(id) > 60 ? "..." : "");
    e->diag = ctx->last_lex_diag;
    diag_fix(ctx->diag, e->diag, id);
}

/* ---- not a ladder file ---- */

/* Binary: at least one byte in ten is NUL or not part of valid UTF-8. A
 * Latin-1 ladder has a few bad bytes; an image, an archive, a UTF-16 text or
 * a compiled file has far more. */
static bool parse_looks_binary(const struct source *src, size_t *bad)
{
    const unsigned char *t = (const unsigned char *)src->text;
    *bad = 0;
    for (size_t i = 0; i < src->len;) {
        if (t[i] >= 0x01 && t[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = t[i] ? util_utf8_len(t + i, src->len - i) : 0;
        if (len == 0) {
            ++*bad;
            len = 1;
        }
        i += len;
    }
    return *bad > 0 && *bad * 10 >= src->len;
}

/* Drops every diagnostic added since mark (the sink's tail when parsing
 * began) and the tree: nothing of the file is shown or checked. */
static void parse_drop_since(struct parse_ctx *ctx, const struct diag_mark *mark)
{
    diag_reset_to(ctx->diag, mark);
    size_t syntax_errors = ctx->file->syntax_errors;
    ast_file_init(ctx->file);
    ctx->file->syntax_errors = syntax_errors;   /* still broken: the checker adds nothing */
}

/* A file that is clearly not a ladder (think of 'key.ladder -> ~/.ssh/id_rsa')
 * gets one diagnostic at 1:1 that shows none of its bytes, instead of one
 * excerpt per line. Clearly: it has syntax errors, and either no line of it
 * reads as ladder (none parsed as a statement, none starts with a statement
 * word or with 'id ->'), or it is binary (parse_looks_binary). */
static void parse_check_is_ladder(struct parse_ctx *ctx, const struct source *src, const struct diag_mark *mark)
{
    if (ctx->file->syntax_errors == 0)
        return;
    size_t bad = 0;
    bool binary = parse_looks_binary(src, &bad);
    /* a line that parsed as a statement began with a statement word or
     * 'id ->', so it set ladder_evidence too */
    if (!binary && ctx->ladder_evidence)
        return;
    parse_drop_since(ctx, mark);
    struct diag *d;
    if (binary)
        d = diag_error(ctx->diag, "E009", (struct loc){src->base, src->base}, "not a ladder file: it looks binary (%zu of its %zu "
                       "bytes are NUL or not UTF-8); its contents are not shown", bad, src->len);
    else
        d = diag_error(ctx->diag, "E009", (struct loc){src->base, src->base}, "not a ladder file: no line reads as a statement "
                       "(ladder, axis, levels, track, box, years, role, company, competency, import, or a move 'a -> b'); "
                       "its contents are not shown");
    d->no_excerpt = true;
}

/* A UTF-8 byte-order mark is not text: skip it, as editors do. */
static size_t parse_bom_length(const struct source *src)
{
    const unsigned char *t = (const unsigned char *)src->text;
    return src->len >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF ? 3 : 0;
}

struct ast_file *parse_source(const struct source *src, struct arena *arena, struct diag_sink *diag)
{
    struct ast_file *file = arena_alloc(arena, sizeof *file);
    ast_file_init(file);
    struct parse_ctx ctx = {
        .arena = arena, .diag = diag, .file = file,
        .base = src->text, .off = src->base, .eof = src->base + (uint32_t)src->len, .at_line_start = true,
        .line_start = src->base, .prev_line_start = src->base, .def_line_start = src->base,
    };
    yyscan_t scanner;
    /* cannot fail: its one allocation is yyalloc's (ladder.l), which
     * jumps to the heap's oom when out of memory, and scanner is not NULL */
    (void)yylex_init_extra(&ctx, &scanner);
    /* flex scans in place: the source keeps two NULs after its bytes */
    size_t bom = parse_bom_length(src);
    yy_scan_buffer(src->text + bom, src->len - bom + 2, scanner);
    parse_repeats_init(&ctx.bad_names, arena->heap, "is also written here", "is also written here and on");
    parse_repeats_init(&ctx.unknown_words, arena->heap, "also starts this line", "also starts this line and");
    struct diag_mark mark;
    diag_mark(diag, src->base, &mark);
    yyparse(scanner, &ctx);
    yylex_destroy(scanner);
    parse_repeats_note(&ctx, &ctx.bad_names);
    parse_repeats_note(&ctx, &ctx.unknown_words);
    parse_check_is_ladder(&ctx, src, &mark);
    parse_repeats_free(&ctx.bad_names);
    parse_repeats_free(&ctx.unknown_words);
    return file;
}
