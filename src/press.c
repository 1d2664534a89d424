/*
 * press.c: typesetting worker processes (press.h).
 *
 * Parent and worker share two unnamed temporary files per worker: the
 * parent writes a layout's text into the first and sends its length down
 * a pipe; the worker writes its result into the second and sends that
 * length back. The messages are 8 bytes (atomic on a pipe), so a worker
 * never waits for a parent busy making a layout, and the parent never
 * waits for a busy worker.
 */
#include "press.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "output.h"
#include "render/render.h"

typedef struct {
    size_t id;
    Buf text;
    size_t weight;
} Queued;

typedef struct {
    pid_t pid;
    int to, from; /* the parent's ends: lengths of layouts down, of results up */
    int job, res; /* the shared files: the layout's text, the result */
    bool busy, dead;
    size_t id;
} Worker;

struct Press {
    Worker *w;
    int n;
    Queued *q;
    size_t nq, busy;
};

/* All n bytes written, or read, at offset at (at < 0: a pipe's next). */
static bool put_all(int fd, const void *data, size_t n, off_t at)
{
    const char *p = data;
    while (n) {
        ssize_t w = at < 0 ? write(fd, p, n) : pwrite(fd, p, n, at);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
        if (at >= 0) at += w;
    }
    return true;
}

static bool get_all(int fd, void *data, size_t n, off_t at)
{
    char *p = data;
    while (n) {
        ssize_t r = at < 0 ? read(fd, p, n) : pread(fd, p, n, at);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        p += r;
        n -= (size_t)r;
        if (at >= 0) at += r;
    }
    return true;
}

/* Lines of a layout read back from its text are those of the text, not
 * the stylesheet's the transform gave its elements: none, so that a
 * report at a layout element is ordered and told once as it would be
 * without a file to name. */
static void zero_lines(xmlNode *n)
{
    for (; n; n = n->next) {
        n->line = 0;
        if (n->type == XML_ELEMENT_NODE) zero_lines(n->children);
    }
}

static void close_ends(Worker *w)
{
    if (w->to >= 0) close(w->to);
    if (w->from >= 0) close(w->from);
    if (w->job >= 0) close(w->job);
    if (w->res >= 0) close(w->res);
    w->to = w->from = w->job = w->res = -1;
}

static void free_press(Press *p)
{
    for (size_t i = 0; i < p->nq; i++) buf_free(&p->q[i].text);
    free(p->q);
    free(p->w);
    free(p);
}

/* The worker: layouts in, results out, until the parent closes its end. */
static _Noreturn void work(Press *p, int me, int in, int out, const TypesetOptions *to)
{
    output_forget();
    diag_reset();
    time_mark("press worker started");
    int job = p->w[me].job, res = p->w[me].res;
    for (int i = 0; i < me; i++) close_ends(&p->w[i]);
    p->w[me].job = p->w[me].res = -1;
    free_press(p);
    Typesetter *ts = NULL; /* fonts are loaded when the first layout comes */
    int status = 0;
    uint64_t len;
    while (get_all(in, &len, sizeof len, -1)) {
        char *text = xmalloc(len ? (size_t)len : 1);
        if (!get_all(job, text, (size_t)len, 0)) {
            free(text);
            status = EXIT_SYSTEM;
            break;
        }
        if (!ts) ts = typeset_new();
        diag_reset();
        Buf pdf = {0};
        int pages = 0;
        bool ok = false;
        xmlDoc *doc = xmlReadMemory(text, (int)len, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_HUGE);
        free(text);
        if (doc) {
            zero_lines(xmlDocGetRootElement(doc));
            ok = press_typeset(ts, to, doc, &pdf, &pages);
            xmlFreeDoc(doc);
        } else {
            diag_system("a layout sent to a typesetting worker cannot be read back");
        }
        Buf msg = {0};
        diag_export(&msg);
        uint32_t np = (uint32_t)pages;
        uint64_t n = ok ? pdf.len : 0;
        buf_put(&msg, (const char *)&np, sizeof np);
        buf_put(&msg, (const char *)&n, sizeof n);
        if (n) buf_put(&msg, pdf.s, pdf.len);
        buf_free(&pdf);
        uint64_t mlen = msg.len;
        bool sent = put_all(res, msg.s, msg.len, 0) && put_all(out, &mlen, sizeof mlen, -1);
        buf_free(&msg);
        if (!sent) {
            status = EXIT_SYSTEM;
            break;
        }
    }
    if (ts) typeset_free(ts);
    diag_reset();
    close(job);
    close(res);
    _exit(status);
}

bool press_typeset(Typesetter *ts, const TypesetOptions *to, xmlDoc *layout, Buf *pdf, int *pages)
{
    int before = diag_error_count();
    Pages *p = typeset_document(ts, layout, to);
    bool ok = p && diag_error_count() == before && render_pdf(p, pdf);
    *pages = p ? pages_count(p) : 0;
    pages_free(p);
    return ok;
}

