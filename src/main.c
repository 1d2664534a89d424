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
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "compute/calc.h"
#include "control/control.h"
#include "control/diff.h"
#include "diag.h"
#include "facts/facts.h"
#include "facts/metrics.h"
#include "load/load.h"
#include "load/xml.h"
#include "output.h"
#include "pack.h"
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
    "  build      check the sources and write every document, facts.xml,\n"
    "             metrics.json and the manifest (manifest.json, MANIFEST.sha256)\n"
    "             into the output directory; documents whose content has not\n"
    "             changed since the last build are kept, not made again\n"
    "  check      check the sources (and released documents against the\n"
    "             release lock); write nothing\n"
    "  release NUMBER  record the document's current version as released in\n"
    "             input/release.lock; from then on its content may not change\n"
    "             without a new version\n"
    "  diff NUMBER VERSION [VERSION]\n"
    "             what changed between two released versions, or between a\n"
    "             released version and the working sources\n"
    "  verify DIR check a directory of outputs against its manifest and the\n"
    "             release lock\n"
    "  pack --standard iso20000|iso27001|iso22301 --max-class LEVEL -o DIR\n"
    "             the audit pack: the approved documents, the register, the\n"
    "             clause-to-evidence cross-reference, the records, a manifest;\n"
    "             nothing classified above LEVEL\n"
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
    "      --only NUMBER    build only this document (every language)\n"
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
    const char *arg;  /* explain's ID, render's layout file, a document number, verify's directory */
    const char *arg2, *arg3; /* diff's versions */
    const char *only; /* build --only NUMBER */
    const char *standard, *max_class; /* pack */
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
    enum { OPT_PERIOD = 256, OPT_LANG, OPT_FORMAT, OPT_STRICT, OPT_VERSION, OPT_DUMP, OPT_ONLY, OPT_STANDARD, OPT_MAXCLASS };
    static const struct option longs[] = {
        {"input", required_argument, NULL, 'i'},  {"output", required_argument, NULL, 'o'},
        {"period", required_argument, NULL, OPT_PERIOD}, {"lang", required_argument, NULL, OPT_LANG},
        {"jobs", required_argument, NULL, 'j'},   {"format", required_argument, NULL, OPT_FORMAT},
        {"strict", no_argument, NULL, OPT_STRICT}, {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION}, {"dump", no_argument, NULL, OPT_DUMP},
        {"only", required_argument, NULL, OPT_ONLY}, {"standard", required_argument, NULL, OPT_STANDARD},
        {"max-class", required_argument, NULL, OPT_MAXCLASS}, {0, 0, 0, 0}};
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
        case OPT_ONLY: o->only = optarg; break;
        case OPT_STANDARD:
            if (strcmp(optarg, "iso20000") != 0 && strcmp(optarg, "iso27001") != 0 && strcmp(optarg, "iso22301") != 0)
                return usage_error("--standard wants iso20000, iso27001 or iso22301, not '%s'", optarg);
            o->standard = optarg;
            break;
        case OPT_MAXCLASS: o->max_class = optarg; break;
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
    static const struct {
        const char *name;
        int min, max;
        const char *need;
    } ARGS[] = {
        {"explain", 1, 1, "explain needs the id of a service or an incident"},
        {"render", 1, 1, "render needs a layout file"},
        {"layout", 1, 1, "layout needs a document number"},
        {"release", 1, 1, "release needs a document number"},
        {"verify", 1, 1, "verify needs a directory of outputs"},
        {"diff", 2, 3, "diff needs a document number and a released version (and a second version)"},
    };
    for (size_t k = 0; k < sizeof ARGS / sizeof *ARGS; k++) {
        if (strcmp(o->command, ARGS[k].name) != 0) continue;
        int n = 0;
        const char **slots[] = {&o->arg, &o->arg2, &o->arg3};
        while (optind < argc && n < ARGS[k].max) *slots[n++] = argv[optind++];
        if (n < ARGS[k].min) return usage_error("%s", ARGS[k].need);
    }
    if (optind < argc) return usage_error("unexpected argument '%s'", argv[optind]);
    if (strcmp(o->command, "pack") == 0) {
        if (!o->standard) return usage_error("%s", "pack needs --standard iso20000, iso27001 or iso22301");
        if (!o->max_class) return usage_error("%s", "pack needs --max-class LEVEL (a classification level)");
        if (!o->output_given) return usage_error("%s", "pack needs -o DIR, a new or empty directory");
    }
    return -1;
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

