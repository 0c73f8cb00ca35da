/* symtab.h - names to indices: an open-addressing hash table of strings the
 * caller keeps alive (they live in the compilation's arena).
 *
 * Keys are hashed with SipHash-1-3 under a key drawn at random for each
 * table, so no file can be written whose names all land in one slot: an
 * unkeyed hash (FNV-1a here before) let 65,536 colliding role ids take
 * seconds, growing 4x per doubling. Nothing walks the slots, so the output
 * never depends on the random key. */
#ifndef LADDERC_SYMTAB_H
#define LADDERC_SYMTAB_H

#include <stddef.h>
#include <stdint.h>

struct symtab_slot {
    const char *key;
    size_t hash, value;
};

struct heap;

struct symtab {
    struct heap *heap;
    struct symtab_slot *slots;
    size_t cap, count;
    uint64_t seed[2];       /* SipHash key, random per table */
};

void symtab_init(struct symtab *t, struct heap *heap);
void symtab_free(struct symtab *t);
/* Makes room for n keys without growing. */
void symtab_reserve(struct symtab *t, size_t n);
/* Returns 1 and the value if key is present, else 0. */
int symtab_get(const struct symtab *t, const char *key, size_t *value);

/* Lookups in bulk, where each costs a cache miss or two: hash every key,
 * request every key's slot, then every slot's key string, and only then
 * look up, so that the misses overlap instead of queueing. A hash belongs
 * to the table it was computed for. */
size_t symtab_hash(const struct symtab *t, const char *key);
void symtab_prefetch_slot(const struct symtab *t, size_t hash);
void symtab_prefetch_key(const struct symtab *t, size_t hash);
int symtab_get_hashed(const struct symtab *t, const char *key, size_t hash, size_t *value);
/* The table's keyed hash of any n bytes at p: for the checker's other
 * tables (transition pairs, positions), whose keys a file also chooses. */
uint64_t symtab_hash_bytes(const struct symtab *t, const void *p, size_t n);
/* Adds key -> value unless key is present; returns 1 if added, 0 if present
 * (then *existing is the value already stored). */
int symtab_add(struct symtab *t, const char *key, size_t value, size_t *existing);

#endif
