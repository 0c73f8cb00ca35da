/* plugin.c - finds and opens ladderc-render.so. */
#include "plugin.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PLUGIN_NAME "ladderc-render.so"

typedef int render_fn(const char *, const struct render_options *, struct buf *, struct render_report *,
                      char *, size_t);

/* The plugin sits beside the executable (build/), or in ../lib/ladderc/
 * (make install). Nothing else is searched, and no environment variable
 * names another: ladderc runs in CI and hooks on files anyone can edit, and
 * a variable that loads code would be one more way in. */
static int plugin_path(char *out, size_t outsz)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return -1;
    slash[1] = '\0';
    if (strlen(exe) + sizeof "../lib/ladderc/" PLUGIN_NAME > outsz)
        return -1;
    snprintf(out, outsz, "%s%s", exe, PLUGIN_NAME);
    if (access(out, R_OK) != 0)
        snprintf(out, outsz, "%s../lib/ladderc/%s", exe, PLUGIN_NAME);
    return 0;
}

int plugin_render(const char *dot, const struct render_options *opt, struct buf *out,
                  struct render_report *report, char *err, size_t errsz)
{
    char path[PATH_MAX + sizeof PLUGIN_NAME];
    if (plugin_path(path, sizeof path) != 0) {
        snprintf(err, errsz, "cannot locate %s", PLUGIN_NAME);
        return -1;
    }
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, errsz, "cannot load the renderer: %s", dlerror());
        return -1;
    }
    render_fn *fn;
    *(void **)&fn = dlsym(h, "render_graphviz");
    int rc;
    if (!fn) {
        snprintf(err, errsz, "%s has no render_graphviz", path);
        rc = -1;
    } else {
        rc = fn(dot, opt, out, report, err, errsz);
    }
    /* not dlclose'd: Graphviz registers atexit handlers inside the library */
    return rc;
}
