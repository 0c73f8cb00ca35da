/* ast.c - building the syntax tree; the parser's actions call these. */
#include "ast.h"

#include <stddef.h>
#include <string.h>

void ast_file_init(struct ast_file *f)
{
    memset(f, 0, sizeof *f);
    f->tail = &f->first;
    f->comments_tail = &f->comments;
}

struct ast_stmt *ast_stmt_new(struct arena *a, enum ast_kind kind, struct loc loc)
{
    /* only the kind's member of the union is ever used: allocate just that
     * much (a million transitions need 184 bytes each, not 256) */
#define MEMBER_SIZE(m) sizeof(((struct ast_stmt *)0)->u.m)
    static const size_t size[] = {
        [AST_LADDER] = MEMBER_SIZE(ladder), [AST_AXIS] = MEMBER_SIZE(axis), [AST_LEVELS] = MEMBER_SIZE(levels),
        [AST_TRACK] = MEMBER_SIZE(track), [AST_BOX] = MEMBER_SIZE(box), [AST_YEARS] = MEMBER_SIZE(years),
        [AST_ROLE] = MEMBER_SIZE(role), [AST_TRANSITION] = MEMBER_SIZE(transition), [AST_COMPANY] = MEMBER_SIZE(company),
        [AST_IMPORT] = MEMBER_SIZE(import), [AST_COMPETENCY] = MEMBER_SIZE(competency),
        [AST_LAYOUT] = MEMBER_SIZE(layout),
    };
#undef MEMBER_SIZE
    struct ast_stmt *s = arena_alloc(a, offsetof(struct ast_stmt, u) + size[kind]);
    s->kind = kind;
    s->loc = loc;
    if (kind == AST_COMPANY)
        s->u.company.tail = &s->u.company.lines;
    else if (kind == AST_COMPETENCY)
        s->u.competency.tail = &s->u.competency.rungs;
    return s;
}

void ast_file_append(struct ast_file *f, struct ast_stmt *s)
{
    *f->tail = s;
    f->tail = &s->next;
    f->count[s->kind]++;
}

void ast_company_append(struct arena *a, struct ast_stmt *company, struct ast_company_line line)
{
    struct ast_company_line *l = arena_alloc(a, sizeof *l);
    *l = line;
    l->next = NULL;
    *company->u.company.tail = l;
    company->u.company.tail = &l->next;
    company->u.company.nlines++;
}

void ast_rung_append(struct arena *a, struct ast_stmt *competency, struct ast_rung_line line)
{
    struct ast_rung_line *l = arena_alloc(a, sizeof *l);
    *l = line;
    l->next = NULL;
    *competency->u.competency.tail = l;
    competency->u.competency.tail = &l->next;
    competency->u.competency.nrungs++;
}

void ast_role_open(struct arena *a, struct ast_stmt *role, struct loc brace)
{
    struct ast_role_block *b = arena_alloc(a, sizeof *b);
    *b = (struct ast_role_block){.brace = brace};
    b->tail = &b->lines;
    role->u.role.block = b;
}

void ast_role_line_append(struct arena *a, struct ast_stmt *role, struct ast_role_line line)
{
    struct ast_role_line *l = arena_alloc(a, sizeof *l);
    *l = line;
    l->next = NULL;
    struct ast_role_block *b = role->u.role.block;
    *b->tail = l;
    b->tail = &l->next;
    b->nlines++;
}

struct loc ast_block_brace(const struct ast_stmt *s)
{
    return s->kind == AST_COMPANY ? s->u.company.brace
         : s->kind == AST_COMPETENCY ? s->u.competency.brace : s->u.role.block->brace;
}

const char *ast_block_what(const struct ast_stmt *s)
{
    return s->kind == AST_COMPANY ? "company" : s->kind == AST_COMPETENCY ? "competency" : "role";
}

const char *ast_block_id(const struct ast_stmt *s)
{
    return s->kind == AST_COMPANY ? s->u.company.id.text
         : s->kind == AST_COMPETENCY ? s->u.competency.id.text : s->u.role.id.text;
}

void ast_broken_def(struct arena *a, struct ast_file *f, const char *name)
{
    struct ast_name_list *n = arena_alloc(a, sizeof *n);
    n->name = name;
    n->next = f->broken_defs;
    f->broken_defs = n;
}

void ast_comment_append(struct arena *a, struct ast_file *f, const char *text, size_t len, struct loc loc)
{
    struct ast_comment *c = arena_alloc(a, sizeof *c);
    c->text = arena_strndup(a, text, len);
    c->loc = loc;
    *f->comments_tail = c;
    f->comments_tail = &c->next;
}
