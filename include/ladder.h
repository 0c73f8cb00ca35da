/* ladder.h - libladder: the ladderc compiler as a library.
 *
 * One header, as tree-sitter and Lua have: a session (one compilation) owns
 * everything it makes; the embedder supplies the allocator and a loader for
 * files; every error is returned, none is printed, none ends the process.
 * The library reads no file, writes to no stream and loads no code itself,
 * so it runs wherever C runs (a language server, a browser through
 * WebAssembly, a test that keeps its files in memory).
 *
 *   ld_session *s = ld_session_new(&config);      config may be NULL
 *   ld_session_add_file(s, "ladder.ladder");      the roots of the ladder
 *   ld_status st = ld_check(s);                   parse, follow imports, check
 *   ld_print_diagnostics(s, LD_FORMAT_TEXT, &text);
 *   if (st == LD_OK) ld_emit(s, "md", &text);
 *   ld_session_free(s);
 *
 * A ladder is the roots given to the session and every file they import,
 * checked as one. Several sessions may live side by side in one process (a
 * language server keeps one per open document); a session is used by one
 * thread at a time.
 *
 * Strings are UTF-8 and NUL-terminated unless a length goes with them.
 * Text the library returns (ld_text, ld_diagnostic, paths) belongs to the
 * session and stays valid until the session is freed, unless a function
 * says otherwise. Docs: docs/library.md. */
#ifndef LADDER_H
#define LADDER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LD_VERSION "0.3.0"

typedef struct ld_session ld_session;

/* What every call that can fail returns. */
typedef enum ld_status {
    LD_OK = 0,          /* done (the ladder may have warnings) */
    LD_EINPUT = 1,      /* the ladder has errors (or, under werror, warnings): see the diagnostics */
    LD_EUSAGE = 2,      /* the call cannot be done: out of order, a bad argument, an unknown
                         * role; ld_message says why */
    LD_ENOMEM = 3,      /* the allocator failed: the session holds nothing but this status;
                         * every later call returns it again; free the session */
} ld_status;

/* ---- what the embedder supplies ---- */

/* The allocator, in Lua's lua_Alloc shape: ptr NULL and nsize > 0
 * allocates; ptr and nsize > 0 resizes a block of osize bytes; nsize 0
 * frees ptr and returns NULL. A NULL result from an allocation or a resize
 * is a failure (ptr stays valid): the call in progress returns LD_ENOMEM. */
