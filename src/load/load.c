/*
 * load.c: the driver of the load stage. Finds the source files of an input
 * tree, parses and validates each, reads them into the model in an order
 * where every reference points at something already read, then runs the
 * checks that span files.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load_int.h"

static const struct {
    const char *root, *schema;
} KINDS[SK_COUNT] = {
    [SK_ORGANISATION] = {"organisation", "organisation.rng"},
    [SK_CALENDARS] = {"calendars", "calendars.rng"},
    [SK_POLICIES] = {"policies", "policies.rng"},
    [SK_SERVICES] = {"services", "services.rng"},
    [SK_FUNCTIONS] = {"business-functions", "functions.rng"},
    [SK_RISKS] = {"risks", "risks.rng"},
    [SK_PLAN] = {"plan", "plan.rng"},
    [SK_DRILL] = {"drill", "drill.rng"},
    [SK_INCIDENTS] = {"incidents", "incidents.rng"},
    [SK_OUTAGES] = {"outages", "outages.rng"},
    [SK_CHANGES] = {"changes", "changes.rng"},
    [SK_WORKLOAD] = {"workload", "workload.rng"},
    [SK_SATISFACTION] = {"satisfaction", "satisfaction.rng"},
    [SK_KPIS] = {"kpis", "kpis.rng"},
    [SK_REGISTER] = {"register", "register.rng"},
};

const char *srckind_root(SrcKind k) { return KINDS[k].root; }
const char *srckind_schema(SrcKind k) { return KINDS[k].schema; }

/* ---- finding the files ---- */

typedef struct {
    char **rel;
    size_t n, cap;
} PathList;

static void walk(const char *root, const char *real_root, const char *rel, int depth, PathList *out)
{
    char *dir = rel[0] ? path_join(root, rel) : xstrdup(root);
    DIR *d = opendir(dir);
    if (!d) {
        if (!rel[0])
            diag_report(DIAG_ERROR, root, 0, 0, "cannot read the input directory: %s", strerror(errno));
        else
            diag_report(DIAG_ERROR, dir, 0, 0, "cannot read directory: %s", strerror(errno));
        free(dir);
        return;
    }
    struct dirent *e;
    char **names = NULL;
    size_t n = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* hidden files, . and .. */
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    xsort(names, n, sizeof *names, cmp_str_ptr);
    for (size_t i = 0; i < n; i++) {
        char *r = rel[0] ? path_join(rel, names[i]) : xstrdup(names[i]);
        char *full = path_join(root, r);
        struct stat st;
        bool keep = false;
        if (lstat(full, &st) != 0) {
            diag_report(DIAG_ERROR, full, 0, 0, "cannot stat: %s", strerror(errno));
        } else {
            if (S_ISLNK(st.st_mode)) {
                char *real = realpath(full, NULL);
                size_t rl = strlen(real_root);
                if (!real || strncmp(real, real_root, rl) != 0 || (real[rl] != '/' && real[rl] != 0)) {
                    if (str_has_suffix(names[i], ".xml") || str_has_suffix(names[i], ".md") || (real && stat(real, &st) == 0 && S_ISDIR(st.st_mode)))
                        diag_report(DIAG_ERROR, full, 0, 0, "symbolic link leads outside the input tree (to %s)",
                                    real ? real : "a missing file");
                    free(real);
                    free(full);
                    free(r);
                    free(names[i]);
                    continue;
                }
                free(real);
                if (stat(full, &st) != 0) st.st_mode = 0;
            }
            if (S_ISDIR(st.st_mode)) {
                if (depth >= 16)
                    diag_report(DIAG_ERROR, full, 0, 0, "directories nested deeper than 16");
                else
                    walk(root, real_root, r, depth + 1, out);
            } else if (S_ISREG(st.st_mode) && str_has_suffix(names[i], ".xml")) {
                keep = true;
            }
        }
        if (keep) {
            if (out->n == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 32;
                out->rel = xrealloc(out->rel, out->cap * sizeof *out->rel);
            }
            out->rel[out->n++] = r;
        } else {
            free(r);
        }
        free(full);
        free(names[i]);
    }
    free(names);
    free(dir);
}

