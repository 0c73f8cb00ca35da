/* parse.c - runs the reentrant scanner and the pure parser over one file. */
#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ladder.tab.h"
#include "ladder.lex.h"
#include "parse_ctx.h"

/* Whether loc starts on the line that defines def_name: no line end between. */
static bool parse_on_def_line(const struct parse_ctx *ctx, struct loc loc)
{
    return loc.start >= ctx->def_line_start &&
           !memchr(ctx->base + ctx->def_line_start, '\n', loc.start - ctx->def_line_start);
}

void parse_note_error(struct parse_ctx *ctx, struct loc loc)
{
    ctx->file->syntax_errors++;
    if (!ctx->def_name)
        return;
    if (parse_on_def_line(ctx, loc))
        ast_broken_def(ctx->arena, ctx->file, ctx->def_name);
    /* Either way the definition's line is done with: errors come in file
     * order, so a later one cannot be on it. Forgetting it keeps the scan
     * above to once per definition (a 10 MB line, then 50,000 errors: 6 s of CPU). */
    ctx->def_name = NULL;
}

void parse_lex_error(struct parse_ctx *ctx, struct loc loc, const char *code, const char *fmt, ...)
{
    if (ctx->line_has_error)
        return;
    ctx->line_has_error = true;
    parse_note_error(ctx, loc);
    va_list ap;
    va_start(ap, fmt);
    diag_verror(ctx->diag, code, loc, fmt, ap);     /* diag's formatter masks and clips the text */
    va_end(ap);
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
        .base = src->text, .eof = (uint32_t)src->len, .at_line_start = true,
    };
    yyscan_t scanner;
    if (yylex_init_extra(&ctx, &scanner) != 0)
        return file;
    /* flex scans in place: the source keeps two NULs after its bytes */
    size_t bom = parse_bom_length(src);
    yy_scan_buffer(src->text + bom, src->len - bom + 2, scanner);
    yyparse(scanner, &ctx);
    yylex_destroy(scanner);
    return file;
}
