/*
 * organisation.c: reads <organisation>: management systems, departments,
 * people, roles and suppliers.
 */
#include "load_int.h"

static void read_contacts(Model *m, const xmlNode *parent)
{
    FOR_ELEMS(c, parent) {
        if (!elem_is(c, "contact")) continue;
        attrs_allow(c, "kind class");
        /* the class is checked against the policies in link_model */
        if (!*rd_text(m, c)) diag_node(DIAG_ERROR, c, NULL, "%s: empty contact", label(c));
    }
}

void read_organisation(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "id zone");
    Organisation *o = arena_alloc(m->arena, sizeof *o);
    o->id = rd_str(m, root, "id", true);
    o->name = rd_names(m, root, "name");
    o->node = root;
    const char *zone = rd_str(m, root, "zone", true);
    if (zone && !(o->zone = zone_get(zone)))
        diag_node(DIAG_ERROR, root, "zone", "organisation '%s': unknown time zone '%s' (an IANA name such as Asia/Shanghai)",
                  o->id ? o->id : "", zone);
    if (!m->org) m->org = o;

    /* departments first: people and parents refer to them */
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "department")) continue;
        attrs_allow(c, "id parent");
        Department *d = arena_alloc(m->arena, sizeof *d);
        d->id = rd_str(m, c, "id", true);
        d->name = rd_names(m, c, "name");
        d->node = c;
        if (reg_id(m, NS_DEPARTMENT, d->id, d, c, "department")) vec_push(m->arena, &m->departments, d);
    }
    FOR_ELEMS(c, root) {
        if (elem_is(c, "department")) {
            Department *d = model_lookup(m, NS_DEPARTMENT, rd_str(m, c, "id", false));
            if (d && d->node == c && xmlHasProp(c, (const xmlChar *)"parent"))
                d->parent = rd_ref(m, c, "parent", NS_DEPARTMENT, "department", false);
        } else if (elem_is(c, "management-system")) {
            attrs_allow(c, "id standard");
            MgmtSystem *ms = arena_alloc(m->arena, sizeof *ms);
            ms->id = rd_str(m, c, "id", true);
            ms->standard = rd_str(m, c, "standard", true);
            ms->name = rd_names(m, c, "name");
            ms->node = c;
            if (reg_id(m, NS_SYSTEM, ms->id, ms, c, "management system")) vec_push(m->arena, &m->systems, ms);
        } else if (elem_is(c, "person")) {
            attrs_allow(c, "id department");
            Person *p = arena_alloc(m->arena, sizeof *p);
            p->id = rd_str(m, c, "id", true);
            p->name = rd_names(m, c, "name");
            p->dept = rd_ref(m, c, "department", NS_DEPARTMENT, "department", true);
            p->node = c;
            read_contacts(m, c);
            if (reg_id(m, NS_PERSON, p->id, p, c, "person")) vec_push(m->arena, &m->people, p);
        } else if (elem_is(c, "supplier")) {
            attrs_allow(c, "id");
            Supplier *su = arena_alloc(m->arena, sizeof *su);
            su->id = rd_str(m, c, "id", true);
            su->name = rd_names(m, c, "name");
            su->node = c;
            xmlNode *ct = elem_child(c, "contract");
            if (ct) {
                attrs_allow(ct, "ref expires response");
                Date d;
                Secs r;
                rd_date(m, ct, "expires", false, &d);
                rd_dur(m, ct, "response", false, &r);
            }
            read_contacts(m, c);
            if (reg_id(m, NS_SUPPLIER, su->id, su, c, "supplier")) vec_push(m->arena, &m->suppliers, su);
        }
    }
    /* roles last: members are people */
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "role")) continue;
        attrs_allow(c, "id");
        Role *r = arena_alloc(m->arena, sizeof *r);
        r->id = rd_str(m, c, "id", true);
        r->name = rd_names(m, c, "name");
        r->node = c;
        FOR_ELEMS(mb, c) {
            if (!elem_is(mb, "member")) continue;
            attrs_allow(mb, "person deputy");
            rd_bool(m, mb, "deputy", false);
            Person *p = rd_ref(m, mb, "person", NS_PERSON, "person", true);
            if (p) {
                for (size_t i = 0; i < r->members.n; i++)
                    if (r->members.v[i] == p)
                        diag_node(DIAG_ERROR, mb, "person", "role '%s': person '%s' is listed twice", r->id, p->id);
                vec_push(m->arena, &r->members, p);
            }
        }
        if (reg_id(m, NS_ROLE, r->id, r, c, "role")) vec_push(m->arena, &m->roles, r);
    }
    /* a department may not be its own ancestor */
    for (size_t i = 0; i < m->departments.n; i++) {
        Department *d = m->departments.v[i], *p = d->parent;
        for (size_t steps = 0; p && steps <= m->departments.n; steps++, p = p->parent)
            if (p == d) {
                diag_node(DIAG_ERROR, d->node, "parent", "department '%s' is its own ancestor", d->id);
                d->parent = NULL;
                break;
            }
    }
}
