/*
 * main.c: the command line. Parses the arguments, runs the stages in order
 * (load -> compute -> facts -> transform -> typeset -> render) for the
 * command asked, prints the diagnostics once and sets the exit status.
 * No other file prints diagnostics or exits.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compute/calc.h"
#include "diag.h"
#include "facts/facts.h"
#include "facts/metrics.h"
#include "load/load.h"
#include "load/xml.h"
#include "output.h"
#include "render/render.h"
#include "transform/xform.h"
#include "typeset/typeset.h"
#include "util.h"

#ifndef DOSSIER_VERSION
#define DOSSIER_VERSION "0.0.0"
#endif
#ifndef DOSSIER_DATADIR
#define DOSSIER_DATADIR "/usr/local/share/dossier"
#endif

static const char USAGE[] =
    "Usage: dossier COMMAND [OPTIONS]\n"
    "\n"
    "Compile an organisation's IT service continuity and service-level sources\n"
    "(XML and Markdown) into controlled PDF documents.\n"
    "\n"
    "Commands:\n"
    "  build      check the sources and write every document, facts.xml and\n"
    "             metrics.json into the output directory\n"
    "  check      check the sources only; write nothing\n"
    "  metrics    print the computed figures (JSON, or CSV with --format csv)\n"
    "  facts      print the facts document (XML) that stylesheets read\n"
    "  layout NUMBER  print the layout tree a document's stylesheet makes\n"
    "             (with --lang, in that language)\n"
    "  explain ID print the working behind the figures of a service or an\n"
    "             incident for the period\n"
    "  render LAYOUT.xml [-o FILE.pdf] [--dump]\n"
    "             typeset one layout tree (schemas/layout.rng) into a PDF;\n"
    "             --dump prints the positioned boxes of every page instead\n"
    "\n"
    "Options:\n"
    "  -i, --input DIR      the sources (default: input)\n"
    "  -o, --output DIR     where build writes (default: output)\n"
    "      --period YYYY-MM the month reported on (default: the latest month\n"
    "                       that has records)\n"
    "      --lang zh-CN|en  the language of the documents (default: each\n"
    "                       document's own, from the register)\n"
    "  -j, --jobs N         build up to N documents at once, each in its own\n"
    "                       process (default: 1; the bytes are the same)\n"
    "      --format json|csv  the format of metrics (default: json)\n"
    "      --strict         treat warnings as errors\n"
    "  -h, --help           show this help and exit\n"
    "      --version        show the version and exit\n"
    "\n"
    "Exit status:\n"
    "  0  done\n"
    "  1  the sources have errors (each is printed as path:line:col: error: ...)\n"
    "  2  wrong usage\n"
    "  3  a failure of the machine (I/O, memory)\n";

typedef struct Options {
    const char *command;
    const char *arg; /* explain's ID, render's layout file */
    bool dump;
    bool output_given;
    const char *input, *output, *datadir;
    bool has_period;
    Date period;
    int lang;
    const char *format;
    bool strict;
    int jobs; /* documents built at once */
} Options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "dossier: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'dossier --help'.\n");
    return EXIT_USAGE;
}

/* Where schemas/ lives: $DOSSIER_DATA, the executable's directory, or the
 * installed data directory. */
static char *find_datadir(void)
{
    const char *env = getenv("DOSSIER_DATA");
    if (env && *env) return xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *dir = dirname(exe);
        char *probe = xasprintf("%s/schemas/defaults.xml", dir);
        bool ok = access(probe, R_OK) == 0;
        free(probe);
        if (ok) return xstrdup(dir);
    }
    return xstrdup(DOSSIER_DATADIR);
}