Press *press_start(int n, const TypesetOptions *to)
{
    if (n < 1) n = 1;
    Press *p = xcalloc(1, sizeof *p);
    p->w = xcalloc((size_t)n, sizeof *p->w);
    /* a worker that died is found by its closed pipe, not by a signal */
    signal(SIGPIPE, SIG_IGN);
    fflush(NULL);
    for (int i = 0; i < n; i++) {
        Worker *w = &p->w[i];
        w->to = w->from = -1;
        w->job = output_temp();
        w->res = output_temp();
        int down[2] = {-1, -1}, up[2] = {-1, -1};
        if (w->job < 0 || w->res < 0 || pipe2(down, O_CLOEXEC) != 0 || pipe2(up, O_CLOEXEC) != 0) {
            for (int k = 0; k < 2; k++) {
                if (down[k] >= 0) close(down[k]);
                if (up[k] >= 0) close(up[k]);
            }
            p->n = i + 1;
            press_stop(p);
            return NULL;
        }
        pid_t pid = fork();
        if (pid == 0) {
            close(down[1]);
            close(up[0]);
            work(p, i, down[0], up[1], to);
        }
        close(down[0]);
        close(up[1]);
        w->to = down[1];
        w->from = up[0];
        w->pid = pid;
        p->n = i + 1;
        if (pid < 0) {
            press_stop(p);
            return NULL;
        }
    }
    return p;
}

/* Queued layouts to idle workers, the heaviest first (then the earliest). */
static void dispatch(Press *p)
{
    for (int i = 0; i < p->n && p->nq; i++) {
        Worker *w = &p->w[i];
        if (w->busy || w->dead) continue;
        size_t best = 0;
        for (size_t k = 1; k < p->nq; k++)
            if (p->q[k].weight > p->q[best].weight ||
                (p->q[k].weight == p->q[best].weight && p->q[k].id < p->q[best].id))
                best = k;
        Queued q = p->q[best];
        p->q[best] = p->q[--p->nq];
        uint64_t len = q.text.len;
        w->id = q.id;
        w->busy = true;
        p->busy++;
        if (!put_all(w->job, q.text.s, q.text.len, 0) || !put_all(w->to, &len, sizeof len, -1)) {
            /* seen as the worker's failure by press_next */
            close(w->to);
            w->to = -1;
        }
        buf_free(&q.text);
    }
}

void press_submit(Press *p, size_t id, Buf *text, size_t weight)
{
    p->q = xrealloc(p->q, (p->nq + 1) * sizeof *p->q);
    p->q[p->nq++] = (Queued){id, *text, weight};
    memset(text, 0, sizeof *text);
    dispatch(p);
}

size_t press_pending(const Press *p) { return p ? p->nq + p->busy : 0; }

bool press_next(Press *p, bool wait, PressDone *out)
{
    memset(out, 0, sizeof *out);
    struct pollfd *pf = xcalloc((size_t)p->n, sizeof *pf);
    int *who = xcalloc((size_t)p->n, sizeof *who);
    bool got = false;
    for (;;) {
        if (!p->busy) {
            /* queued jobs no worker is left to take fail one by one */
            if (p->nq) {
                out->id = p->q[p->nq - 1].id;
                buf_free(&p->q[--p->nq].text);
                got = true;
            }
            break;
        }
        nfds_t n = 0;
        for (int i = 0; i < p->n; i++)
            if (p->w[i].busy) {
                pf[n] = (struct pollfd){p->w[i].from, POLLIN, 0};
                who[n++] = i;
            }
        int r = poll(pf, n, wait ? -1 : 0);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        for (nfds_t k = 0; k < n && !got; k++) {
            if (!(pf[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            Worker *w = &p->w[who[k]];
            uint64_t len = 0;
            out->id = w->id;
            if (w->to >= 0 && get_all(w->from, &len, sizeof len, -1)) {
                out->ok = get_all(w->res, buf_reserve(&out->result, (size_t)len), (size_t)len, 0);
                out->result.len = out->ok ? (size_t)len : 0;
            }
            if (!out->ok) {
                w->dead = true;
                close_ends(w);
            }
            w->busy = false;
            p->busy--;
            got = true;
        }
        if (got) break;
    }
    free(pf);
    free(who);
    if (got) dispatch(p);
    return got;
}

void press_stop(Press *p)
{
    if (!p) return;
    for (int i = 0; i < p->n; i++) {
        Worker *w = &p->w[i];
        if (w->to >= 0) close(w->to);
        w->to = -1;
        /* a worker still typesetting a layout no one waits for */
        if (w->busy && w->pid > 0) kill(w->pid, SIGTERM);
    }
    for (int i = 0; i < p->n; i++) {
        Worker *w = &p->w[i];
        if (w->pid > 0)
            while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR) {
            }
        close_ends(w);
    }
    free_press(p);
}
