/*
 * output.c: atomic writes (temporary file + fsync + rename).
 */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"

/* Temporary paths in flight; a fixed table so the signal handler can read
 * it without allocating. */
enum { MAX_TEMPS = 64, TEMP_PATH = 4096 };
static char temps[MAX_TEMPS][TEMP_PATH];
static volatile sig_atomic_t temp_used[MAX_TEMPS];

static int temp_take(const char *path)
{
    for (int i = 0; i < MAX_TEMPS; i++)
        if (!temp_used[i] && strlen(path) < TEMP_PATH) {
            strcpy(temps[i], path);
            temp_used[i] = 1;
            return i;
        }
    return -1;
}

static void temp_drop(int i)
{
    if (i >= 0) temp_used[i] = 0;
}

void output_cleanup(void)
{
    for (int i = 0; i < MAX_TEMPS; i++)
        if (temp_used[i]) {
            unlink(temps[i]);
            temp_used[i] = 0;
        }
}

static void on_signal(int sig)
{
    output_cleanup();
    signal(sig, SIG_DFL);
    raise(sig);
}

void output_install_signals(void)
{
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    atexit_cleanup_set(output_cleanup);
}

bool output_mkdir(const char *dir)
{
    char *p = xstrdup(dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            diag_system("cannot create directory %s: %s", p, strerror(errno));
            free(p);
            return false;
        }
        *s = '/';
    }
    if (mkdir(p, 0777) != 0 && errno != EEXIST) {
        diag_system("cannot create directory %s: %s", p, strerror(errno));
        free(p);
        return false;
    }
    struct stat st;
    if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_system("%s is not a directory", p);
        free(p);
        return false;
    }
    free(p);
    return true;
}

bool output_write(const char *dir, const char *name, const void *data, size_t len)
{
    char *final = path_join(dir, name);
    char *tmpl = xasprintf("%s/.%s.XXXXXX", dir, name);
    int fd = mkstemp(tmpl);
    if (fd < 0) {
        diag_system("cannot write %s: %s", final, strerror(errno));
        free(tmpl);
        free(final);
        return false;
    }
    int slot = temp_take(tmpl);
    const char *p = data;
    size_t left = len;
    bool ok = true;
    while (left && ok) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            diag_system("cannot write %s: %s", final, strerror(w < 0 ? errno : ENOSPC));
            ok = false;
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    if (ok && fchmod(fd, 0644) != 0) {
        diag_system("cannot write %s: %s", final, strerror(errno));
        ok = false;
    }
    if (ok && fsync(fd) != 0) {
        diag_system("cannot write %s: %s", final, strerror(errno));
        ok = false;
    }
    if (close(fd) != 0 && ok) {
        diag_system("cannot write %s: %s", final, strerror(errno));
        ok = false;
    }
    if (ok && rename(tmpl, final) != 0) {
        diag_system("cannot write %s: %s", final, strerror(errno));
        ok = false;
    }
    if (!ok) unlink(tmpl);
    temp_drop(slot);
    free(tmpl);
    free(final);
    return ok;
}
