/* sha256.c - SHA-256 and base64 (lib/sha256.c, the page's CSP hashes)
 * against the known answers: FIPS 180-4's examples, the empty input, the
 * lengths around a block's padding boundary (55, 56, 63, 64 bytes, checked
 * against Python's hashlib), a million 'a's; RFC 4648's base64 vectors.
 * An internal module, so its header is included by path. */
#include <string.h>

#include "../../lib/sha256.h"
#include "../../lib/heap.h"
#include "unit.h"

static void check_hash(const char *what, const void *data, size_t n, const char *hex)
{
    unsigned char d[SHA256_BYTES];
    char got[2 * SHA256_BYTES + 1];
    sha256(data, n, d);
    for (int i = 0; i < SHA256_BYTES; i++)
        snprintf(got + 2 * i, 3, "%02x", d[i]);
    check(strcmp(got, hex) == 0, "sha256 of %s: %s (expected %s)", what, got, hex);
}

static void check_base64(struct heap *h, const char *in, const char *want)
{
    struct buf b;
    buf_init(&b, h);
    sha256_base64_put(&b, (const unsigned char *)in, strlen(in));
    buf_putc(&b, '\0');
    check(strcmp(b.data, want) == 0, "base64 of \"%s\": %s (expected %s)", in, b.data, want);
    buf_free(&b);
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    check_hash("\"\"", "", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_hash("\"abc\"", "abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    check_hash("FIPS 180-4's two-block message", two, strlen(two),
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char a[1000];
    memset(a, 'a', sizeof a);
    check_hash("55 'a's", a, 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    check_hash("56 'a's", a, 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    check_hash("63 'a's", a, 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    check_hash("64 'a's", a, 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    {
        size_t n = 1000000;
        char *m = malloc(n);
        memset(m, 'a', n);
        check_hash("a million 'a's", m, n, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        free(m);
    }
    struct counter c = {0};
    struct heap h;
    heap_init(&h, counting_alloc, &c);
    check_base64(&h, "", "");
    check_base64(&h, "f", "Zg==");
    check_base64(&h, "fo", "Zm8=");
    check_base64(&h, "foo", "Zm9v");
    check_base64(&h, "foob", "Zm9vYg==");
    check_base64(&h, "fooba", "Zm9vYmE=");
    check_base64(&h, "foobar", "Zm9vYmFy");
    heap_free_all(&h);
    check(c.live_blocks == 0, "base64: every block freed");
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
