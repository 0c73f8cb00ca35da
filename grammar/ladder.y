/* ladder.y - the grammar of .ladder files, and nothing else: actions only
 * build the tree through ast_* helpers. One statement per line; after a
 * syntax error the parser resynchronises at the next line end, so one run
 * reports every syntax error. */
%require "3.8"
%define api.pure full
%define api.location.type {struct loc}
%define api.token.prefix {TOK_}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%code requires {
#include "ast.h"
#include "parse_ctx.h"
}

%code provides {
int yylex(YYSTYPE *lval, struct loc *lloc, void *scanner);
}

%code {
#include <stdio.h>
#include <string.h>

#include "buf.h"

/* The parser never allocates: the grammar is flat and left-recursive, so
 * its stack holds at most a statement's symbols (under 20), far below the
 * YYINITDEPTH (200) entries it starts with on the C stack. Were it ever to
 * need more, it would report "memory exhausted" as a syntax error instead
 * of calling malloc behind the session's allocator. */
#define YYMALLOC(n) ((void)(n), (void *)0)
#define YYFREE(p) ((void)(p))

/* Bison's default joins spans; an empty rule takes the end of the previous one. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                   \
    do {                                                              \
        if (N) {                                                      \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                     \
            (Cur).end = YYRHSLOC(Rhs, N).end;                         \
        } else {                                                      \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;           \
        }                                                             \
    } while (0)

static struct ast_text text_at(const char *s, struct loc loc) { return (struct ast_text){s, loc}; }
static struct loc span(struct loc a, struct loc b) { return (struct loc){a.start, b.end}; }
static struct ast_levels levels_one(struct ast_level l, struct loc loc);
static struct ast_levels levels_range(struct ast_level lo, struct ast_level hi, struct loc loc);
static struct ast_range range_of(struct ast_number lo, struct ast_number hi, struct loc loc);
static void add_stmt(struct parse_ctx *ctx, struct ast_stmt *s);
static struct ast_stmt *role_at(struct ast_stmt *s, struct ast_number x, struct ast_number y);
static struct ast_stmt *role_open(struct parse_ctx *ctx, struct ast_stmt *s, struct loc brace);
static struct ast_stmt *role_new(struct parse_ctx *ctx, const char *id, struct loc id_loc, const char *name,
                                 struct loc name_loc, const char *track, struct loc track_loc,
                                 struct ast_levels levels, struct loc loc);
static void yyerror(const struct loc *loc, void *scanner, struct parse_ctx *ctx, const char *msg);
}

%lex-param {void *scanner}
%parse-param {void *scanner} {struct parse_ctx *ctx}

%union {
    const char *str;
    struct ast_number num;
    struct ast_level level;
    struct ast_levels levels;
    struct ast_range range;
    enum model_kind kind;
    struct ast_stmt *stmt;
    struct { bool has; enum model_kind kind; struct loc loc; } opt_kind;
    struct { bool has; struct ast_range range; } opt_years;
}

%token END 0 "end of file"
%token NEWLINE "end of line"
%token <str> ID "identifier"
%token <str> STRING "string"
%token <num> NUMBER "number"
%token <level> LEVEL "level"
%token ARROW "'->'"
%token DOTDOT "'..'"
%token LPAREN "'('" RPAREN "')'" COMMA "','" LBRACE "'{'" RBRACE "'}'" EQUALS "'='"
%token KW_LADDER "'ladder'" KW_AXIS "'axis'" KW_LEVELS "'levels'" KW_TRACK "'track'"
%token KW_BOX "'box'" KW_YEARS "'years'" KW_ROLE "'role'" KW_LEVEL "'level'" KW_AT "'at'"
%token KW_COMPANY "'company'" KW_IMPORT "'import'" KW_LAYOUT "'layout'" KW_COMPETENCY "'competency'" KW_PROMOTION "'promotion'" KW_LATERAL "'lateral'"
%token KW_DOWNWARD "'downward'"

%type <stmt> stmt company company_head role_head competency competency_head
%type <levels> levels
%type <range> range
%type <kind> kind
%type <opt_kind> opt_kind
%type <opt_years> opt_years
%type <str> opt_skill

%%

file
    : %empty
    | file line
    ;

line
    : stmt NEWLINE          { add_stmt(ctx, $1); }
    | NEWLINE
    | error NEWLINE         { yyerrok; }
    /* a block whose first line is wrong ('rol x ... {', 'competency x "X" hrad oops {'): its lines are
     * not statements, and reading them as such would report each; the first line's error is the one */
    | error LBRACE { ctx->broken_block = true; } NEWLINE broken_body RBRACE NEWLINE
        { ctx->broken_block = false;
          yyerrok; }
    ;

broken_body
    : %empty
    | broken_body broken_token
    ;

/* what the lines of a block hold; a statement keyword opening a line ends the block (the scanner) */
broken_token
    : NEWLINE | ID | STRING | NUMBER | LEVEL | ARROW | DOTDOT | LPAREN | RPAREN | COMMA | LBRACE | EQUALS
    | KW_LEVEL | KW_AT | KW_PROMOTION | KW_LATERAL | KW_DOWNWARD
    ;

stmt
    : KW_LADDER STRING
        { $$ = ast_stmt_new(ctx->arena, AST_LADDER, @$);
          $$->u.ladder.title = text_at($2, @2); }
    | KW_AXIS ID STRING range
        { $$ = ast_stmt_new(ctx->arena, AST_AXIS, @$);
          $$->u.axis.name = text_at($2, @2);
          $$->u.axis.title = text_at($3, @3);
          $$->u.axis.range = $4; }
    | KW_LAYOUT ID
        { $$ = ast_stmt_new(ctx->arena, AST_LAYOUT, @$);
          $$->u.layout.mode = text_at($2, @2); }
    | KW_LEVELS levels
        { $$ = ast_stmt_new(ctx->arena, AST_LEVELS, @$);
          $$->u.levels.levels = $2; }
    | KW_TRACK ID STRING
        { $$ = ast_stmt_new(ctx->arena, AST_TRACK, @$);
          $$->u.track.id = text_at($2, @2);
          $$->u.track.name = text_at($3, @3); }
    | KW_TRACK ID STRING KW_LEVELS levels EQUALS levels
        { $$ = ast_stmt_new(ctx->arena, AST_TRACK, @$);
          $$->u.track.id = text_at($2, @2);
          $$->u.track.name = text_at($3, @3);
          $$->u.track.has_levels = true;
          $$->u.track.own = $5;
          $$->u.track.scale = $7; }
    | KW_BOX STRING levels
        { $$ = ast_stmt_new(ctx->arena, AST_BOX, @$);
          $$->u.box.name = text_at($2, @2);
          $$->u.box.levels = $3; }
    | KW_YEARS kind range
        { $$ = ast_stmt_new(ctx->arena, AST_YEARS, @$);
          $$->u.years.kind = $2;
          $$->u.years.kind_loc = @2;
          $$->u.years.range = $3; }
    | KW_ROLE ID STRING KW_TRACK ID KW_LEVEL levels
        { $$ = role_new(ctx, $2, @2, $3, @3, $5, @5, $7, @$); }
    | KW_ROLE ID STRING KW_TRACK ID KW_LEVEL levels KW_AT LPAREN NUMBER COMMA NUMBER RPAREN
        { $$ = role_at(role_new(ctx, $2, @2, $3, @3, $5, @5, $7, @$), $10, $12); }
    | role_head role_body RBRACE
        { $$ = $1; $$->loc.end = @3.end;
          ctx->block = NULL; }
    | competency
    | ID ARROW ID opt_kind opt_years
        { $$ = ast_stmt_new(ctx->arena, AST_TRANSITION, @$);
          $$->u.transition.from = text_at($1, @1);
          $$->u.transition.to = text_at($3, @3);
          $$->u.transition.has_kind = $4.has;
          $$->u.transition.kind = $4.has ? $4.kind : KIND_PROMOTION;
          $$->u.transition.kind_loc = $4.loc;
          $$->u.transition.has_years = $5.has;
          $$->u.transition.years = $5.range; }
    | KW_IMPORT STRING
        { $$ = ast_stmt_new(ctx->arena, AST_IMPORT, @$);
          $$->u.import.path = text_at($2, @2); }
    | company
    ;

/* A role is written out in full in each of its four shapes (with or
 * without 'at', with or without a block): a role line then costs the
 * parser no more reductions than before roles had blocks. The '{' may
 * also open a later line: the scanner then drops the line ends before it
 * (lex_brace_after in ladder.l), as it does for every block. */
role_head
    : KW_ROLE ID STRING KW_TRACK ID KW_LEVEL levels LBRACE NEWLINE
        { $$ = role_open(ctx, role_new(ctx, $2, @2, $3, @3, $5, @5, $7, @$), @8); }
    | KW_ROLE ID STRING KW_TRACK ID KW_LEVEL levels KW_AT LPAREN NUMBER COMMA NUMBER RPAREN LBRACE NEWLINE
        { $$ = role_open(ctx, role_at(role_new(ctx, $2, @2, $3, @3, $5, @5, $7, @$), $10, $12), @14); }
    ;

role_body
    : %empty
    | role_body role_line
    ;

role_line
    : ID NUMBER NEWLINE
        { ast_role_line_append(ctx->arena, ctx->block, (struct ast_role_line){
              .key = text_at($1, @1), .has_number = true, .number = $2, .loc = span(@1, @2)}); }
    | ID NUMBER STRING NEWLINE
        { ast_role_line_append(ctx->arena, ctx->block, (struct ast_role_line){
              .key = text_at($1, @1), .has_number = true, .number = $2,
              .has_text = true, .text = text_at($3, @3), .loc = span(@1, @3)}); }
    | ID STRING NEWLINE
        { ast_role_line_append(ctx->arena, ctx->block, (struct ast_role_line){
              .key = text_at($1, @1), .has_text = true, .text = text_at($2, @2), .loc = span(@1, @2)}); }
    /* 'craft' or 'summary' alone: the checker says what it lacks (E184) */
    | ID NEWLINE
        { ast_role_line_append(ctx->arena, ctx->block, (struct ast_role_line){
              .key = text_at($1, @1), .loc = @1}); }
    | NEWLINE
    | error NEWLINE         { yyerrok; }
    ;

competency
    : competency_head rung_body RBRACE
        { $$ = $1; $$->loc.end = @3.end;
          ctx->block = NULL; }
    ;

competency_head
    : KW_COMPETENCY ID STRING opt_skill line_ends LBRACE NEWLINE
        { $$ = ast_stmt_new(ctx->arena, AST_COMPETENCY, @$);
          $$->u.competency.id = text_at($2, @2);
          $$->u.competency.name = text_at($3, @3);
          $$->u.competency.has_skill = $4 != NULL;
          $$->u.competency.skill = text_at($4, @4);
          $$->u.competency.brace = @6;
          ctx->block = $$; }
    ;

opt_skill
    : %empty                { $$ = NULL; }
    | ID                    { $$ = $1; }
    ;

rung_body
    : %empty
    | rung_body rung_line
    ;

rung_line
    : NUMBER STRING NEWLINE
        { ast_rung_append(ctx->arena, ctx->block, (struct ast_rung_line){
              .number = $1, .name = text_at($2, @2), .loc = span(@1, @2)}); }
    | NUMBER STRING STRING NEWLINE
        { ast_rung_append(ctx->arena, ctx->block, (struct ast_rung_line){
              .number = $1, .name = text_at($2, @2), .meaning = text_at($3, @3), .has_meaning = true,
              .loc = span(@1, @3)}); }
    | NEWLINE
    | error NEWLINE         { yyerrok; }
    ;

company
    : company_head body RBRACE
        { $$ = $1; $$->loc.end = @3.end;
          ctx->block = NULL; }
    ;

/* the '{' may also open the next line, as in many brace styles */
company_head
    : KW_COMPANY ID STRING line_ends LBRACE NEWLINE
        { $$ = ast_stmt_new(ctx->arena, AST_COMPANY, @$);
          $$->u.company.id = text_at($2, @2);
          $$->u.company.name = text_at($3, @3);
          $$->u.company.brace = @5;
          ctx->block = $$; }
    ;

line_ends
    : %empty
    | line_ends NEWLINE
    ;

body
    : %empty
    | body company_line
    ;

company_line
    : ID levels STRING STRING NEWLINE
        { struct ast_company_line l = {
              .track = text_at($1, @1), .levels = $2,
              .code = text_at($3, @3), .title = text_at($4, @4),
              .loc = @$ };
          l.loc.end = @4.end;
          ast_company_append(ctx->arena, ctx->block, l); }
    | NEWLINE
    | error NEWLINE         { yyerrok; }
    ;

levels
    : LEVEL                 { $$ = levels_one($1, @$); }
    | LEVEL DOTDOT LEVEL    { $$ = levels_range($1, $3, @$); }
    ;

range
    : NUMBER DOTDOT NUMBER  { $$ = range_of($1, $3, @$); }
    | NUMBER DOTDOT         { $$ = range_of($1, $1, @$); $$.hi.text = NULL; }
    ;

kind
    : KW_PROMOTION          { $$ = KIND_PROMOTION; }
    | KW_LATERAL            { $$ = KIND_LATERAL; }
    | KW_DOWNWARD           { $$ = KIND_DOWNWARD; }
    ;

opt_kind
    : %empty                { $$.has = false; $$.kind = KIND_PROMOTION; $$.loc = @$; }
    | kind                  { $$.has = true; $$.kind = $1; $$.loc = @1; }
    ;

opt_years
    : %empty                { $$.has = false; memset(&$$.range, 0, sizeof $$.range); }
    | KW_YEARS range        { $$.has = true; $$.range = $2; }
    ;

%%

static struct ast_levels levels_one(struct ast_level l, struct loc loc)
{
    return (struct ast_levels){.lo = l, .hi = l, .is_range = false, .loc = loc};
}

static struct ast_levels levels_range(struct ast_level lo, struct ast_level hi, struct loc loc)
{
    return (struct ast_levels){.lo = lo, .hi = hi, .is_range = true, .loc = loc};
}

static struct ast_range range_of(struct ast_number lo, struct ast_number hi, struct loc loc)
{
    return (struct ast_range){.lo = lo, .hi = hi, .loc = loc};
}

static struct ast_stmt *role_new(struct parse_ctx *ctx, const char *id, struct loc id_loc, const char *name,
                                 struct loc name_loc, const char *track, struct loc track_loc,
                                 struct ast_levels levels, struct loc loc)
{
    struct ast_stmt *s = ast_stmt_new(ctx->arena, AST_ROLE, loc);
    s->u.role.id = text_at(id, id_loc);
    s->u.role.name = text_at(name, name_loc);
    s->u.role.track = text_at(track, track_loc);
    s->u.role.levels = levels;
    return s;
}

static struct ast_stmt *role_at(struct ast_stmt *s, struct ast_number x, struct ast_number y)
{
    s->u.role.x = x;
    s->u.role.y = y;
    return s;
}

/* The role's '{' at brace: its block's lines come next. */
static struct ast_stmt *role_open(struct parse_ctx *ctx, struct ast_stmt *s, struct loc brace)
{
    ast_role_open(ctx->arena, s, brace);
    ctx->block = s;
    return s;
}

static void add_stmt(struct parse_ctx *ctx, struct ast_stmt *s)
{
    ast_file_append(ctx->file, s);
}

/* Bison calls this only when its stack is exhausted: nesting is flat, so
 * only a pathological file gets here. */
static void yyerror(const struct loc *loc, void *scanner, struct parse_ctx *ctx, const char *msg)
{
    (void)scanner;
    parse_note_error(ctx, *loc);
    diag_error(ctx->diag, "E001", *loc, "%s", msg);
}

/* "found identifier 'stafff'" reads better than "found identifier". The
 * token's bytes are its span of the file. */
static void describe_token(const struct parse_ctx *ctx, yysymbol_kind_t tok, struct loc loc,
                           char *out, size_t outsz)
{
    const char *name = yysymbol_name(tok);
    bool show = tok == YYSYMBOL_ID || tok == YYSYMBOL_NUMBER || tok == YYSYMBOL_LEVEL;
    int len = (int)(loc.end - loc.start);     /* an id, a number or a level has a byte at least */
    if (show && len <= 40)
        snprintf(out, outsz, "%s '%.*s'", name, len, parse_at(ctx, loc.start));
    else
        snprintf(out, outsz, "%s", name);
}

/* Whether the parser stands at the start of a statement: any statement
 * word may come next. */
static bool at_statement_start(const yysymbol_kind_t *expected, int n)
{
    for (int i = 0; i < n; i++)
        if (expected[i] == YYSYMBOL_KW_LADDER)
            return true;
    return false;
}

/* The keywords are the last tokens declared: no upper bound to test. */
_Static_assert(YYSYMBOL_KW_DOWNWARD == YYNTOKENS - 1, "the keywords end the %token list");

static bool is_keyword(yysymbol_kind_t tok)
{
    return tok >= YYSYMBOL_KW_LADDER;
}

/* A line whose first word is no statement: 'rol staff ...', 'import "x"',
 * 'level L3..L5'. An id is followed by '->' in the only statement it may
 * start, so expecting just '->' means the id began the line. */
static bool report_unknown_statement(struct parse_ctx *ctx, const yysymbol_kind_t *expected, int n,
                                     yysymbol_kind_t tok, struct loc loc)
{
    if (n == 1 && expected[0] == YYSYMBOL_ARROW) {
        /* a last line without its line end gets one from the scanner: never end of file here */
        bool ends = tok == YYSYMBOL_NEWLINE;
        return parse_unknown_statement(ctx, ctx->line_first, ends, loc, tok == YYSYMBOL_ID);
    }
    if (is_keyword(tok) && at_statement_start(expected, n))
        return parse_unknown_statement(ctx, loc, false, loc, false);
    return false;
}

/* "syntax error: expected A, B or C, found X". */
static struct diag *report_expected(struct parse_ctx *ctx, const yysymbol_kind_t *expected, int n,
                                    const char *found, struct loc loc)
{
    struct buf want;
    buf_init(&want, ctx->arena->heap);
    for (int i = 0; i < n; i++)
        buf_printf(&want, "%s%s", i == 0 ? "" : i == n - 1 ? " or " : ", ", yysymbol_name(expected[i]));
    buf_putc(&want, '\0');
    struct diag *d = diag_error(ctx->diag, "E001", loc, "syntax error: expected %s, found %s", want.data, found);
    buf_free(&want);
    return d;
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, void *scanner, struct parse_ctx *ctx)
{
    (void)scanner;
    enum { MAX_EXPECTED = 6 };
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(yyctx, expected, YYNTOKENS);
    yysymbol_kind_t tok = yypcontext_token(yyctx);
    struct loc loc = *yypcontext_location(yyctx);

    /* 'role SDET1 ...', 'a -> EM2', 'EM2 -> a': an upper-case id shaped like a level */
    bool bad_name = tok == YYSYMBOL_LEVEL && ((n == 1 && expected[0] == YYSYMBOL_ID)
                                             || (at_statement_start(expected, n) && parse_arrow_follows(ctx, loc)));
    if (bad_name)
        parse_bad_name(ctx, loc, parse_at(ctx, loc.start), loc.end - loc.start);
    /* one diagnostic per line: what the scanner finds later on it is not reported */
    if (loc.start >= ctx->line_start)
        ctx->line_has_error = true;
    if (bad_name || report_unknown_statement(ctx, expected, n, tok, loc))
        return 0;

    char found[128];
    describe_token(ctx, tok, loc, found, sizeof found);

    parse_note_error(ctx, loc);
    /* an unclosed '{' is the scanner's to report (it closes the block) */
    struct diag *d;
    /* more candidates than MAX_EXPECTED: name none of them. n < 1 only if
     * LAC ran out of stack (YYENOMEM), which this flat grammar cannot do. */
    if (n > 0 && n <= MAX_EXPECTED)
        d = report_expected(ctx, expected, n, found, loc);
    else
        d = diag_error(ctx->diag, "E001", loc, "syntax error: unexpected %s", found);
    if (ctx->block && tok >= YYSYMBOL_KW_LADDER && tok != YYSYMBOL_KW_LEVEL && tok != YYSYMBOL_KW_AT
        && tok < YYSYMBOL_KW_PROMOTION)
        diag_note(ctx->diag, d, ast_block_brace(ctx->block), "the '{' of %s '%s' opened here",
                  ast_block_what(ctx->block), ast_block_id(ctx->block));
    return 0;
}