static SrcKind kind_of(const Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    if (!root) return SK_UNKNOWN;
    if (!root->ns || strcmp((const char *)root->ns->href, DOSSIER_NS) != 0) {
        diag_node(DIAG_ERROR, root, NULL, "root element <%s> is not in the dossier namespace (%s)", root->name,
                  DOSSIER_NS);
        return SK_UNKNOWN;
    }
    for (int k = 1; k < (int)SK_COUNT; k++)
        if (strcmp((const char *)root->name, KINDS[k].root) == 0) return (SrcKind)k;
    diag_node(DIAG_ERROR, root, NULL, "<%s> is not a kind of source dossier knows", root->name);
    return SK_UNKNOWN;
}

static Src *open_src(Model *m, const char *root, const char *rel, const char *datadir)
{
    Src *s = xcalloc(1, sizeof *s);
    s->rel = xstrdup(rel);
    s->path = path_join(root, rel);
    if (!src_read(s, LIMIT_FILE_BYTES) || !src_parse(s)) return s;
    s->kind = kind_of(s);
    if (s->kind == SK_UNKNOWN) return s;
    char *rng = xasprintf("%s/schemas/%s", datadir, KINDS[s->kind].schema);
    s->valid = src_validate(s, rng);
    free(rng);
    (void)m;
    return s;
}

/* Reading, parsing and validating the files is most of loading a large
 * organisation, and each file is its own: threads (one a core, at most
 * four) take them, the largest first. Each keeps its own parser state and
 * compiled schemas; diagnostics are sorted when printed, so the output is
 * the same as from one thread. */
typedef struct {
    Model *m;
    const char *root, *datadir;
    const PathList *pl;
    size_t *order; /* the files, largest first */
    Src **out;
    size_t next;   /* the next place in order, taken atomically */
} OpenAll;

static void open_some(OpenAll *a)
{
    for (;;) {
        size_t k = __atomic_fetch_add(&a->next, 1, __ATOMIC_RELAXED);
        if (k >= a->pl->n) break;
        size_t i = a->order[k];
        a->out[i] = open_src(a->m, a->root, a->pl->rel[i], a->datadir);
    }
}

static void *open_thread(void *arg)
{
    open_some(arg);
    xml_schemas_free(); /* this thread's */
    return NULL;
}

typedef struct {
    off_t size;
    size_t i;
} Sized;

