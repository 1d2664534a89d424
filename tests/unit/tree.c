/*
 * tree.c: temporary input trees for tests.
 */
#include "tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/diag.h"
#include "../../src/load/load.h"

static const TreeFile BASE[] = {
    {"organisation.xml",
     "<organisation xmlns='urn:dossier:1' id='o' zone='Asia/Shanghai'><name>测试</name>"
     "<management-system id='ITSMS' standard='iso20000'><name>体系</name></management-system>"
     "<department id='ops'><name>运维</name></department>"
     "<person id='p1' department='ops'><name>甲</name></person>"
     "<role id='emergency-leadership-group'><name>a</name><member person='p1'/></role>"
     "<role id='dc-ops-leader'><name>b</name><member person='p1'/></role>"
     "<role id='ops-dept-leader'><name>c</name><member person='p1'/></role>"
     "<role id='ops-section-leader'><name>d</name><member person='p1'/></role>"
     "</organisation>"},
    {"calendars.xml",
     "<calendars xmlns='urn:dossier:1'>"
     "<calendar id='24x7' zone='Asia/Shanghai'><name>全天</name><always/></calendar>"
     "<calendar id='office' zone='Asia/Shanghai'><name>工作日</name><hours days='mon-fri' from='08:00' to='18:00'/>"
     "<holiday from='2026-10-01' to='2026-10-07'>国庆</holiday><workday date='2026-10-10' as='mon'>调休</workday></calendar>"
     "</calendars>"},
};

const char *tree_datadir(void)
{
    const char *d = getenv("DOSSIER_DATA");
    return d && *d ? d : ".";
}

static void write_file(const char *dir, const char *path, const char *text)
{
    char *full = xasprintf("%s/%s", dir, path);
    char *slash = strrchr(full, '/');
    *slash = 0;
    mkdir(full, 0777);
    *slash = '/';
    FILE *f = fopen(full, "w");
    if (f) {
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
        fputs(text, f);
        fclose(f);
    }
    free(full);
}

static void remove_tree(const char *dir)
{
    char *cmd = xasprintf("rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    free(cmd);
}

Model *tree_load(const TreeFile *files, int *errors)
{
    char dir[] = "/tmp/dossier-tree-XXXXXX";
    if (!mkdtemp(dir)) return NULL;
    for (size_t i = 0; i < ARRAY_LEN(BASE); i++) {
        bool replaced = false;
        for (const TreeFile *f = files; f && f->path; f++) replaced |= strcmp(f->path, BASE[i].path) == 0;
        if (!replaced) write_file(dir, BASE[i].path, BASE[i].text);
    }
    for (const TreeFile *f = files; f && f->path; f++) write_file(dir, f->path, f->text);
    diag_reset();
    LoadOptions lo = {.input = dir, .datadir = tree_datadir()};
    Model *m = load_model(&lo);
    if (errors) *errors = diag_error_count();
    if (diag_error_count()) diag_flush(stderr);
    diag_reset();
    remove_tree(dir);
    return m;
}
