/* output.c - the lockfile pattern (as in git's lockfile.c): temporary file
 * beside the target, full write, fsync, rename. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* "dir/.name.XXXXXX" beside path */
static char *temp_path_for(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    size_t n = dirlen + 1 + strlen(base) + sizeof ".XXXXXX";
    char *t = util_xmalloc(n);
    snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
    return t;
}

int output_file(const char *path, const struct buf *b, char *err, size_t errsz)
{
    char *tmp = temp_path_for(path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errsz, "cannot create a temporary file beside '%s': %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    /* mkstemp makes 0600; give the file the permissions a plain create would */
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask));

    int rc = write_all(fd, b->data ? b->data : "", b->len);
    if (rc == 0)
        rc = fsync(fd);
    int saved = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        snprintf(err, errsz, "cannot write '%s': %s", path, strerror(saved));
        unlink(tmp);
    }
    free(tmp);
    return rc;
}

int output_stdout(const struct buf *b, char *err, size_t errsz)
{
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len) {
        snprintf(err, errsz, "cannot write to standard output: %s", strerror(errno));
        return -1;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        snprintf(err, errsz, "cannot write to standard output: %s", strerror(errno));
        return -1;
    }
    return 0;
}