/* The process is about to exit, and the system takes its memory back at
 * once: freeing a large organisation's trees node by node took a tenth of
 * `metrics` at 1,000 services. DOSSIER_FREE_AT_EXIT=1 frees everything, for
 * the leak checkers (make sanitize, make memcheck). */
static bool free_at_exit(void)
{
    static int on = -1;
    if (on < 0) on = getenv("DOSSIER_FREE_AT_EXIT") != NULL;
    return on;
}

/* facts.xml written straight into its staged file as libxml2 serializes
 * it (never whole in memory: 55 MB at M), with its length and digest */
typedef struct {
    xmlDoc *doc;
    int fd;
    const char *final;
    size_t len;
    Sha256 *h;
    bool ok;
} FactsDump;

static int facts_put(void *ud, const char *data, int len)
{
    FactsDump *d = ud;
    if (!d->ok || len < 0 || !output_stage_put(d->fd, data, (size_t)len, d->final)) {
        d->ok = false;
        return -1;
    }
    sha256_put(d->h, data, (size_t)len);
    d->len += (size_t)len;
    return len;
}

static void *facts_dump(void *ud)
{
    FactsDump *d = ud;
    output_signals_elsewhere();
    d->h = sha256_begin();
    /* the bytes of xmlDocDumpFormatMemoryEnc(doc, ..., "UTF-8", 1) */
    xmlOutputBuffer *out = xmlOutputBufferCreateIO(facts_put, NULL, d, NULL);
    if (!out) die_oom();
    d->ok = xmlSaveFormatFileTo(out, d->doc, "UTF-8", 1) >= 0 && d->ok;
    d->ok = output_stage_close(d->fd, d->ok, d->final);
    return NULL;
}

