/* check_rungs.h - the checker's warnings about competencies: W190 (a role
 * that misses competencies), W191 (a promotion that lowers a rung), W192 (a
 * promotion that raises none), W193 (a rung that goes down as a track's
 * levels go up), W194 (one role's text copied to another), and W170 between
 * two roles that both set soft rungs (their soft scores, not their x).
 *
 * Private to the checker: check_files runs it once, over the model as
 * filled, after every role and transition was resolved (a transition may
 * come before its roles' blocks in source order). Every rule costs linear
 * time in the roles, transitions and rungs of the ladder. */
#ifndef LADDERC_CHECK_RUNGS_H
#define LADDERC_CHECK_RUNGS_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

struct heap;

/* judged[i]: role i resolved whole (its track, its levels, every line of
 * its block), so the rules may compare it; the others are skipped, since
 * their mistake is already reported. complete: no file had a syntax error
 * (a broken line of a block is missing from it, so what the role "misses"
 * or "does not raise" cannot be judged: W190, W192 and W170 wait). */
void check_rungs(const struct model *m, const bool *judged, bool complete, struct diag_sink *diag,
                 struct heap *heap);

/* Whether both roles set rungs on soft competencies: then W170 compares
 * their soft scores (check_rungs does), and the hand-position W170 of
 * check_transition skips the promotion. */
bool check_rungs_both_soft(const struct model *m, const struct model_role *a, const struct model_role *b);

#endif