static int parse_args(int argc, char **argv, Options *o)
{
    enum { OPT_PERIOD = 256, OPT_LANG, OPT_FORMAT, OPT_STRICT, OPT_VERSION, OPT_DUMP };
    static const struct option longs[] = {
        {"input", required_argument, NULL, 'i'},  {"output", required_argument, NULL, 'o'},
        {"period", required_argument, NULL, OPT_PERIOD}, {"lang", required_argument, NULL, OPT_LANG},
        {"jobs", required_argument, NULL, 'j'},   {"format", required_argument, NULL, OPT_FORMAT},
        {"strict", no_argument, NULL, OPT_STRICT}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION}, {"dump", no_argument, NULL, OPT_DUMP}, {0, 0, 0, 0}};
    o->input = "input";
    o->output = "output";
    o->format = "json";
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":i:o:j:h", longs, NULL)) != -1) {
        switch (c) {
        case 'i': o->input = optarg; break;
        case 'o': o->output = optarg; o->output_given = true; break;
        case OPT_DUMP: o->dump = true; break;
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || end == optarg || j < 1 || j > 64) return usage_error("-j wants a number from 1 to 64, not '%s'", optarg);
            o->jobs = (int)j;
            break;
        }
        case OPT_PERIOD:
            if (month_parse(optarg, &o->period)) return usage_error("--period wants a month as YYYY-MM, not '%s'", optarg);
            o->has_period = true;
            break;
        case OPT_LANG:
            if (strcmp(optarg, "zh-CN") == 0) o->lang = LANG_ZH;
            else if (strcmp(optarg, "en") == 0) o->lang = LANG_EN;
            else return usage_error("--lang wants zh-CN or en, not '%s'", optarg);
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "json") != 0 && strcmp(optarg, "csv") != 0)
                return usage_error("--format wants json or csv, not '%s'", optarg);
            o->format = optarg;
            break;
        case OPT_STRICT: o->strict = true; break;
        case 'h': fputs(USAGE, stdout); exit(EXIT_DONE);
        case OPT_VERSION: printf("dossier %s\n", DOSSIER_VERSION); exit(EXIT_DONE);
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc) return usage_error("%s", "no command given");
    o->command = argv[optind++];
    if (strcmp(o->command, "explain") == 0 || strcmp(o->command, "render") == 0 || strcmp(o->command, "layout") == 0) {
        if (optind >= argc)
            return usage_error("%s", o->command[0] == 'e'   ? "explain needs the id of a service or an incident"
                                     : o->command[0] == 'r' ? "render needs a layout file"
                                                            : "layout needs a document number");
        o->arg = argv[optind++];
    }
    if (optind < argc) return usage_error("unexpected argument '%s'", argv[optind]);
    return -1;
}

static bool stage_doc(const char *dir, const char *name, xmlDoc *doc)
{
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
    if (!mem) die_oom();
    bool ok = output_stage(dir, name, mem, (size_t)len);
    xmlFree(mem);
    return ok;
}

static bool periodic(const char *kind)
{
    return str_eq(kind, "monthly-service-report") || str_eq(kind, "quarterly-service-report") ||
           str_eq(kind, "drill-work-report");
}

/* The file a document is written to: number, period for periodic reports,
 * version (a '/' of the A/1 scheme becomes '-'), language. */
static char *document_file(const Document *d, Date period, const char *lang)
{
    Buf b = {0};
    buf_puts(&b, d->number);
    if (str_eq(d->kind, "quarterly-service-report")) buf_printf(&b, "_%04d-Q%d", period.y, (period.m - 1) / 3 + 1);
    else if (periodic(d->kind)) buf_printf(&b, "_%04d-%02d", period.y, period.m);
    buf_putc(&b, '_');
    for (const char *c = d->version; *c; c++) buf_putc(&b, *c == '/' ? '-' : *c);
    buf_printf(&b, "_%s.pdf", lang);
    return buf_steal(&b);
}

/* One document in one language: transform, typeset and render into pdf.
 * False (reported) when any stage failed. */
typedef struct {
    const Document *d;
    const char *lang;
} Job;

