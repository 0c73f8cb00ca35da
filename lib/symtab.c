/* symtab.c - open addressing with linear probing, kept at most half full,
 * over a keyed hash (see symtab.h). */
#include "symtab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

#include "heap.h"
#include "util.h"

/* ---- SipHash-1-3 (Aumasson and Bernstein, "SipHash: a fast short-input
 * PRF", 2012): one compression round per 8-byte word, three to finish. ---- */

#define SIP_ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

/* One round on the state v0..v3, written as a macro so that the state stays
 * in registers. */
#define SIP_ROUND(v0, v1, v2, v3)                                                       \
    do {                                                                                \
        v0 += v1; v1 = SIP_ROTL(v1, 13); v1 ^= v0; v0 = SIP_ROTL(v0, 32);               \
        v2 += v3; v3 = SIP_ROTL(v3, 16); v3 ^= v2;                                      \
        v0 += v3; v3 = SIP_ROTL(v3, 21); v3 ^= v0;                                      \
        v2 += v1; v1 = SIP_ROTL(v1, 17); v1 ^= v2; v2 = SIP_ROTL(v2, 32);               \
    } while (0)

/* The 8 bytes at p as a little-endian word, whatever the machine's order. */
static uint64_t sip_word(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t m;
    memcpy(&m, p, 8);
    return m;
#else
    uint64_t m = 0;
    for (int i = 0; i < 8; i++)
        m |= (uint64_t)p[i] << (8 * i);
    return m;
#endif
}

/* The last n < 8 bytes, little-endian, with the length in the top byte. */
static uint64_t sip_tail(const unsigned char *p, size_t n, size_t len)
{
    uint64_t m = (uint64_t)len << 56;
    switch (n) {
    case 7: m |= (uint64_t)p[6] << 48; /* fall through */
    case 6: m |= (uint64_t)p[5] << 40; /* fall through */
    case 5: m |= (uint64_t)p[4] << 32; /* fall through */
    case 4: m |= (uint64_t)p[3] << 24; /* fall through */
    case 3: m |= (uint64_t)p[2] << 16; /* fall through */
    case 2: m |= (uint64_t)p[1] << 8;  /* fall through */
    case 1: m |= (uint64_t)p[0];       /* fall through */
    default: break;
    }
    return m;
}

static uint64_t siphash13(const uint64_t key[2], const unsigned char *p, size_t n)
{
    uint64_t v0 = key[0] ^ 0x736f6d6570736575u, v1 = key[1] ^ 0x646f72616e646f6du;
    uint64_t v2 = key[0] ^ 0x6c7967656e657261u, v3 = key[1] ^ 0x7465646279746573u;
    size_t whole = n & ~(size_t)7;
    for (size_t i = 0; i <= whole; i += 8) {
        uint64_t m = i < whole ? sip_word(p + i) : sip_tail(p + whole, n - whole, n);
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

/* A key nobody can predict: the kernel's random bytes, or where those are
 * missing, the clock and the table's address mixed through SipHash itself. */
static void symtab_seed(struct symtab *t)
{
#if defined(__linux__)
    if (getrandom(t->seed, sizeof t->seed, GRND_NONBLOCK) == (ssize_t)sizeof t->seed)
        return;
#endif
    struct timespec ts = {0, 0};
    timespec_get(&ts, TIME_UTC);
    uint64_t raw[3] = {(uint64_t)ts.tv_sec, (uint64_t)ts.tv_nsec, (uint64_t)(uintptr_t)t};
    static const uint64_t fixed[2] = {0x0706050403020100u, 0x0f0e0d0c0b0a0908u};
    t->seed[0] = siphash13(fixed, (const unsigned char *)raw, sizeof raw);
    raw[2] ^= (uint64_t)clock();
    t->seed[1] = siphash13(fixed, (const unsigned char *)raw, sizeof raw);
}

size_t symtab_hash(const struct symtab *t, const char *s)
{
    return (size_t)siphash13(t->seed, (const unsigned char *)s, strlen(s));
}

uint64_t symtab_hash_bytes(const struct symtab *t, const void *p, size_t n)
{
    return siphash13(t->seed, p, n);
}

void symtab_init(struct symtab *t, struct heap *heap)
{
    t->heap = heap;
    t->slots = NULL;
    t->cap = t->count = 0;
    symtab_seed(t);
}

void symtab_free(struct symtab *t)
{
    heap_free(t->heap, t->slots);
    t->slots = NULL;
    t->cap = t->count = 0;
}

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
    /* (heap_calloc refuses a count times size that overflows: out of memory) */
    t->slots = heap_calloc(t->heap, t->cap, sizeof *t->slots);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *symtab_find(t, old.slots[i].key, old.slots[i].hash) = old.slots[i];
    heap_free(t->heap, old.slots);
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
    return symtab_get_hashed(t, key, symtab_hash(t, key), value);
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
    size_t h = symtab_hash(t, key);
    struct symtab_slot *s = symtab_find(t, key, h);
    if (s->key) {
        *existing = s->value;   /* every caller asks for it (symtab.h) */
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
