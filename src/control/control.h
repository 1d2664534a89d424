/*
 * control.h: document control. The release lock (input/release.lock), the
 * output manifest (manifest.json and MANIFEST.sha256), checksums, and the
 * snapshots of released documents (input/releases/) that `diff` compares.
 * See docs/control.md.
 *
 * A document's *content* is its layout tree: what the stylesheet made of
 * the facts, before typesetting. Its hash (layout_sha256: the tree's bytes
 * and the bytes of every image it shows) is what the lock holds a released
 * version to, and what an incremental build compares to know whether a PDF
 * must be made again (together with the engine: the hash of the dossier
 * binary that made it).
 */
#ifndef DOSSIER_CONTROL_H
#define DOSSIER_CONTROL_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "../dtime.h"
#include "../util.h"

/* ---- checksums ---------------------------------------------------------- */

/* SHA-256 as 64 lowercase hex digits and a NUL. */
typedef struct {
    char hex[65];
} Sha;

Sha sha256_mem(const void *data, size_t len);
/* The same over data given in parts. */
typedef struct Sha256 Sha256;
Sha256 *sha256_begin(void);
void sha256_put(Sha256 *h, const void *data, size_t len);
Sha sha256_end(Sha256 *h);
/* false if the file cannot be read */
bool sha256_file(const char *path, Sha *out);

/* The content hash of a layout tree: its serialisation and the bytes of the
 * images it refers to (resolved against image_root). The serialisation is
 * returned in *text when text is not NULL (caller frees). */
Sha layout_hash(xmlDoc *layout, const char *image_root, char **text);

/* The digest of every regular file under the given directories (each file's
 * path relative to its directory and its SHA-256, in sorted order), leaving
 * out the directory `skip` (the output directory) if it lies inside one.
 * The NULL-terminated list names the directories. */
Sha tree_digest(const char *const *dirs, const char *skip);

/* The identity of the running dossier binary (the hash of its bytes). */
const char *engine_id(void);

/* ---- the release lock --------------------------------------------------- */

typedef struct {
    char *lang, *file;
    Sha layout, pdf;
    int pages;
} LockEdition;

typedef struct {
    char *path; /* relative: a source under the input tree, or stylesheets/..., templates/... */
    Sha sha;
} LockInput;

typedef struct {
    char *number, *version, *kind;
    Date period;   /* the month its figures were computed for; frozen */
    bool periodic; /* a periodic report: the lock holds this period's edition only */
    LockEdition *ed;
    size_t ned;
    LockInput *in;
    size_t nin;
} LockEntry;

typedef struct {
    char *path; /* input/release.lock as given */
    LockEntry *v;
    size_t n;
} Lock;

/* Read input_dir/release.lock (an absent file is an empty lock). Problems
 * are reported against the file; returns NULL if it cannot be used. */
Lock *lock_read(const char *input_dir);
void lock_free(Lock *l);
/* The entry for a document at a version: for a periodic report the one of
 * that period, else the only one. NULL if not released. */
const LockEntry *lock_find(const Lock *l, const char *number, const char *version, bool periodic, Date period);
/* Add (taking ownership of the strings) and stage the lock, sorted, to be
 * written with the rest (output_commit). */
bool lock_add_and_stage(Lock *l, const LockEntry *e);
const LockEdition *lock_edition(const LockEntry *e, const char *lang);

/* ---- the manifest -------------------------------------------------------- */

typedef struct {
    char *number, *title, *version, *status, *classification, *lang, *kind, *period;
    char *file;
    int pages;
    size_t bytes;
    Sha sha, layout;
    Sha inputs; /* every file it may depend on (tree_digest), its language,
                 * period and the engine; empty hex when unknown */
    char **sources;
    size_t nsources;
    bool released; /* matches a release lock entry */
} ManDoc;

typedef struct {
    char *file;
    size_t bytes;
    Sha sha;
} ManFile;

typedef struct {
    char *engine;
    char *period;
    ManDoc *docs;
    size_t ndocs;
    ManFile *files; /* facts.xml, metrics.json, ... (not the manifest itself) */
    size_t nfiles;
} Manifest;

/* Read dir/manifest.json; NULL if absent or unreadable (quietly unless
 * report is set). */
Manifest *manifest_read(const char *dir, bool report);
void manifest_free(Manifest *m);
const ManDoc *manifest_doc(const Manifest *m, const char *file);
/* manifest.json and MANIFEST.sha256 (sha256sum -c format, every file
 * including manifest.json), as text; caller frees. */
char *manifest_json(const Manifest *m);
char *manifest_sums(const Manifest *m, const Sha *json_sha);
/* Stage dir/manifest.json and dir/MANIFEST.sha256 (output_commit puts them
 * in place). */
void manifest_stage(const char *dir, const Manifest *m);

/* dossier verify DIR: every file of the manifest is there with its bytes,
 * no PDF is unlisted, and released documents match the lock. Reports;
 * returns false on any problem. */
bool verify_dir(const char *dir, const Lock *lock);

#endif