static bool build_one(Xform *x, Typesetter *ts, const TypesetOptions *to, xmlDoc *facts, Job j, Buf *pdf)
{
    xmlDoc *layout = xform_document(x, facts, j.d->kind, j.d->number, j.lang);
    if (!layout) return false;
    int before = diag_error_count();
    Pages *p = typeset_document(ts, layout, to);
    bool ok = p && diag_error_count() == before && render_pdf(p, pdf);
    pages_free(p);
    xmlFreeDoc(layout);
    return ok;
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* A worker: one job in a child process; its messages and its PDF go back
 * through fd as [diagnostics][u64 length][PDF bytes] (length 0: none). */
static _Noreturn void worker(Xform *x, Typesetter *ts, const TypesetOptions *to, xmlDoc *facts, Job j, int fd)
{
    output_forget();
    diag_reset();
    Buf pdf = {0};
    bool ok = build_one(x, ts, to, facts, j, &pdf);
    Buf msg = {0};
    diag_export(&msg);
    uint64_t n = ok ? pdf.len : 0;
    buf_put(&msg, (const char *)&n, sizeof n);
    bool sent = write_all(fd, msg.s, msg.len) && (!n || write_all(fd, pdf.s, pdf.len));
    _exit(sent ? 0 : EXIT_SYSTEM);
}

typedef struct {
    pid_t pid;
    int fd;
    size_t job;
    Buf in;
} Worker;

/* A worker has finished: take its messages, stage its PDF. */
static void collect(const Options *o, const Job *jobs, Worker *w)
{
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR) {
    }
    const Job *j = &jobs[w->job];
    size_t used = 0;
    uint64_t n = 0;
    bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && diag_import(w->in.s, w->in.len, &used) &&
              w->in.len - used >= sizeof n;
    if (ok) {
        memcpy(&n, w->in.s + used, sizeof n);
        used += sizeof n;
        ok = w->in.len - used == n;
    }
    if (!ok) {
        diag_system("building %s (%s) failed in its worker process (status %d)", j->d->number, j->lang, status);
    } else if (n) {
        char *name = document_file(j->d, o->period, j->lang);
        output_stage(o->output, name, w->in.s + used, (size_t)n);
        free(name);
    }
    buf_free(&w->in);
    close(w->fd);
}

/* Transform, typeset and render every document of the register (in the
 * languages it asks, or the one of --lang) and stage it in the output
 * directory: one after the other, or with -j N in up to N worker
 * processes at once (each document is independent; the bytes are the
 * same either way). */