static int cmp_size(const void *x, const void *y)
{
    const Sized *a = x, *b = y;
    if (a->size != b->size) return a->size > b->size ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static Src **open_all(Model *m, const char *root, const PathList *pl, const char *datadir)
{
    OpenAll a = {m, root, datadir, pl, xcalloc(pl->n + 1, sizeof(size_t)), xcalloc(pl->n + 1, sizeof(Src *)), 0};
    Sized *by = xcalloc(pl->n + 1, sizeof *by);
    for (size_t i = 0; i < pl->n; i++) {
        char *p = path_join(root, pl->rel[i]);
        struct stat st;
        by[i] = (Sized){stat(p, &st) == 0 ? st.st_size : 0, i};
        free(p);
    }
    qsort(by, pl->n, sizeof *by, cmp_size);
    for (size_t i = 0; i < pl->n; i++) a.order[i] = by[i].i;
    free(by);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int nthreads = cores > 4 ? 4 : cores > 1 ? (int)cores : 1;
    if (pl->n < 2 || alloc_seam_armed()) nthreads = 1;
    pthread_t th[3];
    int started = 0;
    for (int t = 1; t < nthreads; t++)
        if (pthread_create(&th[started], NULL, open_thread, &a) == 0) started++;
    open_some(&a);
    for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
    free(a.order);
    return a.out;
}

typedef void (*Reader)(Model *, Src *);

static const struct {
    SrcKind kind;
    Reader read;
} ORDER[] = {
    {SK_ORGANISATION, read_organisation}, {SK_POLICIES, read_policies},   {SK_CALENDARS, read_calendars},
    {SK_SERVICES, read_services},         {SK_FUNCTIONS, read_functions}, {SK_RISKS, read_risks},
    {SK_PLAN, read_plan},                 {SK_DRILL, read_drill},         {SK_INCIDENTS, read_incidents},
    {SK_CHANGES, read_changes},           {SK_OUTAGES, read_outages},     {SK_WORKLOAD, read_workload},
    {SK_SATISFACTION, read_satisfaction}, {SK_KPIS, read_kpis},           {SK_REGISTER, read_register},
};

Model *load_model(const LoadOptions *opt)
{
    Model *m = xcalloc(1, sizeof *m);
    m->arena = arena_new();
    m->root = arena_strdup(m->arena, opt->input);
    xml_allow_root(opt->datadir);

    char *real_root = realpath(opt->input, NULL);
    if (!real_root) {
        diag_report(DIAG_ERROR, opt->input, 0, 0, "cannot open the input directory: %s", strerror(errno));
        return m;
    }
    PathList pl = {0};
    walk(opt->input, real_root, "", 0, &pl);
    free(real_root);

    Src **opened = open_all(m, opt->input, &pl, opt->datadir);
    for (size_t i = 0; i < pl.n; i++) {
        vec_push(m->arena, &m->files, opened[i]);
        free(pl.rel[i]);
    }
    free(opened);
    free(pl.rel);

    /* the built-in policy defaults come first */
    char *defaults = xasprintf("%s/schemas/defaults.xml", opt->datadir);
    Src *def = xcalloc(1, sizeof *def);
    def->path = defaults;
    def->rel = xstrdup("(defaults)");
    if (src_read(def, LIMIT_FILE_BYTES) && src_parse(def)) {
        def->kind = SK_POLICIES;
        char *rng = xasprintf("%s/schemas/policies.rng", opt->datadir);
        def->valid = src_validate(def, rng);
        free(rng);
    }
    if (!def->valid) diag_system("%s: the built-in policy defaults do not load", def->path);

    int singles[SK_COUNT] = {0};
    for (size_t i = 0; i < m->files.n; i++) {
        Src *s = m->files.v[i];
        if (!s->doc) continue;
        if ((s->kind == SK_ORGANISATION || s->kind == SK_REGISTER) && singles[s->kind]++)
            diag_node(DIAG_ERROR, xmlDocGetRootElement(s->doc), NULL,
                      "a second <%s> file; an input tree has one", KINDS[s->kind].root);
    }
    for (size_t i = 0; i < m->files.n; i++)
        if (!m->files.v[i]->doc || m->files.v[i]->kind == SK_UNKNOWN) m->incomplete = true;
    /* a file that could not be read may be the organisation: say it is
     * missing only when every file was read */
    if (!singles[SK_ORGANISATION] && !m->incomplete)
        diag_report(DIAG_ERROR, opt->input, 0, 0, "no <organisation> file in the input tree");
    if (!singles[SK_ORGANISATION]) m->incomplete = true;
    if (m->incomplete)
        diag_report(DIAG_NOTE, NULL, 0, 0,
                    "references between records were not checked, because a source could not be read");

    for (size_t o = 0; o < ARRAY_LEN(ORDER); o++) {
        if (ORDER[o].kind == SK_POLICIES && def->valid) read_policy_defaults(m, def);
        for (size_t i = 0; i < m->files.n; i++) {
            Src *s = m->files.v[i];
            if (s->doc && s->kind == (int)ORDER[o].kind) ORDER[o].read(m, s);
        }
        if (ORDER[o].kind == SK_POLICIES) policies_finish(m);
        if (ORDER[o].kind == SK_SERVICES) services_finish(m);
    }
    /* the defaults file stays alive: policy nodes point into it */
    vec_push(m->arena, &m->files, def);
    link_model(m);
    return m;
}