/* dossier render LAYOUT.xml [-o FILE.pdf] [--dump] */
static int run_render(Options *o)
{
    time_mark("start");
    xmlDoc *doc = layout_read(o->arg, o->datadir);
    time_mark("layout read");
    if (doc) {
        Typesetter *ts = typeset_new();
        char *dir = xstrdup(o->arg);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = 0;
        else strcpy(dir, ".");
        TypesetOptions to = {.image_root = dir};
        Pages *p = typeset_document(ts, doc, &to);
        if (p) {
            pages_adopt_layout(p);
            doc = NULL;
        }
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

/* dossier diff NUMBER VERSION_A [VERSION_B]: a released edition against
 * another, or against the working sources */
static void run_diff(const Model *m, const Calc *c, const FactsOptions *fo, const BuildOptions *bo, const Lock *lock,
                     const Options *o)
{
    const Document *d = model_lookup(m, NS_DOCUMENT, o->arg);
    if (!d) {
        diag_report(DIAG_ERROR, NULL, 0, 0, "the register has no document '%s'", o->arg);
        return;
    }
    const char *lang = o->lang == LANG_EN ? "en" : o->lang == LANG_ZH ? "zh-CN" : (d->langs & LANG_ZH ? "zh-CN" : "en");
    bool per = kind_is_periodic(d->kind);
    xmlDoc *side[2] = {NULL, NULL};
    const char *names[2] = {o->arg2, o->arg3};
    for (int k = 0; k < 2; k++) {
        if (!names[k]) {
            /* the working sources */
            /* copied, not moved in: the model is used after it is freed */
            FactsOptions copy = *fo;
            copy.take = false;
            xmlDoc *doc = facts_build(m, c, &copy);
            side[k] = document_layout(m, c, doc, bo, lock, d, lang, NULL);
            facts_free(doc);
            continue;
        }
        const LockEntry *e = lock_find(lock, d->number, names[k], per, o->period);
        if (!e) {
            diag_report(DIAG_ERROR, lock->path, 0, 0, "document '%s' %s%s is not released", d->number, names[k],
                        per ? " for the period" : "");
            continue;
        }
        char *snap = snapshot_path(o->input, d->number, names[k], per, e->period, lang);
        side[k] = layout_read(snap, o->datadir);
        if (side[k]) {
            /* the snapshot must be what was released */
            Sha s = layout_hash(side[k], o->input, NULL);
            const LockEdition *ed = lock_edition(e, lang);
            if (!ed || strcmp(ed->layout.hex, s.hex) != 0)
                diag_report(DIAG_WARNING, snap, 0, 0, "this snapshot is not the content the lock records for %s %s (%s)",
                            d->number, names[k], lang);
        }
        free(snap);
    }
    if (side[0] && side[1]) {
        int n = 0;
        char *text = layout_diff(side[0], side[1], &n);
        printf("%s %s → %s (%s): %d change%s\n%s", d->number, o->arg2, o->arg3 ? o->arg3 : "working sources", lang, n,
               n == 1 ? "" : "s", text);
        free(text);
    }
    for (int k = 0; k < 2; k++)
        if (side[k]) layout_free(side[k]);
}

static int run(Options *o)
{
    if (strcmp(o->command, "render") == 0) return run_render(o);
    if (strcmp(o->command, "verify") == 0) {
        /* the outputs against their manifest and the release lock */
        Lock *lock = lock_read(o->input);
        if (lock && verify_dir(o->arg, lock) && !diag_error_count())
            printf("%s: every file matches its manifest and every released document its lock\n", o->arg);
        lock_free(lock);
        diag_flush(stderr);
        return diag_exit_status();
    }
    bool is_build = strcmp(o->command, "build") == 0, is_check = strcmp(o->command, "check") == 0,
         is_facts = strcmp(o->command, "facts") == 0, is_metrics = strcmp(o->command, "metrics") == 0,
         is_explain = strcmp(o->command, "explain") == 0, is_layout = strcmp(o->command, "layout") == 0,
         is_release = strcmp(o->command, "release") == 0, is_diff = strcmp(o->command, "diff") == 0,
         is_pack = strcmp(o->command, "pack") == 0;
    if (!is_build && !is_check && !is_facts && !is_metrics && !is_explain && !is_layout && !is_release && !is_diff &&
        !is_pack)
        return usage_error("unknown command '%s'", o->command);

    LoadOptions lo = {.input = o->input, .datadir = o->datadir};
    time_mark("start");
    /* build's typesetting workers, forked while this process is small
     * (they never hold the sources, the model or the facts);
     * DOSSIER_PRESS=0 typesets without them, for tests that compare */
    Press *press = NULL;
    const char *pe = getenv("DOSSIER_PRESS");
    if (is_build && !alloc_seam_armed() && !(pe && strcmp(pe, "0") == 0)) {
        TypesetOptions to = {.image_root = o->input};
        press = press_start(o->jobs, &to);
    }
    Model *m = load_model(&lo);
    time_mark("load");
    Calc *c = NULL;
    Lock *lock = NULL;
    int status = EXIT_DONE;
    if (diag_error_count()) goto done;
    lock = lock_read(o->input);
    if (!lock) goto done;
    /* check computes too (the review dates, the release lock), when there
     * is a period to compute for */
    if (is_check && !o->has_period && !m->has_records) goto done;
    if (!choose_period(m, o)) goto done;

    /* the records are moved into the facts (each command below frees
     * them only after its last use of the model); DOSSIER_FACTS_COPY
     * copies them instead, for tests that compare the two */
    FactsOptions fo = {.period = o->period, .lang = o->lang, .take = !getenv("DOSSIER_FACTS_COPY")};
    c = calc_run(m, o->period);
    time_mark("compute");
    BuildOptions bo = {.input = o->input, .output = o->output, .datadir = o->datadir, .period = o->period,
                       .lang = o->lang, .jobs = o->jobs, .only = o->only, .press = press};
    if (is_check) {
        /* released documents are held to the lock: their content is made
         * (not typeset) and compared */
        xmlDoc *doc = facts_build(m, c, &fo);
        documents_build(m, c, doc, &bo, lock);
        facts_free(doc);
    } else if (is_explain) {
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
        facts_free(doc);
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
        xmlDoc *layout = document_layout(m, c, doc, &bo, lock, d, l == LANG_EN ? "en" : "zh-CN", NULL);
        if (layout) {
            xmlChar *mem = NULL;
            int len = 0;
            xmlDocDumpFormatMemoryEnc(layout, &mem, &len, "UTF-8", 1);
            fwrite(mem, 1, (size_t)len, stdout);
            xmlFree(mem);
            layout_free(layout);
        }
        facts_free(doc);
    } else if (is_build) {
        if (!output_mkdir(o->output)) goto done;
        /* everything is staged; it takes its place only if all went well */
        xmlDoc *doc = facts_build(m, c, &fo);
        time_mark("facts");
        /* facts.xml is written out on a thread of its own while
         * metrics.json is made (neither changes the facts, the model or
         * the figures) */
        FactsDump fd = {.doc = doc, .ok = true};
        fd.fd = output_stage_open(o->output, "facts.xml", &fd.final);
        pthread_t th;
        bool threaded = fd.fd >= 0 && !alloc_seam_armed() && pthread_create(&th, NULL, facts_dump, &fd) == 0;
        char *json = metrics_json(m, c);
        ManFile extra[2] = {{"facts.xml", 0, {{0}}}, {"metrics.json", strlen(json), sha256_mem(json, strlen(json))}};
        if (threaded) pthread_join(th, NULL);
        else if (fd.fd >= 0) facts_dump(&fd);
        time_mark("facts.xml made");
        extra[0].bytes = fd.len;
        if (fd.h) extra[0].sha = sha256_end(fd.h);
        bool ok = fd.fd >= 0 && fd.ok && output_stage(o->output, "metrics.json", json, strlen(json));
        free(json);
        time_mark("facts.xml and metrics.json");
        bo.extra = extra;
        bo.nextra = 2;
        bo.write = true;
        if (ok) documents_build(m, c, doc, &bo, lock);
        if (free_at_exit()) facts_free(doc);
        if (diag_error_count()) output_abort();
        else output_commit();
        time_mark("commit");
    } else if (is_diff) {
        run_diff(m, c, &fo, &bo, lock, o);
    } else if (is_pack) {
        xmlDoc *doc = facts_build(m, c, &fo);
        if (documents_pack(m, c, doc, &bo, lock, o->standard, o->max_class, o->output) && !diag_error_count())
            output_commit();
        else output_abort();
        facts_free(doc);
    } else if (is_release) {
        xmlDoc *doc = facts_build(m, c, &fo);
        if (documents_release(m, c, doc, &bo, lock, o->arg) && !diag_error_count()) output_commit();
        else output_abort();
        facts_free(doc);
    }
done:
    press_stop(press);
    lock_free(lock);
    diag_flush(stderr);
    status = diag_exit_status();
    if (free_at_exit()) {
        calc_free(c);
        model_free(m);
    }
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
    if (getenv("DOSSIER_ALLOC_REPORT")) fprintf(stderr, "dossier: allocations: %ld\n", alloc_count_get());
    xml_cleanup();
    zone_cache_free();
    free(datadir);
    return status;
}
