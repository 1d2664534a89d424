/*
 * output.c: staged, atomic writes (temporary file + fsync, then rename).
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

typedef struct {
    char *tmp, *final;
} Staged;

/* The staged files; the signal handler reads this table, so it is only
 * ever grown before an entry is filled and `nstaged` is raised last. */
static Staged *volatile staged;
static volatile size_t nstaged;
static size_t capstaged;

void output_cleanup(void)
{
    for (size_t i = 0; i < nstaged; i++)
        if (staged[i].tmp) unlink(staged[i].tmp);
}

void output_forget(void) { nstaged = 0; }

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

bool output_stage(const char *dir, const char *name, const void *data, size_t len)
{
    char *final = path_join(dir, name);
    char *tmpl = xasprintf("%s/.%s.XXXXXX", dir, name);
    if (nstaged == capstaged) {
        size_t nc = capstaged ? capstaged * 2 : 64;
        Staged *nv = xcalloc(nc, sizeof *nv);
        if (nstaged) memcpy(nv, (const void *)staged, nstaged * sizeof *nv);
        Staged *old = staged;
        staged = nv;
        capstaged = nc;
        free(old);
    }
    int fd = mkstemp(tmpl);
    if (fd < 0) {
        diag_system("cannot write %s: %s", final, strerror(errno));
        free(tmpl);
        free(final);
        return false;
    }
    staged[nstaged].tmp = tmpl;
    staged[nstaged].final = final;
    nstaged++;
    const char *p = data;
    size_t left = len;
    bool ok = true;
    /* the fault seam: DOSSIER_FAIL_WRITE=N makes the N-th staged file meet
     * a full disk (tests) */
    static long fail_write = -2, nwrites;
    if (fail_write == -2) {
        const char *e = getenv("DOSSIER_FAIL_WRITE");
        fail_write = e && *e ? strtol(e, NULL, 10) : -1;
    }
    if (fail_write > 0 && ++nwrites == fail_write) {
        diag_system("cannot write %s: %s", final, strerror(ENOSPC));
        close(fd);
        return false;
    }
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
    if (ok && fchmod(fd, 0644) != 0) ok = false, diag_system("cannot write %s: %s", final, strerror(errno));
    if (ok && fsync(fd) != 0) ok = false, diag_system("cannot write %s: %s", final, strerror(errno));
    if (close(fd) != 0 && ok) ok = false, diag_system("cannot write %s: %s", final, strerror(errno));
    return ok;
}

static void forget(void)
{
    for (size_t i = 0; i < nstaged; i++) {
        free(staged[i].tmp);
        free(staged[i].final);
    }
    nstaged = 0;
}

bool output_commit(void)
{
    bool ok = true;
    for (size_t i = 0; i < nstaged; i++) {
        if (rename(staged[i].tmp, staged[i].final) != 0) {
            diag_system("cannot write %s: %s", staged[i].final, strerror(errno));
            unlink(staged[i].tmp);
            ok = false;
        }
        free(staged[i].tmp);
        staged[i].tmp = NULL;
    }
    forget();
    return ok;
}

void output_abort(void)
{
    output_cleanup();
    forget();
}

bool output_write(const char *dir, const char *name, const void *data, size_t len)
{
    if (!output_stage(dir, name, data, len)) {
        output_abort();
        return false;
    }
    return output_commit();
}