typedef void *(*ld_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

/* A file the loader found: its bytes (any bytes; the library checks them),
 * which the library copies before the loader is called again, then hands
 * back to release (when not NULL), unless they are lent (lend below). key names the file for "the same file
 * imported twice": NULL means the path itself; a loader that can tell two
 * paths are one file (a link) gives both the same key (a canonical path). */
typedef struct ld_source {
    const char *text;
    size_t len;
    const char *key;
    void (*release)(void *ud, const char *text, size_t len);
    /* Nonzero: the bytes are lent, not copied. They are followed by two NUL
     * bytes (text[len] and text[len + 1]), are writable (the scanner works
     * in place, and puts back each byte it changes), and stay valid until
     * release is called, when the session is freed (or runs out of
     * memory): a 40 MB ladder is then in memory once, not twice. */
    int lend;
    char why[256];      /* on failure: the reason, "No such file or directory" */
} ld_source;

/* Paths the loader is asked for, exactly:
 * - a root given to ld_session_add_file, as given;
 * - an import "std/NAME": "std/NAME", verbatim (a shipped ladder: the
 *   command line reads it from share/ladderc/std/ beside its binary; a
 *   browser from its bundle);
 * - any other import: the importing file's folder joined with the import's
 *   path, without "." components and with "dir/.." removed ("a/./b/../c"
 *   is "a/c"); a path that climbs out ("../x") keeps its leading "..". One
 *   that would then start with "std/" (a folder of the user's named std)
 *   starts "./std/", so that it is not taken for a shipped ladder, unless
 *   the importing file is a shipped one (its own imports are shipped too).
 * Returns 0 with out->text and out->len set, or -1 with out->why set. */
typedef int (*ld_load_fn)(void *ud, const char *path, ld_source *out);

/* Which diagnostics to keep and how to count them (the command line's
 * --werror, -W no-CODE and --max-diagnostics). */
typedef struct ld_diag_options {
    int werror;                     /* warnings count as errors */
    const char *const *disabled;    /* warning codes to silence ("W170"); see ld_warning_code */
    size_t ndisabled;
    size_t max_shown;               /* text and github print at most this many per file; 0: all */
    int keep_all;                   /* keep every one even so (JSON prints them all) */
} ld_diag_options;

/* How the map places roles (ld_config.layout). */
typedef enum ld_layout {
    LD_LAYOUT_FILE = 0,     /* the file's `layout` statement; relative without one */
    LD_LAYOUT_RELATIVE,     /* keep each axis's order, choose the spacing (docs/layout.md) */
    LD_LAYOUT_EXACT         /* every role at its written coordinates, as in 0.2 */
} ld_layout;

/* The map's colours (ld_config.theme). */
typedef enum ld_theme { LD_THEME_LIGHT = 0, LD_THEME_DARK } ld_theme;

typedef struct ld_config {
    ld_alloc_fn alloc;      /* NULL: the C library's malloc, realloc and free */
    void *alloc_ud;
    ld_load_fn load;        /* NULL: no files; ld_session_add_file and every import fail */
    void *load_ud;
    ld_diag_options diag;   /* all zero: keep and show everything, warnings as warnings */
    int index;              /* ld_check also builds the index of names (ld_refs, ld_rename):
                             * 24 bytes a name written, and about a quarter more checking time */
    ld_layout layout;       /* the map's layout; LD_LAYOUT_FILE: as the file says */
    ld_theme theme;         /* the map's colours (DOT, and so SVG, PNG and PDF) */
} ld_config;

/* ---- sessions ---- */

/* A session with config's allocator, loader and options (copied; NULL: all
 * defaults). NULL only when the allocator fails at once. */
ld_session *ld_session_new(const ld_config *config);

/* Frees the session and everything it made: every block goes back to the
 * allocator, whatever state the session is in. NULL is allowed. */
void ld_session_free(ld_session *s);

/* A root of the ladder, read through the loader when the session is checked
 * or parsed. */
ld_status ld_session_add_file(ld_session *s, const char *path);

/* A root whose bytes are already in memory (copied), named name in
 * diagnostics; its imports are resolved from name's folder. */
ld_status ld_session_add_text(ld_session *s, const char *name, const char *text, size_t len);

/* Parses the roots only, without following their imports or checking: for
 * ld_format. LD_EINPUT when a root has syntax errors or cannot be read.
 * A session is parsed (ld_parse) or checked (ld_check) once. */
ld_status ld_parse(ld_session *s);

/* Parses the roots and every file they import (each once, in any depth,
 * without recursion: breadth-first, so ld_file_path's order), then checks
 * them as one ladder, each imported file before its importers (so "first
 * defined here" is in the imported file). LD_OK: the model is ready for
 * ld_emit and ld_path. LD_EINPUT: errors, in the diagnostics (a file that
 * cannot be read is one (E020), at the import that names it, or for a root
 * at line 0; an import cycle is E021). A diagnostic in an imported file has
 * a note at the import that first reached the file ("'x.ladder' is
 * imported here"). Call once per session. */
ld_status ld_check(ld_session *s);

/* Why the last call returned LD_EUSAGE or LD_ENOMEM, one line, or "". */
const char *ld_message(const ld_session *s);

/* ---- files ---- */

/* The files of the session: the roots first, in the order given, then the
 * imported ones in the order they were first reached. path is as the
 * loader was asked for it, which is what diagnostics show. */
size_t ld_file_count(const ld_session *s);
const char *ld_file_path(const ld_session *s, size_t i);

/* ---- diagnostics ---- */

typedef enum ld_severity { LD_ERROR, LD_WARNING, LD_NOTE } ld_severity;

/* One diagnostic or one of its notes. Lines and columns count from 1
 * (columns in code points); line 0 means the file as a whole (it could not
 * be read). end_* is one column past the span's last code point. */
typedef struct ld_diagnostic {
    ld_severity severity;
    const char *code;       /* "E130", "W170"; NULL for a note */
    const char *message;
    const char *file;       /* NULL when the diagnostic is about no file */
    int line, column, end_line, end_column;
    size_t nnotes;
} ld_diagnostic;

/* Every diagnostic kept, in order of file, then position. */
size_t ld_diagnostic_count(const ld_session *s);
size_t ld_error_count(const ld_session *s);     /* all of them, kept or dropped */
size_t ld_warning_count(const ld_session *s);
ld_status ld_diagnostic_get(ld_session *s, size_t i, ld_diagnostic *out);
ld_status ld_diagnostic_note(ld_session *s, size_t i, size_t note, ld_diagnostic *out);

/* Text valid until the next call that returns an ld_text on the same session. */
typedef struct ld_text {
    const char *data;       /* NUL after len bytes */
    size_t len;
} ld_text;

typedef enum ld_diag_format {
    LD_FORMAT_TEXT,         /* FILE:LINE:COL: error: message [CODE], the line, a caret */
    LD_FORMAT_TEXT_COLOR,   /* the same with terminal colours */
    LD_FORMAT_JSON,         /* one JSON object per diagnostic, comma-separated (no brackets) */
    LD_FORMAT_GITHUB,       /* GitHub Actions workflow commands */
} ld_diag_format;

/* The session's diagnostics printed into out (every file's, in order). */
ld_status ld_print_diagnostics(ld_session *s, ld_diag_format format, ld_text *out);

/* Only file i's diagnostics (i as in ld_file_path), and how many errors and
 * warnings it has, kept or dropped: for a caller that checks several
 * ladders sharing a file and shows that file's diagnostics once. */
ld_status ld_print_file_diagnostics(ld_session *s, size_t i, ld_diag_format format, ld_text *out);
void ld_file_diagnostic_counts(const ld_session *s, size_t i, size_t *errors, size_t *warnings);

/* The same in parts of about 64 KB, for output that can be large (JSON
 * has every diagnostic: 80,000 naming a long path are 300 MB). Start with
 * *cursor 0; each call prints the next part and moves *cursor on; the
 * part after the last is empty. The parts put together are
 * ld_print_file_diagnostics' text. */
ld_status ld_print_file_diagnostics_part(ld_session *s, size_t i, ld_diag_format format, size_t *cursor,
                                         ld_text *out);

/* The warning code that code_or_name names ("W170" or "soft-skills"), or
 * NULL. The explanation of a code (E130, W170), from the language
 * reference, or NULL. */
const char *ld_warning_code(const char *code_or_name);
const char *ld_explain(const char *code);

/* ---- results ---- */

/* The checked ladder as "dot" (Graphviz, pinned positions), "md" (GitHub
 * Markdown) or "json"; "dot-links" is "dot" with every role a link to
 * "#role-ID", its section of ld_html's page (draw the page's map from it).
 * LD_EUSAGE for another format or when ld_check did not return LD_OK. */
ld_status ld_emit(ld_session *s, const char *format, ld_text *out);

/* The SVG that Graphviz drew from ld_emit(s, "dot") (the map; svg[0..len),
 * any bytes), finished for screen readers with the checked ladder: the root
 * <svg> gets role="img", aria-labelledby and aria-describedby naming a new
 * <title> (the ladder's title, or "Career ladder") and <desc> ("16 roles in
 * 3 tracks, levels L5 to L11; 4 boxes, 18 moves."); each role's, box's and
 * move's <title> says what it is in words ("Senior Engineer (L5, Individual
 * contributor)", "Box L6-8: levels L6 to L8", "Staff Engineer → Principal
 * Engineer: promotion, 3 to 8 years") instead of Graphviz's node names.
 * Every other byte is kept; an SVG it does not recognise comes back
 * unchanged. Linear in len. svg may be the session's last text. LD_EUSAGE
 * when ld_check did not return LD_OK. docs/accessibility.md. */
ld_status ld_finish_svg(ld_session *s, const char *svg, size_t len, ld_text *out);

/* The ladder as one self-contained HTML page (docs/language.md, "The
 * career site"): the map, tracks, a section per role ("#role-ID"), the
 * competency matrix, competencies, companies, and a route explorer run by
 * the page's own script; no network, a Content-Security-Policy that allows
 * only the page's inline script and style, the same bytes for the same
 * ladder. svg[0..len) is the map: ld_finish_svg's text of the SVG Graphviz
 * drew from ld_emit(s, "dot-links") (it may be the session's last text);
 * len 0 (svg may be NULL): a page without a map. LD_EUSAGE when ld_check
 * did not return LD_OK. */
ld_status ld_html(ld_session *s, const char *svg, size_t len, ld_text *out);

/* Root i in the canonical layout (ladderc fmt), after ld_parse. LD_EINPUT
 * when it has syntax errors. */
ld_status ld_format(ld_session *s, size_t root, ld_text *out);

/* The max (1 to 1000) fastest routes from role `from` to role `to` (ids,
 * or names only one role has), as "text" or "md". LD_EUSAGE with
 * ld_message when a role is unknown ("no role 'x' in the ladder; did you
 * mean 'y'? [E110]"), ambiguous or both the same; LD_EINPUT when there is
 * no route (out is then empty, ld_message says so). */
ld_status ld_path(ld_session *s, const char *from, const char *to, size_t max, const char *format,
                  ld_text *out);

/* A radar (spider) chart of the roles roles[0..nroles) (ids, or names only
 * one role has; 1 to LD_CHART_ROLES_MAX, each once) as "dot": Graphviz
 * DOT with pinned positions, drawn as the map is (the command line renders
 * it to SVG or PNG). One spoke per competency that one of the roles sets;
 * each role a polygon in its own colour. LD_EUSAGE with ld_message for an
 * unknown or ambiguous role ("no role 'x' in the ladder; did you mean 'y'?
 * [E110]"), a role given twice, too many roles or another format;
 * LD_EINPUT when a role sets no rung (out is then empty, ld_message says
 * which). */
#define LD_CHART_ROLES_MAX 8
ld_status ld_chart(ld_session *s, const char *const *roles, size_t nroles, const char *format, ld_text *out);

/* What it takes to go from role `from` to role `to` (ids, or names only one
 * role has, as in ld_path): each competency's rung in both roles, the
 * rungs' names and meanings, largest gap first (docs/language.md, "Gaps");
 * with route != 0, also the fastest route's moves and what each must grow.
 * format is "text", "md" or "json". LD_EUSAGE with ld_message as ld_path's
 * for roles; LD_EINPUT (out empty, ld_message says why) when the ladder has
 * no competencies, a role sets no rungs, or, with route, there is no route. */
ld_status ld_gap(ld_session *s, const char *from, const char *to, int route, const char *format, ld_text *out);

/* What changed from the ladder of old_s to the ladder of new_s (both
 * checked: ld_check returned LD_OK), by meaning, not by text: roles,
 * tracks, boxes, moves, companies, competencies, rungs, expectations, the
 * ladder's settings and places on the map (docs/language.md, "Differences").
 * format "text", "md" or "json"; out belongs to new_s; *nchanges (when not
 * NULL) gets the number of changes. Reordering or reformatting a file is no
 * change. Every change names the FILE:LINE of the thing in new_s (a removed
 * one: in old_s). The memory is new_s's, but for old_s's line maps, built
 * from its allocator on the first call: LD_ENOMEM from either spends that
 * session. LD_EUSAGE when a session is not checked or has errors, when
 * both are one, or for another format. */
ld_status ld_diff(ld_session *old_s, ld_session *new_s, const char *format, ld_text *out, size_t *nchanges);

/* ---- names: where each is defined and used (with ld_config.index) ---- */

/* The index holds every definition and every use of a role, track, box,
 * company, level and competency, in every file of the session, whatever errors the
 * files have (a line that does not parse is not in it). */
typedef enum ld_name_kind {
    LD_NAME_ROLE, LD_NAME_TRACK, LD_NAME_BOX, LD_NAME_COMPANY, LD_NAME_LEVEL, LD_NAME_COMPETENCY, LD_NAME_KINDS
} ld_name_kind;

/* "role", "track", "box", "company", "level", "competency"; NULL for another value. */
const char *ld_name_kind_name(ld_name_kind kind);

/* One place a name is written: its definition (a duplicate's too) or a use. */
typedef struct ld_place {
    ld_name_kind kind;
    int definition;
    const char *name;       /* a box's without its quotes; a level as written, "L5" */
    size_t file;            /* index of ld_file_path */
    int line, column, end_line, end_column;
} ld_place;

/* Syntax errors in the session's files: places on their lines are missing. */
size_t ld_syntax_error_count(const ld_session *s);

/* The kinds that have a name written as name, as bits (1 << kind); 0 when
 * none or without an index. */
unsigned ld_name_kinds(ld_session *s, const char *name);

/* The name of one of the kinds (bits) closest to name, for "did you mean";
 * NULL when none is close. */
const char *ld_name_suggest(ld_session *s, const char *name, unsigned kinds);

/* Every place the kind's name is written: definitions first, each group in
 * order of file and position. *places is valid until the next call of
 * ld_refs or ld_rename. LD_EUSAGE without an index (ld_config.index) or
 * before ld_check. *n is 0 when the name is nowhere. */
ld_status ld_refs(ld_session *s, ld_name_kind kind, const char *name, const ld_place **places, size_t *n);

/* A file that a rename changes: its new bytes, and the change as a unified
 * diff with no context (one hunk per line, which `patch` applies). */
typedef struct ld_change {
    size_t file;            /* index of ld_file_path */
    ld_text text, diff;
} ld_change;

/* Renames the kind's name old_name to new_name at its definition and every
 * use, in every file of the session: the changed files, in file order
 * (*changes valid until the next ld_refs or ld_rename). Refused with
 * LD_EUSAGE and the reason in ld_message: levels (not names), an unknown
 * old_name, a new_name that is not valid for the kind or that the kind
 * already has (defined, or used while undefined), a file with syntax errors
 * (a use on a broken line would be missed), and a change to a shipped
 * ladder ("std/..."). Nothing is written: the caller writes the files. */
ld_status ld_rename(ld_session *s, ld_name_kind kind, const char *old_name, const char *new_name,
                    const ld_change **changes, size_t *n);

/* ---- editors: what is at a position ----
 *
 * What an editor asks about a ladder (a language server turns the answers
 * into protocol messages). Positions are the library's, as in ld_place and
 * ld_diagnostic: lines from 1, columns from 1 in code points (not bytes,
 * not UTF-16 units: a server converts); an end column is one past the last
 * code point. Each list returned stays valid until the next call of the
 * same function on the session. Each call costs time linear in the file it
 * looks at (plus a lookup in the index), never a walk of the whole session. */

/* The name (a definition or a use, from the index: ld_config.index) under
 * line:column of file (ld_file_path's index): the column may be on any
 * character of the name or just after its last one (where an editor's
 * cursor stands after typing it). LD_EINPUT when no name is there (a
 * keyword, a blank, a line that does not parse, past the end); LD_EUSAGE
 * without an index, before ld_check, or for a file that does not exist.
 * A level's out->name is the level under the column as written ("L5"; on
 * the levels statement "L3..L8", the side under it), valid until the next
 * ld_name_at: what ld_hover and ld_refs take. */
ld_status ld_name_at(ld_session *s, size_t file, int line, int column, ld_place *out);

/* Markdown for a hover on the kind's name (a level as written, "L5"):
 * - role: name, id, track, levels (in its track's names and in each
 *   company's titles covering them), box, rungs per competency with their
 *   names, moves in and out (kind and years as `ladderc path` writes them),
 *   link, summary;
 * - track: name, levels, roles by level; box: name, levels, roles in it;
 * - competency: name, axis, rungs with meanings; company: name, lines;
 * - level: its place in the scale, the boxes and roles at it, each
 *   company's titles at it.
 * From the checked model when ld_check returned LD_OK; when the ladder has
 * errors, what the index knows: the kind, the definition's file and line,
 * and how many times the name is used. Every string from the ladder is
 * escaped for Markdown. It walks the model's roles and moves once.
 * LD_EINPUT when the kind has no such name; LD_EUSAGE without an index or
 * before ld_check. */
ld_status ld_hover(ld_session *s, ld_name_kind kind, const char *name, ld_text *out);

/* One thing that may be written at a position. */
typedef struct ld_completion {
    const char *label;      /* the text to insert: "senior", "L5", "promotion", "3" */
    ld_name_kind kind;      /* what the label names (when is_keyword is 0) */
    int is_keyword;         /* a statement word, a move kind, hard/soft, exact/relative */
    const char *detail;     /* a name's title ("Senior Engineer"; "" while the ladder has errors),
                             * a rung's name ("Owns"), a track's own level's scale level ("L5"), or "" */
} ld_completion;

/* What may be written at line:column of file, from the text of the line up
 * to the column and from the index, so that it works while the file has
 * errors (a half-written line is the normal case):
 * - at the start of a line: the statement words, then role ids (a move
 *   starts with one); after `A -> B ` and after `years`: the move kinds
 *   (promotion lateral downward);
 * - role ids at both ends of `->`; track ids after `track` in a role line;
 * - after `level` (and after a box's name): the scale's levels, or the
 *   track's own level names when the role's track names its levels; once
 *   `..` is typed, the ranges from the level before it ("L3.." offers
 *   L3..L4 to the top), at most 1,000 items;
 * - inside a role's block: competency ids (then `summary`, `link`) at the
 *   start of a line, then that competency's rungs (numbers, the rung's name
 *   as detail); in a company's block: track ids, then its levels;
 * - `hard soft` after a competency's name; `exact relative` after `layout`.
 * Filtered by the word already typed before the column (a label starts with
 * it), in a fixed order (keywords in the order listed, names in order of
 * definition); detail comes from the checked model (a name's title), so it
 * is "" while the ladder has errors. *n is 0 when nothing fits or the
 * position is past the end of its line. It reads the file from its start to
 * the position (to know the block it is in) and the index's definitions of
 * one kind. LD_EUSAGE as ld_name_at's. */
ld_status ld_complete(ld_session *s, size_t file, int line, int column, const ld_completion **items, size_t *n);

/* One definition in a file's outline. */
typedef struct ld_symbol {
    const char *name;       /* the title when it has one ("Senior Engineer"), else the id */
    const char *id;         /* the id as written ("senior"; a box: its name) */
    ld_name_kind kind;
    int rung;               /* 0; for a rung of a competency: its number (kind LD_NAME_COMPETENCY) */
    size_t parent;          /* the index in the list of the symbol holding it (a rung's competency),
                             * or (size_t)-1 */
    const char *detail;     /* levels and track ("L5..L6, ic"), or "" */
    int line, column, end_line, end_column;                     /* the whole statement */
    int name_line, name_column, name_end_line, name_end_column; /* the id (a box: its quoted name) */
} ld_symbol;

/* The definitions of file (tracks, boxes, roles, companies, competencies
 * with their rungs after each as children), in order of position, for an
 * outline: what parsed (a line with a syntax error is missing). Needs no
 * index; works on a session with errors. LD_EUSAGE before ld_check or
 * ld_parse, or for a file that does not exist. */
ld_status ld_outline(ld_session *s, size_t file, const ld_symbol **items, size_t *n);

/* A fix a diagnostic suggests ("did you mean 'ic'?"): replace the range
 * of file with text. */
typedef struct ld_fix {
    size_t file;            /* index of ld_file_path */
    int line, column, end_line, end_column;
    const char *text;
} ld_fix;

/* The fix that diagnostic i (as in ld_diagnostic_get) suggests. LD_EINPUT
 * when it suggests none; LD_EUSAGE when there is no diagnostic i. */
ld_status ld_diagnostic_fix(ld_session *s, size_t i, ld_fix *out);

#ifdef __cplusplus
}
#endif

#endif
