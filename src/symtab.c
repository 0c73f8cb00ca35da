/* symtab.c - open addressing with linear probing, kept at most half full. */
#include "symtab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

size_t symtab_hash(const char *s)
{
    size_t h = 1469598103934665603u;   /* FNV-1a: short keys, good enough */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

void symtab_init(struct symtab *t) { t->slots = NULL; t->cap = t->count = 0; }

void symtab_free(struct symtab *t) { free(t->slots); symtab_init(t); }

static struct symtab_slot *symtab_find(const struct symtab *t, const char *key, size_t h)
{
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct symtab_slot *s = &t->slots[i];
        if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
            return s;
    }
}

static void symtab_grow(struct symtab *t)
{
    struct symtab old = *t;
    t->cap = old.cap ? old.cap * 2 : 16;
    if (t->cap > SIZE_MAX / sizeof *t->slots)
        util_die_oom();
    t->slots = util_xcalloc(t->cap, sizeof *t->slots);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *symtab_find(t, old.slots[i].key, old.slots[i].hash) = old.slots[i];
    free(old.slots);
}

int symtab_get_hashed(const struct symtab *t, const char *key, size_t hash, size_t *value)
{
    if (t->count == 0)
        return 0;
    struct symtab_slot *s = symtab_find(t, key, hash);
    if (!s->key)
        return 0;
    *value = s->value;
    return 1;
}

int symtab_get(const struct symtab *t, const char *key, size_t *value)
{
    return symtab_get_hashed(t, key, symtab_hash(key), value);
}

/* Only the first slot a key may be in: the table is at most half full, so
 * that is usually the one. */
void symtab_prefetch_slot(const struct symtab *t, size_t hash)
{
    if (t->cap)
        UTIL_PREFETCH(&t->slots[hash & (t->cap - 1)]);
}

void symtab_prefetch_key(const struct symtab *t, size_t hash)
{
    if (!t->cap)
        return;
    const struct symtab_slot *s = &t->slots[hash & (t->cap - 1)];
    if (s->key && s->hash == hash)
        UTIL_PREFETCH(s->key);
}

int symtab_add(struct symtab *t, const char *key, size_t value, size_t *existing)
{
    if ((t->count + 1) * 2 > t->cap)
        symtab_grow(t);
    size_t h = symtab_hash(key);
    struct symtab_slot *s = symtab_find(t, key, h);
    if (s->key) {
        if (existing)
            *existing = s->value;
        return 0;
    }
    s->key = key;
    s->hash = h;
    s->value = value;
    t->count++;
    return 1;
}

void symtab_reserve(struct symtab *t, size_t n)
{
    while ((t->count + n) * 2 > t->cap)
        symtab_grow(t);
}