static void build_documents(const Model *m, xmlDoc *facts, const Options *o)
{
    Xform *x = xform_new(o->datadir);
    Typesetter *ts = typeset_new();
    TypesetOptions to = {.image_root = o->input};
    Job *jobs = xcalloc(m->documents.n * 2 + 1, sizeof *jobs);
    size_t njobs = 0;
    for (size_t i = 0; i < m->documents.n; i++) {
        const Document *d = m->documents.v[i];
        for (int l = LANG_ZH; l <= LANG_EN; l <<= 1) {
            if (o->lang ? o->lang != l : !(d->langs & l)) continue;
            jobs[njobs++] = (Job){d, l == LANG_EN ? "en" : "zh-CN"};
        }
        /* compiled once, before any worker starts */
        xform_prepare(x, d->kind);
    }
    if (o->jobs <= 1 || njobs <= 1) {
        for (size_t k = 0; k < njobs; k++) {
            Buf pdf = {0};
            if (build_one(x, ts, &to, facts, jobs[k], &pdf)) {
                char *name = document_file(jobs[k].d, o->period, jobs[k].lang);
                output_stage(o->output, name, pdf.s, pdf.len);
                free(name);
            }
            buf_free(&pdf);
        }
    } else {
        typeset_prepare(ts);
        Worker *ws = xcalloc((size_t)o->jobs, sizeof *ws);
        struct pollfd *pf = xcalloc((size_t)o->jobs, sizeof *pf);
        size_t next = 0, active = 0;
        fflush(NULL);
        while (next < njobs || active > 0) {
            while (active < (size_t)o->jobs && next < njobs && !diag_system_failed()) {
                int fds[2];
                if (pipe(fds) != 0) {
                    diag_system("cannot start a worker: %s", strerror(errno));
                    break;
                }
                pid_t pid = fork();
                if (pid < 0) {
                    close(fds[0]), close(fds[1]);
                    diag_system("cannot start a worker: %s", strerror(errno));
                    break;
                }
                if (pid == 0) {
                    close(fds[0]);
                    for (size_t a = 0; a < active; a++) close(ws[a].fd);
                    worker(x, ts, &to, facts, jobs[next], fds[1]);
                }
                close(fds[1]);
                ws[active++] = (Worker){pid, fds[0], next++, {0}};
            }
            if (active == 0) break;
            for (size_t a = 0; a < active; a++) pf[a] = (struct pollfd){ws[a].fd, POLLIN, 0};
            if (poll(pf, active, -1) < 0) {
                if (errno == EINTR) continue;
                diag_system("waiting for the workers: %s", strerror(errno));
                break;
            }
            for (size_t a = 0; a < active;) {
                if (!(pf[a].revents & (POLLIN | POLLHUP | POLLERR))) {
                    a++;
                    continue;
                }
                char chunk[65536];
                ssize_t r = read(ws[a].fd, chunk, sizeof chunk);
                if (r > 0) {
                    buf_put(&ws[a].in, chunk, (size_t)r);
                    a++;
                    continue;
                }
                if (r < 0 && errno == EINTR) continue;
                collect(o, jobs, &ws[a]);
                ws[a] = ws[active - 1];
                pf[a] = pf[active - 1];
                active--;
            }
        }
        /* after a failure to start one: let the others finish */
        for (size_t a = 0; a < active; a++) {
            char chunk[65536];
            ssize_t r;
            while ((r = read(ws[a].fd, chunk, sizeof chunk)) > 0 || (r < 0 && errno == EINTR))
                if (r > 0) buf_put(&ws[a].in, chunk, (size_t)r);
            collect(o, jobs, &ws[a]);
        }
        free(ws);
        free(pf);
    }
    free(jobs);
    typeset_free(ts);
    xform_free(x);
}

/* The period: as asked, or the latest month with records. */
static bool choose_period(const Model *m, Options *o)
{
    if (o->has_period) return true;
    if (m->has_records) {
        o->period = m->latest_month;
        return true;
    }
    diag_report(DIAG_ERROR, o->input, 0, 0, "the sources have no records: name the month with --period YYYY-MM");
    return false;
}

/* dossier render LAYOUT.xml [-o FILE.pdf] [--dump] */
static int run_render(Options *o)
{
    xmlDoc *doc = layout_read(o->arg, o->datadir);
    if (doc) {
        Typesetter *ts = typeset_new();
        char *dir = xstrdup(o->arg);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = 0;
        else strcpy(dir, ".");
        TypesetOptions to = {.image_root = dir};
        Pages *p = typeset_document(ts, doc, &to);
        if (p && o->dump) {
            char *d = pages_dump(p);
            fputs(d, stdout);
            free(d);
        }
        if (p && (o->output_given || !o->dump) && !diag_error_count()) {
            char *out = o->output_given ? xstrdup(o->output) : NULL;
            if (!out) {
                out = xstrdup(o->arg);
                if (str_has_suffix(out, ".xml")) out[strlen(out) - 4] = 0;
                char *t = xasprintf("%s.pdf", out);
                free(out);
                out = t;
            }
            char *odir = xstrdup(out), *name = strrchr(odir, '/');
            if (name) *name++ = 0;
            else name = odir;
            render_pdf_file(p, name == odir ? "." : odir, name);
            free(odir);
            free(out);
        }
        pages_free(p);
        typeset_free(ts);
        free(dir);
        layout_free(doc);
    }
    diag_flush(stderr);
    return diag_exit_status();
}

