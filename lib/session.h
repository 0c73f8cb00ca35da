/* session.h - what the command line may ask of a session beyond the public
 * API (include/ladder.h): the checked model itself, for the Graphviz
 * renderer, which lives in a plugin outside the library and takes the
 * model. Not installed, not part of the API: an embedder renders through
 * ld_emit's "dot". */
#ifndef LADDERC_SESSION_H
#define LADDERC_SESSION_H

#include "ladder.h"
#include "model.h"

/* The model ld_check built, or NULL when it did not return LD_OK. */
const struct model *ld_session_model(const ld_session *s);

#endif
