/*
 * output.c: staged, atomic writes (temporary file + fsync, then rename).
 */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
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

/* The signals that remove the staged files: blocked while a file is
 * made and entered in the table, so that none is made and left unseen. */
static void staging_signals(int how, sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(how, &set, old);
}

void output_signals_elsewhere(void) { staging_signals(SIG_BLOCK, NULL); }

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

/* A temporary file for dir/name, registered for commit or removal; -1
 * (reported) on failure. */
static int stage_open(const char *dir, const char *name, const char **final_out)
{
    char *final = path_join(dir, name);
    char *tmpl = xasprintf("%s/.%s.XXXXXX", dir, name);
    sigset_t old_mask;
    staging_signals(SIG_BLOCK, &old_mask);
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
        int e = errno;
        pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
        diag_system("cannot write %s: %s", final, strerror(e));
        free(tmpl);
        free(final);
        return -1;
    }
    staged[nstaged].tmp = tmpl;
    staged[nstaged].final = final;
    nstaged++;
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    *final_out = final;
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
        return -1;
    }
    return fd;
}

static bool put_all(int fd, const char *p, size_t left, const char *final)
{
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            diag_system("cannot write %s: %s", final, strerror(w < 0 ? errno : ENOSPC));
            return false;
        }
        p += w;
        left -= (size_t)w;
    }
    return true;
}

/* Mode, flush to disk, close. */
static bool stage_close(int fd, bool ok, const char *final)
{
    if (ok && fchmod(fd, 0644) != 0) ok = false, diag_system("cannot write %s: %s", final, strerror(errno));
    if (ok && fsync(fd) != 0) ok = false, diag_system("cannot write %s: %s", final, strerror(errno));
    if (close(fd) != 0 && ok) ok = false, diag_system("cannot write %s: %s", final, strerror(errno));
    return ok;
}

bool output_stage(const char *dir, const char *name, const void *data, size_t len)
{
    const char *final;
    int fd = stage_open(dir, name, &final);
    if (fd < 0) return false;
    return stage_close(fd, put_all(fd, data, len, final), final);
}

int output_stage_open(const char *dir, const char *name, const char **final)
{
    return stage_open(dir, name, final);
}

bool output_stage_put(int fd, const void *data, size_t len, const char *final)
{
    return put_all(fd, data, len, final);
}

bool output_stage_close(int fd, bool ok, const char *final)
{
    return stage_close(fd, ok, final);
}

bool output_stage_fd(const char *dir, const char *name, int src)
{
    const char *final;
    int fd = stage_open(dir, name, &final);
    if (fd < 0) return false;
    bool ok = lseek(src, 0, SEEK_SET) == 0;
    if (!ok) diag_system("cannot write %s: %s", final, strerror(errno));
    char chunk[1 << 16];
    while (ok) {
        ssize_t r = read(src, chunk, sizeof chunk);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) ok = false, diag_system("cannot write %s: %s", final, strerror(errno));
        if (r <= 0) break;
        ok = put_all(fd, chunk, (size_t)r, final);
    }
    return stage_close(fd, ok, final);
}

int output_temp(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) {
        /* a file system without O_TMPFILE: a named file, unlinked at once */
        char *t = xasprintf("%s/dossier.XXXXXX", dir);
        fd = mkstemp(t);
        if (fd >= 0) unlink(t);
        free(t);
    }
    if (fd < 0) diag_system("cannot make a temporary file in %s: %s", dir, strerror(errno));
    return fd;
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

bool output_write_fd(const char *dir, const char *name, int src)
{
    if (!output_stage_fd(dir, name, src)) {
        output_abort();
        return false;
    }
    return output_commit();
}