static int run(Options *o)
{
    if (strcmp(o->command, "render") == 0) return run_render(o);
    bool is_build = strcmp(o->command, "build") == 0, is_check = strcmp(o->command, "check") == 0,
         is_facts = strcmp(o->command, "facts") == 0, is_metrics = strcmp(o->command, "metrics") == 0,
         is_explain = strcmp(o->command, "explain") == 0, is_layout = strcmp(o->command, "layout") == 0;
    if (!is_build && !is_check && !is_facts && !is_metrics && !is_explain && !is_layout)
        return usage_error("unknown command '%s'", o->command);

    LoadOptions lo = {.input = o->input, .datadir = o->datadir};
    Model *m = load_model(&lo);
    Calc *c = NULL;
    int status = EXIT_DONE;
    if (diag_error_count() || is_check) goto done;
    if (!choose_period(m, o)) goto done;

    FactsOptions fo = {.period = o->period, .lang = o->lang};
    c = calc_run(m, o->period);
    if (is_explain) {
        char *text = calc_explain(c, o->arg);
        if (!text) diag_report(DIAG_ERROR, NULL, 0, 0, "no service or incident is called '%s'", o->arg);
        else fputs(text, stdout);
        free(text);
    } else if (is_facts) {
        xmlDoc *doc = facts_build(m, c, &fo);
        xmlChar *mem = NULL;
        int len = 0;
        xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
        if (!mem) die_oom();
        fwrite(mem, 1, (size_t)len, stdout);
        xmlFree(mem);
        xmlFreeDoc(doc);
    } else if (is_metrics) {
        char *text = strcmp(o->format, "csv") == 0 ? metrics_csv(m, c) : metrics_json(m, c);
        fputs(text, stdout);
        free(text);
    } else if (is_layout) {
        const Document *d = model_lookup(m, NS_DOCUMENT, o->arg);
        if (!d) {
            diag_report(DIAG_ERROR, NULL, 0, 0, "the register has no document '%s'", o->arg);
            goto done;
        }
        int l = o->lang ? o->lang : (d->langs & LANG_ZH ? LANG_ZH : LANG_EN);
        xmlDoc *doc = facts_build(m, c, &fo);
        Xform *x = xform_new(o->datadir);
        xmlDoc *layout = xform_document(x, doc, d->kind, d->number, l == LANG_EN ? "en" : "zh-CN");
        if (layout) {
            xmlChar *mem = NULL;
            int len = 0;
            xmlDocDumpFormatMemoryEnc(layout, &mem, &len, "UTF-8", 1);
            fwrite(mem, 1, (size_t)len, stdout);
            xmlFree(mem);
            xmlFreeDoc(layout);
        }
        xform_free(x);
        xmlFreeDoc(doc);
    } else if (is_build) {
        if (!output_mkdir(o->output)) goto done;
        /* everything is staged; it takes its place only if all went well */
        xmlDoc *doc = facts_build(m, c, &fo);
        bool ok = stage_doc(o->output, "facts.xml", doc);
        if (ok) {
            char *json = metrics_json(m, c);
            ok = output_stage(o->output, "metrics.json", json, strlen(json));
            free(json);
        }
        if (ok) build_documents(m, doc, o);
        xmlFreeDoc(doc);
        if (diag_error_count()) output_abort();
        else output_commit();
    }
done:
    calc_free(c);
    diag_flush(stderr);
    status = diag_exit_status();
    model_free(m);
    return status;
}

int main(int argc, char **argv)
{
    alloc_seam_init();
    output_install_signals();
    Options o = {.jobs = 1};
    int st = parse_args(argc, argv, &o);
    if (st >= 0) return st;
    diag_set_strict(o.strict);
    char *datadir = find_datadir();
    o.datadir = datadir;
    xml_init();
    xml_allow_root(datadir);
    int status = run(&o);
    xml_cleanup();
    zone_cache_free();
    free(datadir);
    return status;
}
