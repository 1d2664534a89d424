/*
 * xml.h: reading XML safely, validating it against dossier's schemas, and
 * finding where a node or an attribute stands in its file.
 *
 * Safety: no network, no DTD (a DOCTYPE is refused before its internal
 * subset is read, so no entity is ever declared or expanded), no external
 * entity loading except the schema and stylesheet files dossier itself asks
 * for under the roots registered with xml_allow_root.
 */
#ifndef DOSSIER_LOAD_XML_H
#define DOSSIER_LOAD_XML_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "../diag.h"

/* Limits, documented in docs/security.md. */
enum {
    LIMIT_FILE_BYTES = 64 * 1024 * 1024,
    LIMIT_MARKDOWN_BYTES = 1024 * 1024,
    LIMIT_DEPTH = 32,
    LIMIT_ATTR_BYTES = 4096,
    LIMIT_TEXT_BYTES = 64 * 1024,
    LIMIT_ELEMENTS = 4 * 1000 * 1000,
};

typedef struct Src {
    char *path;    /* as shown in diagnostics: the input dir joined with rel */
    char *rel;     /* relative to the input root */
    char *buf;     /* the file's bytes, kept for column numbers */
    size_t len;
    size_t *lines; /* byte offset where each line starts */
    size_t nlines;
    xmlDoc *doc;   /* NULL if not well-formed */
    long records;  /* elements under the root when parsed (records may be
                    * moved out of doc into the facts since) */
    int kind;      /* SrcKind, load/load.h */
    bool valid;    /* well-formed and valid against its schema */
} Src;

/* Initialise libxml2 for the run: entity loader, memory seam. */
void xml_init(void);
void xml_cleanup(void);
/* Let the entity loader read files under dir (schemas, stylesheets). */
void xml_allow_root(const char *dir);
/* Whether path (a file name or a file: URL) lies under an allowed root. */
bool xml_path_allowed(const char *path);

/* Read a file's bytes with the size limit and the byte checks (no NUL,
 * valid UTF-8). Reports and returns false on failure. */
bool src_read(Src *s, size_t limit);
/* Parse s->buf into s->doc; reports every problem. */
bool src_parse(Src *s);
/* Validate against a compiled schema file; reports each violation. */
bool src_validate(Src *s, const char *schema_path);
void src_free(Src *s);

/* The source of a node: through node->doc->_private, or, for a record
 * moved into the facts document (src_move_into), through the record's
 * element. */
Src *src_of(const xmlNode *n);
/* Records of s are to be moved into doc (the facts document) rather than
 * copied: false if records are already moved into another document (they
 * are then copied). Called on the main thread. */
bool src_move_into(const xmlDoc *doc);
/* The record element n of s now lives in that document. */
void src_moved(const xmlNode *n, Src *s);
/* doc is about to be freed: forget what was moved into it. */
void src_moved_forget(const xmlDoc *doc);
/* Line and column (1-based, in characters) of a node's start tag, or of
 * one of its attributes when attr is not NULL. */
void src_locate(const xmlNode *n, const char *attr, int *line, int *col);

/* Elements in n, its following siblings and all their descendants. */
size_t xml_element_count(const xmlNode *n);
/* The line of a node's start tag. */
int src_line(const xmlNode *n);
/* The column, counted in characters, of a 1-based byte column on a 1-based
 * line of a file read with src_read (cmark counts bytes). */
int src_char_col(const Src *s, int line, int byte_col);

/* Report at a node (and attribute, may be NULL). */
void diag_node(DiagLevel lv, const xmlNode *n, const char *attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Free the compiled schemas. */
void xml_schemas_free(void);

#endif
