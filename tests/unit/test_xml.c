/*
 * test_xml.c: safe parsing and the locator (line and column of nodes and
 * attributes, counted in characters).
 */
#include <stdlib.h>
#include <unistd.h>

#include "../../src/diag.h"
#include "../../src/load/load_int.h"
#include "unit.h"

static Src *src_from(const char *text)
{
    char path[] = "/tmp/dossier-unit-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return NULL;
    size_t n = strlen(text);
    if (write(fd, text, n) != (ssize_t)n) n = 0;
    close(fd);
    Src *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->rel = xstrdup("t.xml");
    bool ok = src_read(s, LIMIT_FILE_BYTES) && src_parse(s);
    unlink(path);
    if (!ok) {
        src_free(s);
        return NULL;
    }
    return s;
}

static xmlNode *nth_elem(xmlNode *n, const char *name, int k)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0 && k-- == 0) return n;
        xmlNode *c = nth_elem(n->children, name, k);
        if (c) return c;
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0) k++;
    }
    return NULL;
}

TEST(locator_columns_in_characters)
{
    diag_reset();
    Src *s = src_from("<r xmlns=\"urn:dossier:1\">\n"
                      "  <名>通关</名><a x=\"1\"/><a   y=\"2\"\n"
                      "     z=\"3\"/>\n"
                      "</r>\n");
    CHECK(s != NULL);
    if (!s) return;
    xmlNode *root = xmlDocGetRootElement(s->doc);
    xmlNode *a1 = elem_next(elem_first(root));
    xmlNode *a2 = elem_next(a1);
    int line, col;
    src_locate(a1, NULL, &line, &col);
    CHECK_INT(line, 2);
    CHECK_INT(col, 12); /* two spaces, <名>通关</名> is 9 characters */
    src_locate(a2, NULL, &line, &col);
    CHECK_INT(line, 2);
    CHECK_INT(col, 22);
    src_locate(a2, "y", &line, &col);
    CHECK_INT(line, 2);
    CHECK_INT(col, 27);
    src_locate(a2, "z", &line, &col); /* an attribute on the next line */
    CHECK_INT(line, 3);
    CHECK_INT(col, 6);
    src_locate(a1, "missing", &line, &col); /* falls back to the element */
    CHECK_INT(col, 12);
    src_free(s);
    (void)nth_elem;
}

TEST(parser_refuses_doctype_and_entities)
{
    diag_reset();
    Src *s = src_from("<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                      "<r>&x;</r>\n");
    CHECK(s == NULL);
    CHECK(diag_error_count() >= 1);
    diag_reset();
    s = src_from("<?xml version=\"1.0\"?>\n"
                 "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
                 "<r>&lol2;</r>\n");
    CHECK(s == NULL);
    diag_reset();
}

TEST(reader_refuses_bad_bytes)
{
    diag_reset();
    CHECK(src_from("<r>\xff\xfe</r>") == NULL);
    CHECK_INT(diag_error_count(), 1);
    diag_reset();
    CHECK(src_from("<r>\xc0\x80</r>") == NULL); /* overlong NUL */
    diag_reset();
    CHECK(src_from("<r>\xed\xa0\x80</r>") == NULL); /* a surrogate */
    diag_reset();
    Src *s = src_from("\xef\xbb\xbf<r>通关</r>"); /* BOM is fine */
    CHECK(s != NULL);
    src_free(s);
    diag_reset();
}

TEST(depth_limit)
{
    diag_reset();
    Buf b = {0};
    for (int i = 0; i < LIMIT_DEPTH + 1; i++) buf_puts(&b, "<e>");
    for (int i = 0; i < LIMIT_DEPTH + 1; i++) buf_puts(&b, "</e>");
    CHECK(src_from(b.s) == NULL);
    CHECK_INT(diag_error_count(), 1);
    buf_free(&b);
    diag_reset();
    for (int i = 0; i < LIMIT_DEPTH; i++) buf_puts(&b, "<e>");
    for (int i = 0; i < LIMIT_DEPTH; i++) buf_puts(&b, "</e>");
    Src *s = src_from(b.s);
    CHECK(s != NULL);
    src_free(s);
    buf_free(&b);
    diag_reset();
}
