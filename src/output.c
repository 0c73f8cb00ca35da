/* output.c - the lockfile pattern (as in git's lockfile.c): temporary file
 * beside the target, full write, fsync, rename. */
#define _XOPEN_SOURCE 700    /* realpath */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int output_replace(const char *path, const char *shown, const struct buf *b, char *err, size_t errsz);

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

/* "dir/.name.XXXXXX" beside path; a long name is cut so that the temporary
 * name stays within NAME_MAX (255). */
static char *temp_path_for(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    int baselen = strlen(base) > 200 ? 200 : (int)strlen(base);
    size_t n = dirlen + 1 + (size_t)baselen + sizeof ".XXXXXX";
    char *t = util_xmalloc(n);
    snprintf(t, n, "%.*s.%.*s.XXXXXX", (int)dirlen, path, baselen, base);
    return t;
}

/* A FIFO, a terminal, /dev/null: not a file to replace, so write to it. */
static int output_device(const char *path, const struct buf *b, char *err, size_t errsz)
{
    int fd = open(path, O_WRONLY);
    int rc = fd < 0 ? -1 : write_all(fd, b->data ? b->data : "", b->len);
    int saved = errno;
    if (fd >= 0 && close(fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0)
        snprintf(err, errsz, "cannot write '%s': %s", path, strerror(saved));
    return rc;
}

int output_file(const char *path, const struct buf *b, char *err, size_t errsz)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        return output_device(path, b, err, errsz);
    /* through a symbolic link: replace the file it points to, keep the link */
    char *real = realpath(path, NULL);
    const char *target = real && stat(real, &st) == 0 && S_ISREG(st.st_mode) ? real : path;
    int rc = output_replace(target, path, b, err, errsz);
    free(real);
    return rc;
}

/* shown: the path as the user wrote it, for messages */
static int output_replace(const char *path, const char *shown, const struct buf *b, char *err, size_t errsz)
{
    char *tmp = temp_path_for(path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errsz, "cannot create a temporary file beside '%s': %s", shown, strerror(errno));
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
        snprintf(err, errsz, "cannot write '%s': %s", shown, strerror(saved));
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
