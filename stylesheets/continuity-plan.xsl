<?xml version="1.0" encoding="UTF-8"?>
<!--
  continuity-plan.xsl: a continuity / disaster-recovery plan (灾难恢复预案),
  one per plan of the sources (the register's @plan names the d:plan), after
  ISO/IEC 20000-1:2018 8.7.2 a)-e) and the outline of the NIST SP 800-34
  information system contingency plan:

  front matter  revision history, distribution, contents (common.xsl);
  1 approval    the approval statement of the revision in force (or, for a
                draft, that it is not approved), the sign-off table, the
                plan's id and source, maintainer, next review; where each
                requirement of 8.7.2 a)-e) (and 8.7.3) is met;
  2 introduction  background, scope (Markdown) with the covered services,
                assumptions;
  3 concept of operations  system description (Markdown) with a dependency
                diagram of the covered services, phases, the roles of the
                plan (authorities and step performers) with members and
                tasks, the alternate site;
  4 activation and notification  criteria, who may invoke (roles, members)
                and the activation procedure, the call tree with contacts,
                outage assessment;
  5 recovery    strategy (Markdown); the recovery steps, one table a
                covered service in the computed recovery order
                (f:exercise/f:service), each step with role, duration as
                written, predecessors and expected result, linked to its
                procedure; the computed timing of each service (own
                duration, earliest recovery, critical dependency, RTO gap)
                with a chart and the plan's makespan; escalation rules and
                response levels of the incident policy in force;
  6 availability while invoked  the plan's invoked target beside the SLA
                target of each covered service;
  7 reconstitution  return to normal (Markdown);
  8 maintenance  maintenance (Markdown) and the exercise status in a
                sentence; the findings on this plan, its drills and the
                continuity of its services; the open actions of its drills;
  appendices    A contacts of the plan's people and suppliers (contact
                details classified above the document are withheld);
                B the steps' procedures (Markdown), in recovery order;
                C data protection, worst-case data loss against the RPO;
                D test and maintenance schedule: exercise cycle, last and
                next exercise, retest, the plan's drills, their
                measurements and the plan changes they asked for;
                E BIA extract: the functions needing the covered services,
                and each service's required RTO / RPO, earliest recovery
                and gap; F change page: significant changes of the covered
                services and invocations of the plan; G other prose.

  Every figure comes from the facts (docs/facts.md 4.4, 4.5, 4.7): step
  durations as the plan writes them, every other time computed. The facts
  give no start / finish of each step, so the schedule is a table, not a
  gantt chart.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="f d md">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'continuity-plan'"/>

  <xsl:variable name="plan" select="$facts/f:plans/d:plan[@id = $doc/@plan]"/>
  <xsl:variable name="ex" select="$plan/f:exercise"/>
  <xsl:variable name="first-svc" select="$plan/d:covers[1]/@service"/>
  <xsl:variable name="covered" select="$facts/f:services/d:service[@id = $plan/d:covers/@service]"/>
  <xsl:variable name="steps" select="$plan/d:recovery/d:step"/>
  <xsl:variable name="drills" select="$facts/f:drills/d:drill[@plan = $plan/@id]"/>
  <xsl:variable name="levels" select="$policy/d:classifications/d:level"/>
  <!-- details classified above this rank are withheld: the document's own
       classification, or a pack's lower limit (common.xsl $class-limit) -->
  <xsl:variable name="doc-rank" select="$class-limit-rank"/>
  <!-- roles the plan names: who may invoke it and who performs its steps -->
  <xsl:variable name="plan-roles" select="$org/d:role[@id = $plan/d:invocation/d:authority/@role or @id = $steps/@role]"/>
  <!-- people of the plan: its owner, its call tree, the members of its roles -->
  <xsl:variable name="plan-people" select="$org/d:person[@id = $plan/@owner or @id = $plan/d:call-tree//d:call/@person or @id = $plan-roles/d:member/@person]"/>
  <xsl:variable name="plan-suppliers" select="$org/d:supplier[@id = $plan/d:vendor/@supplier or @id = $covered/@supplier]"/>
  <!-- findings on this plan, its drills, and the continuity findings of its services -->
  <xsl:variable name="svc-kinds" select="' rto-gap rpo-gap no-data-protection no-recovery-plan several-plans declared-rto-looser rto-inversion '"/>
  <xsl:variable name="plan-findings" select="$facts/f:findings/f:finding[@subject = $plan/@id or @kind = 'plan-order-conflict' or @subject = $drills/@id or (@subject = $plan/d:covers/@service and contains($svc-kinds, concat(' ', @kind, ' ')))]"/>

  <xsl:template name="report-period"><xsl:call-template name="month"/></xsl:template>

  <xsl:template match="/">
    <document>
      <xsl:call-template name="document-attributes"/>
      <xsl:call-template name="head"/>
      <xsl:call-template name="cover">
        <xsl:with-param name="subtitle"><xsl:call-template name="L"><xsl:with-param name="k" select="'kind.continuity-plan'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'gap'"/></xsl:call-template><xsl:value-of select="$plan/@id"/></xsl:with-param>
      </xsl:call-template>
      <section master="body">
        <xsl:call-template name="front-matter"/>
        <xsl:call-template name="approval"/>
        <xsl:call-template name="introduction"/>
        <xsl:call-template name="concept"/>
        <xsl:call-template name="activation"/>
        <xsl:call-template name="recovery"/>
        <xsl:call-template name="invoked"/>
        <xsl:call-template name="reconstitution"/>
        <xsl:call-template name="maintenance"/>
        <xsl:call-template name="app-contacts"/>
        <xsl:call-template name="app-procedures"/>
        <xsl:call-template name="app-backup"/>
        <xsl:call-template name="app-tests"/>
        <xsl:call-template name="app-bia"/>
        <xsl:call-template name="app-changes"/>
        <xsl:call-template name="app-other"/>
      </section>
    </document>
  </xsl:template>

  <!-- ===== helpers ===== -->


  <!-- One item of a list of bilingual elements ($set, e.g. the criteria):
       the sources write the Chinese text first and its English translation
       right after it. $n is an item's first element (see item-starts). -->
  <xsl:template name="tx">
    <xsl:param name="n"/>
    <xsl:param name="set"/>
    <xsl:variable name="tr" select="$n/following-sibling::*[1][lang('en')][count(. | $set) = count($set)]"/>
    <xsl:choose>
      <xsl:when test="$en and not($n[lang('en')]) and $tr"><xsl:value-of select="normalize-space($tr)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($n)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the items of such a list, each as a list item -->
  <xsl:template name="tx-items">
    <xsl:param name="set"/>
    <xsl:for-each select="$set[not(lang('en')) or not(preceding-sibling::*[1][not(lang('en'))][count(. | $set) = count($set)])]">
      <item><p><xsl:call-template name="tx"><xsl:with-param name="n" select="."/><xsl:with-param name="set" select="$set"/></xsl:call-template></p></item>
    </xsl:for-each>
  </xsl:template>

  <!-- the same, as paragraphs of a table cell -->
  <xsl:template name="tx-paras">
    <xsl:param name="set"/>
    <xsl:param name="style"/>
    <xsl:for-each select="$set[not(lang('en')) or not(preceding-sibling::*[1][not(lang('en'))][count(. | $set) = count($set)])]">
      <p>
        <xsl:if test="$style != ''"><xsl:attribute name="style"><xsl:value-of select="$style"/></xsl:attribute></xsl:if>
        <xsl:call-template name="tx"><xsl:with-param name="n" select="."/><xsl:with-param name="set" select="$set"/></xsl:call-template>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- A part of the plan's Markdown (d:prose part=...), in the document's
       language, else the other with a note; $level as for "prose". -->
  <xsl:template name="part">
    <xsl:param name="part"/>
    <xsl:param name="level" select="2"/>
    <xsl:variable name="all" select="$plan/d:prose[@part = $part]"/>
    <xsl:variable name="mine" select="$all[($en and lang('en')) or (not($en) and not(lang('en')))]"/>
    <xsl:choose>
      <xsl:when test="$mine">
        <xsl:call-template name="prose"><xsl:with-param name="of" select="$mine"/><xsl:with-param name="level" select="$level"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$all">
        <p style="note" keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'other-language'"/></xsl:call-template></p>
        <xsl:call-template name="prose"><xsl:with-param name="of" select="$all"/><xsl:with-param name="level" select="$level"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'no-part'"/></xsl:call-template></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Markdown headings: a $level of 10 and more means "in an appendix":
       level - 10, and not numbered (appendix headings are not numbered). -->
  <xsl:template match="md:heading" mode="md">
    <xsl:param name="level" select="2"/>
    <xsl:variable name="base">
      <xsl:choose>
        <xsl:when test="$level &gt;= 10"><xsl:value-of select="$level - 10"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="l" select="$base + @level - 1"/>
    <h>
      <xsl:attribute name="level"><xsl:choose><xsl:when test="$l &gt; 4">4</xsl:when><xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise></xsl:choose></xsl:attribute>
      <xsl:if test="$level &gt;= 10"><xsl:attribute name="numbered">false</xsl:attribute><xsl:attribute name="toc">false</xsl:attribute></xsl:if>
      <xsl:apply-templates mode="md-inline"/>
    </h>
  </xsl:template>

  <!-- a service's name and, for the record, its id -->
  <xsl:template name="svc-label">
    <xsl:param name="id"/>
    <xsl:call-template name="service-name"><xsl:with-param name="id" select="$id"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <span colour="#5A6A7A"><code><xsl:value-of select="$id"/></code></span>
  </xsl:template>

  <!-- a person: name (job title) -->
  <xsl:template name="person-title">
    <xsl:param name="id"/>
    <xsl:variable name="p" select="$org/d:person[@id = $id]"/>
    <xsl:call-template name="t"><xsl:with-param name="n" select="$p/d:name"/></xsl:call-template>
    <xsl:if test="$p/d:title">
      <xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:call-template name="t"><xsl:with-param name="n" select="$p/d:title"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- the contacts of a person or supplier the document may show, one
       paragraph each; those classified above the document are left out -->
  <xsl:template name="contacts">
    <xsl:param name="of"/>
    <xsl:param name="kinds" select="''"/>
    <xsl:for-each select="$of/d:contact[$kinds = '' or contains($kinds, concat(' ', @kind, ' '))]">
      <xsl:choose>
        <xsl:when test="@class and $levels[@rank &gt; $doc-rank]/@id = @class">
          <p><span colour="#7A7A7A"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('contact.', @kind)"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'contact.withheld'"/></xsl:call-template></span></p>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:call-template name="L"><xsl:with-param name="k" select="concat('contact.', @kind)"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><xsl:value-of select="normalize-space(.)"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- one contact value of a kind, or a dash / "withheld" -->
  <xsl:template name="contact-value">
    <xsl:param name="of"/>
    <xsl:param name="kind"/>
    <xsl:variable name="c" select="$of/d:contact[@kind = $kind][1]"/>
    <xsl:choose>
      <xsl:when test="not($c)">—</xsl:when>
      <xsl:when test="$c/@class and $levels[@rank &gt; $doc-rank]/@id = $c/@class"><xsl:call-template name="L"><xsl:with-param name="k" select="'contact.withheld'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($c)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a caption and continued caption from one label -->
  <xsl:template name="captions">
    <xsl:param name="k"/>
    <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
    <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
  </xsl:template>

  <!-- a two-column row of a key / value table -->
  <xsl:template name="kv">
    <xsl:param name="k"/>
    <xsl:param name="v"/>
    <row>
      <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></cell>
      <cell><xsl:copy-of select="$v"/></cell>
    </row>
  </xsl:template>

  <!-- the heading of an appendix: its letter and title, unnumbered; the
       first appendix starts a new page, the others follow on -->
  <xsl:template name="appendix-h">
    <xsl:param name="id"/>
    <xsl:param name="letter"/>
    <xsl:param name="k"/>
    <xsl:param name="break" select="false()"/>
    <xsl:if test="$break"><page-break/></xsl:if>
    <h level="1" id="{$id}" numbered="false">
      <xsl:call-template name="L"><xsl:with-param name="k" select="'appendix'"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$letter"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'appendix.sep'"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template>
    </h>
  </xsl:template>

  <!-- ===== 1 plan approval ===== -->
  <xsl:template name="approval">
    <h level="1" id="approval"><xsl:call-template name="L"><xsl:with-param name="k" select="'approval'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'approval.intro'"/></xsl:call-template></p>
    <p>
      <xsl:variable name="status"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('status.', $doc/@status)"/></xsl:call-template></xsl:variable>
      <xsl:variable name="who"><xsl:call-template name="person"><xsl:with-param name="id" select="$rev/@approver"/></xsl:call-template></xsl:variable>
      <xsl:variable name="when"><xsl:call-template name="date"><xsl:with-param name="d" select="$rev/@effective"/></xsl:call-template></xsl:variable>
      <xsl:variable name="t">
        <xsl:choose>
          <xsl:when test="not($draft) and $rev/@approver and $rev/@effective"><xsl:call-template name="L"><xsl:with-param name="k" select="'approval.approved'"/></xsl:call-template></xsl:when>
          <xsl:when test="not($draft) and $rev/@approver"><xsl:call-template name="L"><xsl:with-param name="k" select="'approval.approved-undated'"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'approval.unapproved'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:call-template name="fill">
        <xsl:with-param name="t" select="$t"/>
        <xsl:with-param name="s" select="$who"/>
        <xsl:with-param name="v" select="concat($doc/@version, '')"/>
        <xsl:with-param name="l">
          <xsl:choose>
            <xsl:when test="not($draft) and $rev/@approver"><xsl:value-of select="$when"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </p>
    <group keep-together="true">
      <table widths="20mm 1* 1.4* 24mm 30mm" header-rows="1">
        <xsl:call-template name="captions"><xsl:with-param name="k" select="'signoff.caption'"/></xsl:call-template>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'signoff.duty'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'signoff.name'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'signoff.title'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'revision.date'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'signoff.signature'"/></xsl:call-template></cell>
        </row>
        <xsl:call-template name="signoff-row"><xsl:with-param name="duty" select="'author'"/><xsl:with-param name="id" select="$rev/@author"/><xsl:with-param name="date" select="$rev/@date"/></xsl:call-template>
        <xsl:call-template name="signoff-row"><xsl:with-param name="duty" select="'reviewer'"/><xsl:with-param name="id" select="$rev/@reviewer"/><xsl:with-param name="date" select="$rev/@date"/></xsl:call-template>
        <xsl:call-template name="signoff-row"><xsl:with-param name="duty" select="'approver'"/><xsl:with-param name="id" select="$rev/@approver"/><xsl:with-param name="date" select="$rev/@effective"/></xsl:call-template>
      </table>
    </group>
    <table widths="40mm 1*">
      <xsl:call-template name="kv">
        <xsl:with-param name="k" select="'plan-id'"/>
        <xsl:with-param name="v"><code><xsl:value-of select="$plan/@id"/></code><xsl:call-template name="L"><xsl:with-param name="k" select="'gap'"/></xsl:call-template><code><xsl:value-of select="concat($plan/@f:file, ':', $plan/@f:line)"/></code></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="kv">
        <xsl:with-param name="k" select="'plan-owner'"/>
        <xsl:with-param name="v"><xsl:call-template name="person-title"><xsl:with-param name="id" select="$plan/@owner"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="kv">
        <xsl:with-param name="k" select="'review-by'"/>
        <xsl:with-param name="v">
          <xsl:choose>
            <xsl:when test="$doc/@review-by"><xsl:call-template name="date"><xsl:with-param name="d" select="$doc/@review-by"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </table>
    <h level="2" id="clauses"><xsl:call-template name="L"><xsl:with-param name="k" select="'clauses'"/></xsl:call-template></h>
    <table widths="20mm 1* 62mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'clauses.clause'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'clauses.requirement'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'clauses.where'"/></xsl:call-template></cell>
      </row>
      <xsl:call-template name="clause-row"><xsl:with-param name="c" select="'8.7.2 a)'"/><xsl:with-param name="k" select="'clauses.a'"/><xsl:with-param name="to" select="'activation'"/></xsl:call-template>
      <xsl:call-template name="clause-row"><xsl:with-param name="c" select="'8.7.2 b)'"/><xsl:with-param name="k" select="'clauses.b'"/><xsl:with-param name="to" select="'recovery'"/><xsl:with-param name="to2" select="'app-procedures'"/></xsl:call-template>
      <xsl:call-template name="clause-row"><xsl:with-param name="c" select="'8.7.2 c)'"/><xsl:with-param name="k" select="'clauses.c'"/><xsl:with-param name="to" select="'invoked'"/></xsl:call-template>
      <xsl:call-template name="clause-row"><xsl:with-param name="c" select="'8.7.2 d)'"/><xsl:with-param name="k" select="'clauses.d'"/><xsl:with-param name="to" select="'timing'"/><xsl:with-param name="to2" select="'app-bia'"/></xsl:call-template>
      <xsl:call-template name="clause-row"><xsl:with-param name="c" select="'8.7.2 e)'"/><xsl:with-param name="k" select="'clauses.e'"/><xsl:with-param name="to" select="'reconstitution'"/></xsl:call-template>
      <xsl:call-template name="clause-row"><xsl:with-param name="c" select="'8.7.2'"/><xsl:with-param name="k" select="'clauses.contacts'"/><xsl:with-param name="to" select="'call-tree'"/><xsl:with-param name="to2" select="'app-contacts'"/></xsl:call-template>
      <xsl:call-template name="clause-row"><xsl:with-param name="c" select="'8.7.2'"/><xsl:with-param name="k" select="'clauses.test'"/><xsl:with-param name="to" select="'maintenance'"/><xsl:with-param name="to2" select="'app-tests'"/></xsl:call-template>
      <xsl:call-template name="clause-row"><xsl:with-param name="c" select="'8.7.2'"/><xsl:with-param name="k" select="'clauses.invocations'"/><xsl:with-param name="to" select="'app-changes'"/></xsl:call-template>
    </table>
  </xsl:template>

  <xsl:template name="signoff-row">
    <xsl:param name="duty"/>
    <xsl:param name="id"/>
    <xsl:param name="date"/>
    <row>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="$duty"/></xsl:call-template></cell>
      <cell>
        <xsl:choose>
          <xsl:when test="$id"><xsl:call-template name="person"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:when>
          <xsl:otherwise>—</xsl:otherwise>
        </xsl:choose>
      </cell>
      <cell><xsl:if test="$id"><xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:person[@id = $id]/d:title"/></xsl:call-template></xsl:if></cell>
      <cell><xsl:if test="$id"><xsl:value-of select="$date"/></xsl:if></cell>
      <cell><xsl:text> </xsl:text></cell>
    </row>
  </xsl:template>

  <xsl:template name="clause-row">
    <xsl:param name="c"/>
    <xsl:param name="k"/>
    <xsl:param name="to"/>
    <xsl:param name="to2"/>
    <row>
      <cell><xsl:value-of select="$c"/></cell>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></cell>
      <cell>
        <link to="{$to}"><ref to="{$to}" show="number"/><xsl:text> </xsl:text><ref to="{$to}" show="title"/></link>
        <xsl:if test="$to2 != ''"><br/><link to="{$to2}"><ref to="{$to2}" show="title"/></link></xsl:if>
      </cell>
    </row>
  </xsl:template>

  <!-- ===== 2 introduction ===== -->
  <xsl:template name="introduction">
    <h level="1" id="intro"><xsl:call-template name="L"><xsl:with-param name="k" select="'intro'"/></xsl:call-template></h>
    <h level="2" id="background"><xsl:call-template name="L"><xsl:with-param name="k" select="'background'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'background'"/></xsl:call-template>
    <h level="2" id="scope"><xsl:call-template name="L"><xsl:with-param name="k" select="'scope'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'scope'"/></xsl:call-template>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'scope.services'"/></xsl:call-template></p>
    <table widths="1.1* 22mm 17mm 15mm 17mm 1.6*" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'scope.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'svc.kind'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'grade'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'owner'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'svc.description'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plan/d:covers">
        <xsl:variable name="s" select="key('service', current()/@service)"/>
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$s/d:name"/></xsl:call-template></cell>
          <cell><code><xsl:value-of select="@service"/></code></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('svc-kind.', $s/@kind)"/></xsl:call-template></cell>
          <cell><xsl:call-template name="grade-name"><xsl:with-param name="id" select="$s/@grade"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="$s/@owner"/></xsl:call-template></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$s/d:description"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
    </table>
    <h level="2" id="assumptions"><xsl:call-template name="L"><xsl:with-param name="k" select="'assumptions'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'assumptions'"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 3 concept of operations ===== -->
  <xsl:template name="concept">
    <h level="1" id="conops"><xsl:call-template name="L"><xsl:with-param name="k" select="'conops'"/></xsl:call-template></h>
    <h level="2" id="system"><xsl:call-template name="L"><xsl:with-param name="k" select="'system'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'system'"/></xsl:call-template>
    <xsl:call-template name="dependency-chart"/>
    <h level="2" id="phases"><xsl:call-template name="L"><xsl:with-param name="k" select="'phases'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'phases'"/></xsl:call-template>
    <h level="2" id="roles"><xsl:call-template name="L"><xsl:with-param name="k" select="'roles'"/></xsl:call-template></h>
    <p keep-with-next="true">
      <xsl:call-template name="L"><xsl:with-param name="k" select="'roles.intro'"/></xsl:call-template>
      <xsl:call-template name="person-title"><xsl:with-param name="id" select="$plan/@owner"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'roles.intro2'"/></xsl:call-template>
    </p>
    <table widths="30mm 1.6* 1* 1*" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'roles.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'role'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'role.responsibility'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'role.members'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'role.tasks'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plan-roles">
        <xsl:variable name="rid" select="@id"/>
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="d:responsibility"><xsl:call-template name="tx-paras"><xsl:with-param name="set" select="d:responsibility"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell>
            <xsl:for-each select="d:member">
              <xsl:call-template name="person"><xsl:with-param name="id" select="@person"/></xsl:call-template>
              <xsl:if test="@deputy = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'deputy'"/></xsl:call-template></xsl:if>
              <xsl:if test="position() != last()"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            </xsl:for-each>
          </cell>
          <cell>
            <xsl:if test="$plan/d:invocation/d:authority[@role = $rid]">
              <p><xsl:call-template name="L"><xsl:with-param name="k" select="'task.invoke'"/></xsl:call-template></p>
            </xsl:if>
            <xsl:if test="$steps[@role = $rid]">
              <p>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'task.steps'"/></xsl:call-template>
                <xsl:for-each select="$steps[@role = $rid]">
                  <xsl:value-of select="@id"/>
                  <xsl:if test="position() != last()"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
                </xsl:for-each>
              </p>
            </xsl:if>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <xsl:if test="$plan/d:alternate-site">
      <h level="2" id="site"><xsl:call-template name="L"><xsl:with-param name="k" select="'site'"/></xsl:call-template></h>
      <p><xsl:value-of select="normalize-space($plan/d:alternate-site)"/></p>
    </xsl:if>
  </xsl:template>

  <!-- the covered services and what they depend on, as a layered diagram -->
  <xsl:template name="dependency-chart">
    <xsl:variable name="nodes" select="$facts/f:services/d:service[@id = $plan/d:covers/@service or @id = $covered/d:depends-on/@service]"/>
    <xsl:if test="$nodes[d:depends-on]">
      <chart kind="dependency" height="60mm">
        <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'deps.title'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$nodes">
          <node id="dep-{@id}">
            <xsl:attribute name="label"><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></xsl:attribute>
            <xsl:attribute name="colour">
              <xsl:choose>
                <xsl:when test="@id = $plan/d:covers/@service">#1F4E79</xsl:when>
                <xsl:otherwise>#C9D3DD</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </node>
        </xsl:for-each>
        <xsl:for-each select="$nodes/d:depends-on[@service = $nodes/@id]">
          <edge from="dep-{../@id}" to="dep-{@service}"/>
        </xsl:for-each>
      </chart>
      <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'deps.note'"/></xsl:call-template></p>
    </xsl:if>
  </xsl:template>

  <!-- ===== 4 activation and notification ===== -->
  <xsl:template name="activation">
    <xsl:variable name="inv" select="$plan/d:invocation"/>
    <h level="1" id="activation"><xsl:call-template name="L"><xsl:with-param name="k" select="'activation'"/></xsl:call-template></h>
    <h level="2" id="criteria"><xsl:call-template name="L"><xsl:with-param name="k" select="'criteria'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'criteria.intro'"/></xsl:call-template></p>
    <list ordered="true">
      <xsl:call-template name="tx-items"><xsl:with-param name="set" select="$inv/d:criterion"/></xsl:call-template>
    </list>
    <h level="2" id="authority"><xsl:call-template name="L"><xsl:with-param name="k" select="'authority'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'authority.intro'"/></xsl:call-template></p>
    <table widths="1* 1.6*" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'role'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'role.members'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$inv/d:authority">
        <xsl:variable name="r" select="$org/d:role[@id = current()/@role]"/>
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$r/d:name"/></xsl:call-template></cell>
          <cell>
            <xsl:for-each select="$r/d:member">
              <p>
                <xsl:call-template name="person"><xsl:with-param name="id" select="@person"/></xsl:call-template>
                <xsl:if test="@deputy = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'deputy'"/></xsl:call-template></xsl:if>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'gap'"/></xsl:call-template>
                <span colour="#404040"><xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:person[@id = current()/@person]/d:title"/></xsl:call-template></span>
              </p>
            </xsl:for-each>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'activation'"/></xsl:call-template>
    <h level="2" id="call-tree"><xsl:call-template name="L"><xsl:with-param name="k" select="'call-tree'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$plan/d:call-tree">
        <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'call-tree.intro'"/></xsl:call-template></p>
        <group keep-together="true">
        <table widths="17mm 1* 1.4* 1* 15mm 27mm 27mm" header-rows="1" keep-with-next="true">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'call-tree.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'call.no'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'call.person'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'signoff.title'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'call.by'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'call.within'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'contact.office-phone'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'contact.mobile'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$plan/d:call-tree//d:call">
            <xsl:variable name="p" select="$org/d:person[@id = current()/@person]"/>
            <row>
              <xsl:if test="not(parent::d:call)"><xsl:attribute name="background">#EEF2F6</xsl:attribute></xsl:if>
              <cell><xsl:number level="multiple" count="d:call" format="1.1"/></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$p/d:name"/></xsl:call-template></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$p/d:title"/></xsl:call-template></cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="parent::d:call"><xsl:call-template name="person"><xsl:with-param name="id" select="../@person"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'call.first'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="@within"><xsl:call-template name="dur"><xsl:with-param name="d" select="@within"/></xsl:call-template></xsl:when>
                  <xsl:otherwise>—</xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell><xsl:call-template name="contact-value"><xsl:with-param name="of" select="$p"/><xsl:with-param name="kind" select="'office-phone'"/></xsl:call-template></cell>
              <cell><xsl:call-template name="contact-value"><xsl:with-param name="of" select="$p"/><xsl:with-param name="kind" select="'mobile'"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'call-tree.note'"/></xsl:call-template>
          <xsl:if test="$plan/d:call-tree//d:call/@person = $org/d:person[d:contact[@class = $levels[@rank &gt; $doc-rank]/@id]]/@id">
            <xsl:call-template name="L"><xsl:with-param name="k" select="'contact.withheld-note'"/></xsl:call-template>
          </xsl:if>
        </p>
        </group>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'call-tree.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <h level="2" id="assessment"><xsl:call-template name="L"><xsl:with-param name="k" select="'assessment'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'assessment'"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 5 recovery ===== -->
  <xsl:template name="recovery">
    <h level="1" id="recovery"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery'"/></xsl:call-template></h>
    <h level="2" id="strategy"><xsl:call-template name="L"><xsl:with-param name="k" select="'strategy'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'restoration'"/></xsl:call-template>
    <h level="2" id="sequence"><xsl:call-template name="L"><xsl:with-param name="k" select="'sequence'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'sequence.intro'"/></xsl:call-template></p>
    <!-- one table a service, in recovery order: the service band and the
         column headings are its header rows, repeated on a new page -->
    <xsl:for-each select="$ex/f:service">
      <xsl:variable name="sid" select="@ref"/>
      <xsl:variable name="s" select="$facts/f:services/d:service[@id = $sid]"/>
      <xsl:variable name="ss" select="$steps[@service = $sid or (not(@service) and $sid = $first-svc)]"/>
      <table widths="14mm 1* 26mm 19mm 17mm" header-rows="2">
        <xsl:if test="position() = last()"><xsl:attribute name="keep-with-next">true</xsl:attribute></xsl:if>
        <xsl:if test="position() = 1"><xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'sequence.caption'"/></xsl:call-template></xsl:attribute></xsl:if>
        <xsl:if test="position() &gt; 1"><xsl:attribute name="space-before">0pt</xsl:attribute></xsl:if>
        <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'sequence.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
        <row background="#D5DFEA">
          <cell colspan="5" style="table-header">
            <p>
              <xsl:call-template name="fill">
                <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'sequence.rank'"/></xsl:call-template></xsl:with-param>
                <xsl:with-param name="v" select="string(@rank)"/>
              </xsl:call-template>
              <xsl:call-template name="L"><xsl:with-param name="k" select="'gap'"/></xsl:call-template>
              <xsl:call-template name="t"><xsl:with-param name="n" select="$s/d:name"/></xsl:call-template>
              <xsl:call-template name="L"><xsl:with-param name="k" select="'gap'"/></xsl:call-template><code><xsl:value-of select="$sid"/></code>
            </p>
            <xsl:if test="$s/d:depends-on">
              <p>
                <span style="table">
                  <xsl:call-template name="L"><xsl:with-param name="k" select="'sequence.after-deps'"/></xsl:call-template>
                  <xsl:for-each select="$s/d:depends-on">
                    <xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template>
                    <xsl:if test="position() != last()"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
                  </xsl:for-each>
                </span>
              </p>
            </xsl:if>
            <xsl:if test="$s/f:recovery/@plan and $s/f:recovery/@plan != $plan/@id">
              <p>
                <span style="table">
                  <xsl:call-template name="fill">
                    <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'sequence.other-plan'"/></xsl:call-template></xsl:with-param>
                    <xsl:with-param name="s" select="string($s/f:recovery/@plan)"/>
                  </xsl:call-template>
                </span>
              </p>
            </xsl:if>
          </cell>
        </row>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.what'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.role'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.duration'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.after'"/></xsl:call-template></cell>
        </row>
        <xsl:if test="not($ss)">
          <row><cell colspan="5"><xsl:call-template name="L"><xsl:with-param name="k" select="'sequence.no-steps'"/></xsl:call-template></cell></row>
        </xsl:if>
        <xsl:for-each select="$ss">
          <xsl:variable name="prev" select="preceding-sibling::d:step[@service = $sid or (not(@service) and $sid = $first-svc)][1]"/>
          <row>
            <cell><xsl:choose><xsl:when test="d:procedure"><link to="proc-{@id}"><xsl:value-of select="@id"/></link></xsl:when><xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise></xsl:choose></cell>
            <cell>
              <p><b><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></b></p>
              <xsl:for-each select="d:expected[not(lang('en')) or not(preceding-sibling::*[1][self::d:expected][not(lang('en'))])]">
                <p><span colour="#404040"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.expected'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><xsl:call-template name="tx"><xsl:with-param name="n" select="."/><xsl:with-param name="set" select="../d:expected"/></xsl:call-template></span></p>
              </xsl:for-each>
              <xsl:if test="d:procedure">
                <p><span colour="#404040"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.procedure'"/></xsl:call-template><ref to="proc-{@id}" show="page"/><xsl:call-template name="L"><xsl:with-param name="k" select="'step.procedure2'"/></xsl:call-template></span></p>
              </xsl:if>
            </cell>
            <cell><xsl:call-template name="role"><xsl:with-param name="id" select="@role"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="dur"><xsl:with-param name="d" select="@duration"/></xsl:call-template></cell>
            <cell>
              <xsl:choose>
                <xsl:when test="@after"><xsl:value-of select="normalize-space(@after)"/></xsl:when>
                <xsl:when test="$prev"><xsl:value-of select="$prev/@id"/></xsl:when>
                <xsl:otherwise>—</xsl:otherwise>
              </xsl:choose>
            </cell>
          </row>
        </xsl:for-each>
      </table>
    </xsl:for-each>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'sequence.note'"/></xsl:call-template></p>
    <xsl:call-template name="timing"/>
    <xsl:call-template name="escalation"/>
  </xsl:template>

  <!-- 5.3 timing: what the schedule computes for each covered service -->
  <xsl:template name="timing">
    <h level="2" id="timing"><xsl:call-template name="L"><xsl:with-param name="k" select="'timing'"/></xsl:call-template></h>
    <p keep-with-next="true">
      <xsl:choose>
        <xsl:when test="$ex/@duration-minutes">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'timing.makespan'"/></xsl:call-template>
          <b><xsl:call-template name="minutes"><xsl:with-param name="m" select="$ex/@duration-minutes"/></xsl:call-template></b>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'timing.makespan2'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'timing.no-makespan'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'timing.intro'"/></xsl:call-template>
    </p>
    <table widths="11mm 1.2* 16mm 18mm 16mm 18mm 1* 16mm 21mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'timing.caption'"/></xsl:call-template>
      <row>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rank'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'tier'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto.required'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'own'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'earliest'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'critical'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto-gap'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'achievable'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$ex/f:service">
        <xsl:variable name="r" select="key('service', current()/@ref)/f:recovery"/>
        <row>
          <cell align="right"><xsl:value-of select="@rank"/></cell>
          <cell><xsl:call-template name="svc-label"><xsl:with-param name="id" select="@ref"/></xsl:call-template></cell>
          <cell><xsl:choose><xsl:when test="$r/@tier"><xsl:call-template name="t"><xsl:with-param name="n" select="$policy/d:recovery-tiers/d:tier[@id = $r/@tier]/d:name"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@rto-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rto-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@own-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@own-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@earliest-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@earliest-minutes"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'unknown'"/></xsl:call-template></xsl:otherwise></xsl:choose></cell>
          <cell><xsl:choose><xsl:when test="$r/@critical-dependency"><xsl:call-template name="service-name"><xsl:with-param name="id" select="$r/@critical-dependency"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@rto-gap-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rto-gap-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($r/@achievable)"/></xsl:call-template></xsl:attribute>
            <xsl:choose>
              <xsl:when test="$r/@achievable"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('achievable.', $r/@achievable)"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'timing.note'"/></xsl:call-template></p>
    <!-- a chart of the services of the two strictest tiers (minutes to a
         few hours): with a service of days beside them the bars of the
         others would not be seen -->
    <xsl:variable name="tiers" select="$policy/d:recovery-tiers/d:tier[position() &lt;= 2]"/>
    <xsl:variable name="cs" select="$ex/f:service[@ref = $covered[f:recovery/@tier = $tiers/@id]/@id]"/>
    <xsl:if test="$cs">
      <chart kind="bar" height="58mm" y-min="0">
        <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'timing.chart'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="y-label"><xsl:call-template name="L"><xsl:with-param name="k" select="'minutes'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$cs">
          <!-- English names are long: the chart would thin them out; ids instead -->
          <category><xsl:attribute name="label"><xsl:choose><xsl:when test="$en"><xsl:value-of select="@ref"/></xsl:when><xsl:otherwise><xsl:call-template name="service-name"><xsl:with-param name="id" select="@ref"/></xsl:call-template></xsl:otherwise></xsl:choose></xsl:attribute></category>
        </xsl:for-each>
        <series colour="#1F4E79">
          <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'earliest'"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$cs"><xsl:call-template name="v"><xsl:with-param name="x" select="key('service', current()/@ref)/f:recovery/@earliest-minutes"/></xsl:call-template></xsl:for-each>
        </series>
        <series colour="#E69A28">
          <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto.required'"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$cs"><xsl:call-template name="v"><xsl:with-param name="x" select="key('service', current()/@ref)/f:recovery/@rto-minutes"/></xsl:call-template></xsl:for-each>
        </series>
        <legend/>
      </chart>
      <xsl:if test="count($cs) != count($ex/f:service)">
        <p style="note">
          <xsl:call-template name="fill">
            <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'timing.chart-note'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="s">
              <xsl:for-each select="$tiers">
                <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
                <xsl:if test="position() != last()"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
        </p>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- 5.4 escalation: the incident policy's rules for the grades of the covered services -->
  <xsl:template name="escalation">
    <xsl:variable name="ip" select="$policy/d:incident-policy"/>
    <h level="2" id="escalation"><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation.intro'"/></xsl:call-template></p>
    <table widths="18mm 1.3* 17mm 17mm 1.5*" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'escalation.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'grade'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation.services'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation.report'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation.resolve'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation.rules'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$ip/d:grade[@id = $covered/@grade]">
        <xsl:variable name="g" select="@id"/>
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
          <cell>
            <xsl:for-each select="$covered[@grade = $g]">
              <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
              <xsl:if test="position() != last()"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            </xsl:for-each>
          </cell>
          <cell align="right"><xsl:call-template name="dur"><xsl:with-param name="d" select="@report"/></xsl:call-template></cell>
          <cell align="right"><xsl:choose><xsl:when test="@resolve"><xsl:call-template name="dur"><xsl:with-param name="d" select="@resolve"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$ip/d:escalation[@grade = $g]">
                <xsl:for-each select="$ip/d:escalation[@grade = $g]">
                  <p>
                    <xsl:call-template name="fill">
                      <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation.rule'"/></xsl:call-template></xsl:with-param>
                      <xsl:with-param name="v"><xsl:call-template name="dur"><xsl:with-param name="d" select="@after"/></xsl:call-template></xsl:with-param>
                      <xsl:with-param name="s"><xsl:call-template name="t"><xsl:with-param name="n" select="$ip/d:response-level[@id = current()/@to]/d:name"/></xsl:call-template></xsl:with-param>
                    </xsl:call-template>
                  </p>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation.none'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <table widths="1* 1.4* 24mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'response.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'response'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'response.authority'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'response.update'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$ip/d:response-level">
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
          <cell><xsl:call-template name="role"><xsl:with-param name="id" select="@authority"/></xsl:call-template></cell>
          <cell align="right"><xsl:choose><xsl:when test="@update"><xsl:call-template name="dur"><xsl:with-param name="d" select="@update"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'escalation.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== 6 availability while invoked ===== -->
  <xsl:template name="invoked">
    <xsl:variable name="it" select="$plan/d:invoked-target"/>
    <h level="1" id="invoked"><xsl:call-template name="L"><xsl:with-param name="k" select="'invoked'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$it">
        <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'invoked.intro'"/></xsl:call-template></p>
        <table widths="40mm 1*">
          <xsl:call-template name="kv">
            <xsl:with-param name="k" select="'invoked.availability'"/>
            <xsl:with-param name="v"><b><xsl:value-of select="$it/@availability"/>%</b></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="kv">
            <xsl:with-param name="k" select="'invoked.max'"/>
            <xsl:with-param name="v"><xsl:choose><xsl:when test="$it/@max-duration"><xsl:call-template name="dur"><xsl:with-param name="d" select="$it/@max-duration"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise></xsl:choose></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="kv">
            <xsl:with-param name="k" select="'invoked.text'"/>
            <xsl:with-param name="v"><xsl:value-of select="normalize-space($it)"/></xsl:with-param>
          </xsl:call-template>
        </table>
        <table widths="1* 30mm 26mm 26mm" header-rows="1" keep-with-next="true">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'invoked.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'invoked.sla'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'invoked.normal'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'invoked.while'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$plan/d:covers">
            <xsl:variable name="a" select="key('service', current()/@service)/f:availability"/>
            <row>
              <cell><xsl:call-template name="svc-label"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
              <cell><xsl:choose><xsl:when test="$a/@sla"><code><xsl:value-of select="$a/@sla"/></code></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell align="right"><xsl:choose><xsl:when test="$a/@target"><xsl:value-of select="$a/@target"/>%</xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell align="right"><xsl:value-of select="$it/@availability"/>%</cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'invoked.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'invoked.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== 7 reconstitution ===== -->
  <xsl:template name="reconstitution">
    <h level="1" id="reconstitution"><xsl:call-template name="L"><xsl:with-param name="k" select="'reconstitution'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'return-to-normal'"/><xsl:with-param name="level" select="1"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 8 maintenance ===== -->
  <xsl:template name="maintenance">
    <h level="1" id="maintenance"><xsl:call-template name="L"><xsl:with-param name="k" select="'maintenance'"/></xsl:call-template></h>
    <h level="2" id="maintenance-rules"><xsl:call-template name="L"><xsl:with-param name="k" select="'maintenance.rules'"/></xsl:call-template></h>
    <xsl:call-template name="part"><xsl:with-param name="part" select="'maintenance'"/></xsl:call-template>
    <p>
      <xsl:choose>
        <xsl:when test="$ex/@last-drill"><xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.summary'"/></xsl:call-template><xsl:call-template name="date"><xsl:with-param name="d" select="$ex/@last-drill"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.summary-never'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.summary2'"/></xsl:call-template>
      <xsl:call-template name="date"><xsl:with-param name="d" select="$ex/@next-drill-due"/></xsl:call-template>
      <xsl:if test="$ex/@drill-overdue = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.summary-overdue'"/></xsl:call-template></xsl:if>
      <xsl:call-template name="L"><xsl:with-param name="k" select="concat('exercise.summary-retest.', $ex/@retest-due)"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.see'"/></xsl:call-template><link to="app-tests"><ref to="app-tests" show="title"/></link><xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.see2'"/></xsl:call-template>
    </p>
    <h level="2" id="plan-findings"><xsl:call-template name="L"><xsl:with-param name="k" select="'pfindings'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.intro'"/></xsl:call-template></p>
    <xsl:call-template name="findings-of">
      <xsl:with-param name="set" select="$plan-findings"/>
      <xsl:with-param name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.caption'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="none"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.none'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <h level="2" id="drill-actions"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions'"/></xsl:call-template></h>
    <xsl:variable name="acts" select="$drills/d:result/d:action[not(@done)]"/>
    <xsl:choose>
      <xsl:when test="$acts">
        <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.intro'"/></xsl:call-template></p>
        <table widths="34mm 1* 20mm 22mm" header-rows="1" keep-with-next="true">
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action.from'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'owner'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'due'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$acts">
            <row>
              <xsl:if test="contains(@f:findings, 'drill-action-overdue')"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
              <cell><xsl:value-of select="ancestor::d:drill/@id"/>/<xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="normalize-space(.)"/></cell>
              <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@due"/></cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== appendix A: contacts ===== -->
  <xsl:template name="app-contacts">
    <xsl:call-template name="appendix-h"><xsl:with-param name="id" select="'app-contacts'"/><xsl:with-param name="letter" select="'A'"/><xsl:with-param name="k" select="'app.contacts'"/><xsl:with-param name="break" select="true()"/></xsl:call-template>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'app.contacts.intro'"/></xsl:call-template></p>
    <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'people'"/></xsl:call-template></h>
    <table widths="16mm 1* 0.9* 70mm" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'people.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'signoff.name'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'people.post'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'people.part'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'people.contacts'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plan-people">
        <xsl:variable name="pid" select="@id"/>
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
          <cell>
            <p><xsl:call-template name="department"><xsl:with-param name="id" select="@department"/></xsl:call-template></p>
            <p><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></p>
          </cell>
          <cell>
            <xsl:if test="$plan/@owner = $pid"><p><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-owner'"/></xsl:call-template></p></xsl:if>
            <xsl:for-each select="$plan-roles[d:member/@person = $pid]">
              <p><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template><xsl:if test="d:member[@person = $pid]/@deputy = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'deputy'"/></xsl:call-template></xsl:if></p>
            </xsl:for-each>
            <xsl:if test="$plan/d:call-tree//d:call/@person = $pid"><p><xsl:call-template name="L"><xsl:with-param name="k" select="'people.in-tree'"/></xsl:call-template></p></xsl:if>
          </cell>
          <cell>
            <xsl:call-template name="contacts"><xsl:with-param name="of" select="."/></xsl:call-template>
            <xsl:if test="not(d:contact)">—</xsl:if>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'vendors'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$plan-suppliers">
        <table widths="1* 1.6* 28mm 1.1*" header-rows="1">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'vendors.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'vendor'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'vendor.part'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'vendor.contract'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'people.contacts'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$plan-suppliers">
            <xsl:variable name="sid" select="@id"/>
            <row>
              <cell>
                <p><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></p>
                <p><span colour="#404040"><xsl:call-template name="t"><xsl:with-param name="n" select="d:provides"/></xsl:call-template></span></p>
              </cell>
              <cell>
                <xsl:for-each select="$plan/d:vendor[@supplier = $sid]"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each>
                <xsl:if test="$covered[@supplier = $sid]">
                  <p><span colour="#404040">
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'vendor.provides'"/></xsl:call-template>
                    <xsl:for-each select="$covered[@supplier = $sid]">
                      <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
                      <xsl:if test="position() != last()"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
                    </xsl:for-each>
                  </span></p>
                </xsl:if>
              </cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="d:contract">
                    <p><code><xsl:value-of select="d:contract/@ref"/></code></p>
                    <xsl:if test="d:contract/@expires"><p><xsl:call-template name="L"><xsl:with-param name="k" select="'vendor.expires'"/></xsl:call-template><xsl:value-of select="d:contract/@expires"/></p></xsl:if>
                    <xsl:if test="d:contract/@response"><p><xsl:call-template name="L"><xsl:with-param name="k" select="'vendor.response'"/></xsl:call-template><xsl:call-template name="dur"><xsl:with-param name="d" select="d:contract/@response"/></xsl:call-template></p></xsl:if>
                  </xsl:when>
                  <xsl:otherwise>—</xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell>
                <xsl:call-template name="contacts"><xsl:with-param name="of" select="."/></xsl:call-template>
                <xsl:if test="not(d:contact)">—</xsl:if>
              </cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'vendors.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== appendix B: recovery procedures ===== -->
  <xsl:template name="app-procedures">
    <xsl:call-template name="appendix-h"><xsl:with-param name="id" select="'app-procedures'"/><xsl:with-param name="letter" select="'B'"/><xsl:with-param name="k" select="'app.procedures'"/></xsl:call-template>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'app.procedures.intro'"/></xsl:call-template></p>
    <xsl:if test="not($steps/d:procedure)"><p><xsl:call-template name="L"><xsl:with-param name="k" select="'app.procedures.none'"/></xsl:call-template></p></xsl:if>
    <!-- in the order of the recovery sequence: services by rank, steps in plan order -->
    <xsl:for-each select="$ex/f:service">
      <xsl:variable name="sid" select="@ref"/>
      <xsl:for-each select="$steps[d:procedure][@service = $sid or (not(@service) and $sid = $first-svc)]">
        <xsl:variable name="all" select="d:procedure"/>
        <xsl:variable name="mine" select="$all[($en and lang('en')) or (not($en) and not(lang('en')))]"/>
        <h level="2" numbered="false" toc="false" id="proc-{@id}"><xsl:value-of select="@id"/><xsl:call-template name="L"><xsl:with-param name="k" select="'gap'"/></xsl:call-template><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></h>
        <table widths="22mm 1* 22mm 1.4*" keep-with-next="true">
          <row>
            <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="$sid"/></xsl:call-template></cell>
            <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.role'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="role"><xsl:with-param name="id" select="@role"/></xsl:call-template></cell>
          </row>
          <row>
            <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.duration'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="dur"><xsl:with-param name="d" select="@duration"/></xsl:call-template></cell>
            <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'source'"/></xsl:call-template></cell>
            <cell><code><xsl:choose><xsl:when test="$mine"><xsl:value-of select="$mine[1]/@f:md"/></xsl:when><xsl:otherwise><xsl:value-of select="$all[1]/@f:md"/></xsl:otherwise></xsl:choose></code></cell>
          </row>
        </table>
        <xsl:choose>
          <xsl:when test="$mine"><xsl:call-template name="prose"><xsl:with-param name="of" select="$mine"/><xsl:with-param name="level" select="12"/></xsl:call-template></xsl:when>
          <xsl:otherwise>
            <p style="note" keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'other-language'"/></xsl:call-template></p>
            <xsl:call-template name="prose"><xsl:with-param name="of" select="$all"/><xsl:with-param name="level" select="12"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== appendix C: data protection ===== -->
  <xsl:template name="app-backup">
    <xsl:call-template name="appendix-h"><xsl:with-param name="id" select="'app-backup'"/><xsl:with-param name="letter" select="'C'"/><xsl:with-param name="k" select="'app.backup'"/></xsl:call-template>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'app.backup.intro'"/></xsl:call-template></p>
    <table widths="1* 20mm 17mm 17mm 1*" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'protection.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'protection.method'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'protection.interval'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'protection.lag'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'protection.target'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plan/d:covers">
        <xsl:variable name="s" select="key('service', current()/@service)"/>
        <xsl:choose>
          <xsl:when test="$s/d:data-protection">
            <xsl:for-each select="$s/d:data-protection">
              <row>
                <cell><xsl:if test="position() = 1"><xsl:call-template name="svc-label"><xsl:with-param name="id" select="$s/@id"/></xsl:call-template></xsl:if></cell>
                <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('method.', @method)"/></xsl:call-template></cell>
                <cell align="right"><xsl:call-template name="dur"><xsl:with-param name="d" select="@interval"/></xsl:call-template></cell>
                <cell align="right"><xsl:choose><xsl:when test="@lag"><xsl:call-template name="dur"><xsl:with-param name="d" select="@lag"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
                <cell><xsl:value-of select="@target"/></cell>
              </row>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <row>
              <cell><xsl:call-template name="svc-label"><xsl:with-param name="id" select="$s/@id"/></xsl:call-template></cell>
              <cell colspan="4">
                <xsl:choose>
                  <xsl:when test="$s/@data-in">
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'protection.data-in'"/></xsl:call-template>
                    <xsl:call-template name="service-name"><xsl:with-param name="id" select="$s/@data-in"/></xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'protection.none'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </table>
    <table widths="1* 19mm 19mm 22mm 20mm 17mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'loss.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo.declared'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo.required'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'loss'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo-gap'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plan/d:covers">
        <xsl:variable name="s" select="key('service', current()/@service)"/>
        <xsl:variable name="r" select="$s/f:recovery"/>
        <xsl:variable name="st">
          <xsl:choose>
            <xsl:when test="not($r/@rpo-gap-minutes)">na</xsl:when>
            <xsl:when test="$r/@rpo-gap-minutes = 0">green</xsl:when>
            <xsl:otherwise>red</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <row>
          <cell><xsl:call-template name="svc-label"><xsl:with-param name="id" select="$s/@id"/></xsl:call-template></cell>
          <cell align="right"><xsl:choose><xsl:when test="$s/@rpo"><xsl:call-template name="dur"><xsl:with-param name="d" select="$s/@rpo"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@rpo-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rpo-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@data-loss-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@data-loss-minutes"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'unknown'"/></xsl:call-template></xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@rpo-gap-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rpo-gap-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="$st"/></xsl:call-template></xsl:attribute>
            <xsl:choose>
              <xsl:when test="$st = 'green'"><xsl:call-template name="L"><xsl:with-param name="k" select="'met'"/></xsl:call-template></xsl:when>
              <xsl:when test="$st = 'red'"><xsl:call-template name="L"><xsl:with-param name="k" select="'missed'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'loss.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== appendix D: tests ===== -->
  <xsl:template name="app-tests">
    <xsl:call-template name="appendix-h"><xsl:with-param name="id" select="'app-tests'"/><xsl:with-param name="letter" select="'D'"/><xsl:with-param name="k" select="'app.tests'"/></xsl:call-template>
    <p>
      <xsl:call-template name="fill">
        <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'app.tests.intro'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="v" select="string($policy/d:continuity-policy/@drill-months)"/>
        <xsl:with-param name="l" select="string($policy/d:continuity-policy/@review-months)"/>
      </xsl:call-template>
    </p>
    <h level="2" numbered="false" toc="false" id="exercise"><xsl:call-template name="L"><xsl:with-param name="k" select="'exercise'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.intro'"/></xsl:call-template>
      <xsl:call-template name="month"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.intro2'"/></xsl:call-template>
    </p>
    <table widths="50mm 1*">
      <xsl:call-template name="kv">
        <xsl:with-param name="k" select="'exercise.cycle'"/>
        <xsl:with-param name="v">
          <xsl:call-template name="fill">
            <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'exercise.every'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="v" select="string($policy/d:continuity-policy/@drill-months)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="kv">
        <xsl:with-param name="k" select="'last-drill'"/>
        <xsl:with-param name="v"><xsl:choose><xsl:when test="$ex/@last-drill"><xsl:call-template name="date"><xsl:with-param name="d" select="$ex/@last-drill"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:value-of select="$drills[@status = 'held' and @date = $ex/@last-drill]/@id"/><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'never-drilled'"/></xsl:call-template></xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'next-drill-due'"/></xsl:call-template></cell>
        <cell>
          <xsl:if test="$ex/@drill-overdue = 'true'"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
          <xsl:call-template name="date"><xsl:with-param name="d" select="$ex/@next-drill-due"/></xsl:call-template>
          <xsl:if test="$ex/@drill-overdue = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-overdue'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template></xsl:if>
        </cell>
      </row>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'retest-due'"/></xsl:call-template></cell>
        <cell>
          <xsl:if test="$ex/@retest-due = 'true'"><xsl:attribute name="background">#FFE7C2</xsl:attribute></xsl:if>
          <xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', $ex/@retest-due)"/></xsl:call-template>
          <xsl:if test="$ex/@retest-due = 'true'">
            <xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'retest.changed'"/></xsl:call-template>
            <xsl:call-template name="date"><xsl:with-param name="d" select="$ex/@changed"/></xsl:call-template>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'comma'"/></xsl:call-template>
            <xsl:choose>
              <xsl:when test="$ex/@change"><xsl:value-of select="$ex/@change"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'retest.plan-note'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template>
          </xsl:if>
        </cell>
      </row>
      <xsl:call-template name="kv">
        <xsl:with-param name="k" select="'exercise.planned'"/>
        <xsl:with-param name="v">
          <xsl:choose>
            <xsl:when test="$drills[@status = 'planned']">
              <xsl:for-each select="$drills[@status = 'planned']">
                <xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template>
                <xsl:if test="position() != last()"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </table>
    <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'drills'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$drills">
        <table widths="29mm 1* 22mm 20mm 16mm 16mm" header-rows="1">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'drills.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.title'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'revision.date'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.method'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.status'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.lead'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$drills">
            <row>
              <cell><code><xsl:value-of select="@id"/></code></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@date"/></cell>
              <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('method.', d:method/@kind)"/></xsl:call-template></cell>
              <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('drill.status.', @status)"/></xsl:call-template></cell>
              <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@lead"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'drills.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="meas" select="$drills/d:result/d:measured"/>
    <xsl:if test="$meas">
      <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured'"/></xsl:call-template></h>
      <table widths="29mm 1* 22mm 22mm 22mm 22mm" header-rows="1" keep-with-next="true">
        <xsl:call-template name="captions"><xsl:with-param name="k" select="'measured.caption'"/></xsl:call-template>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.target-rto'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.recovery'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.target-rpo'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.loss'"/></xsl:call-template></cell>
        </row>
        <xsl:for-each select="$meas">
          <xsl:variable name="o" select="ancestor::d:drill/d:objective[@service = current()/@service][1]"/>
          <row>
            <cell><code><xsl:value-of select="ancestor::d:drill/@id"/></code></cell>
            <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
            <cell align="right"><xsl:choose><xsl:when test="$o/@target-rto"><xsl:call-template name="dur"><xsl:with-param name="d" select="$o/@target-rto"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
            <cell align="right">
              <xsl:if test="contains(@f:findings, 'drill-rto-exceeded')"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
              <xsl:call-template name="dur"><xsl:with-param name="d" select="@recovery"/></xsl:call-template>
            </cell>
            <cell align="right"><xsl:choose><xsl:when test="$o/@target-rpo"><xsl:call-template name="dur"><xsl:with-param name="d" select="$o/@target-rpo"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
            <cell align="right">
              <xsl:if test="contains(@f:findings, 'drill-rpo-exceeded')"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
              <xsl:choose><xsl:when test="@data-loss"><xsl:call-template name="dur"><xsl:with-param name="d" select="@data-loss"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose>
            </cell>
          </row>
        </xsl:for-each>
      </table>
      <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.note'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:if test="$drills/d:result/d:plan-update">
      <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-updates'"/></xsl:call-template></h>
      <table widths="29mm 20mm 1*" header-rows="1">
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill'"/></xsl:call-template></cell>
          <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update.required'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update.what'"/></xsl:call-template></cell>
        </row>
        <xsl:for-each select="$drills/d:result/d:plan-update">
          <row>
            <cell><code><xsl:value-of select="ancestor::d:drill/@id"/></code></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', @required)"/></xsl:call-template></cell>
            <cell><xsl:value-of select="normalize-space(.)"/></cell>
          </row>
        </xsl:for-each>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- ===== appendix E: BIA extract ===== -->
  <xsl:template name="app-bia">
    <xsl:variable name="fns" select="$facts/f:functions/d:function[d:needs/@service = $plan/d:covers/@service or @id = $covered/f:recovery/@rto-function or @id = $covered/f:recovery/@rpo-function]"/>
    <xsl:call-template name="appendix-h"><xsl:with-param name="id" select="'app-bia'"/><xsl:with-param name="letter" select="'E'"/><xsl:with-param name="k" select="'app.bia'"/></xsl:call-template>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'app.bia.intro'"/></xsl:call-template></p>
    <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'functions'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$fns">
        <table widths="24mm 1* 1.2* 16mm 16mm 16mm 15mm" header-rows="1" keep-with-next="true">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'functions.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'function'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'function.needs'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'mtpd'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'tier'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$fns">
            <xsl:variable name="b" select="f:bia"/>
            <row>
              <cell><code><xsl:value-of select="@id"/></code></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
              <cell>
                <xsl:for-each select="d:needs">
                  <xsl:choose>
                    <xsl:when test="@service = $plan/d:covers/@service"><b><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></b></xsl:when>
                    <xsl:otherwise><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="position() != last()"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
                </xsl:for-each>
              </cell>
              <cell align="right"><xsl:choose><xsl:when test="$b/@mtpd-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$b/@mtpd-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell align="right"><xsl:choose><xsl:when test="$b/@rto-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$b/@rto-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell align="right"><xsl:choose><xsl:when test="$b/@rpo-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$b/@rpo-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell><xsl:choose><xsl:when test="$b/@tier"><xsl:call-template name="t"><xsl:with-param name="n" select="$policy/d:recovery-tiers/d:tier[@id = $b/@tier]/d:name"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'functions.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'functions.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'requirements'"/></xsl:call-template></h>
    <table widths="1* 15mm 18mm 1.1* 18mm 17mm 17mm 16mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'requirements.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'tier'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto.required'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'rto.from'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo.required'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto.declared'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'earliest'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto-gap'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plan/d:covers">
        <xsl:variable name="s" select="key('service', current()/@service)"/>
        <xsl:variable name="r" select="$s/f:recovery"/>
        <row>
          <cell><xsl:call-template name="svc-label"><xsl:with-param name="id" select="$s/@id"/></xsl:call-template></cell>
          <cell><xsl:choose><xsl:when test="$r/@tier"><xsl:call-template name="t"><xsl:with-param name="n" select="$policy/d:recovery-tiers/d:tier[@id = $r/@tier]/d:name"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@rto-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rto-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$r/@rto-function">
                <code><xsl:value-of select="$r/@rto-function"/></code>
                <xsl:if test="$r/@rto-via">
                  <xsl:text> </xsl:text><xsl:call-template name="L"><xsl:with-param name="k" select="'rto.via'"/></xsl:call-template>
                  <xsl:call-template name="service-name"><xsl:with-param name="id" select="$r/@rto-via"/></xsl:call-template>
                </xsl:if>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'rto.no-function'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@rpo-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rpo-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right">
            <xsl:if test="contains($s/@f:findings, 'declared-rto-looser')"><xsl:attribute name="background">#FFE7C2</xsl:attribute></xsl:if>
            <xsl:choose><xsl:when test="$s/@rto"><xsl:call-template name="dur"><xsl:with-param name="d" select="$s/@rto"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose>
          </cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@earliest-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@earliest-minutes"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'unknown'"/></xsl:call-template></xsl:otherwise></xsl:choose></cell>
          <cell align="right">
            <xsl:if test="$r/@achievable"><xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($r/@achievable)"/></xsl:call-template></xsl:attribute></xsl:if>
            <xsl:choose><xsl:when test="$r/@rto-gap-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rto-gap-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'requirements.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== appendix F: change page ===== -->
  <xsl:template name="app-changes">
    <xsl:variable name="chg" select="$facts/f:changes/d:change[@significant = 'true' and @status != 'cancelled' and @service = $plan/d:covers/@service]"/>
    <xsl:variable name="inv" select="$facts/f:incidents/d:incident[@plan = $plan/@id]"/>
    <xsl:call-template name="appendix-h"><xsl:with-param name="id" select="'app-changes'"/><xsl:with-param name="letter" select="'F'"/><xsl:with-param name="k" select="'app.changes'"/></xsl:call-template>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'app.changes.intro'"/></xsl:call-template></p>
    <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'changes'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$plan/d:significant-change or $chg">
        <table widths="22mm 28mm 1* 24mm" header-rows="1" keep-with-next="true">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'changes.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'revision.date'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'source'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.what'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.status'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$plan/d:significant-change">
            <row>
              <xsl:if test="$ex/@retest-due = 'true' and not($ex/@change) and $ex/@changed = @date"><xsl:attribute name="background">#FFE7C2</xsl:attribute></xsl:if>
              <cell><xsl:value-of select="@date"/></cell>
              <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'retest.plan-note'"/></xsl:call-template></cell>
              <cell><xsl:value-of select="normalize-space(.)"/></cell>
              <cell>—</cell>
            </row>
          </xsl:for-each>
          <xsl:for-each select="$chg">
            <row>
              <xsl:if test="$ex/@retest-due = 'true' and $ex/@change = @id"><xsl:attribute name="background">#FFE7C2</xsl:attribute></xsl:if>
              <cell><xsl:value-of select="substring(@start, 1, 10)"/></cell>
              <cell><code><xsl:value-of select="@id"/></code></cell>
              <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
              <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('change.status.', @status)"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'changes.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'changes.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <h level="2" numbered="false" toc="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'invocations'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$inv">
        <table widths="27mm 27mm 16mm 1*" header-rows="1">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'invocations.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'incident'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'detected'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'level'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'invocation.what'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$inv">
            <row>
              <cell><code><xsl:value-of select="@id"/></code></cell>
              <cell><xsl:value-of select="translate(substring(f:timeline/@detected, 1, 16), 'T', ' ')"/><xsl:if test="not(f:timeline/@detected)"><xsl:value-of select="translate(@detected, 'T', ' ')"/></xsl:if></cell>
              <cell><xsl:choose><xsl:when test="f:timeline/@level"><xsl:call-template name="grade-name"><xsl:with-param name="id" select="f:timeline/@level"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:summary"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'invocations.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== appendix G: the plan's other prose, if any ===== -->
  <xsl:template name="app-other">
    <xsl:if test="$plan/d:prose[@part = 'other']">
      <xsl:call-template name="appendix-h"><xsl:with-param name="id" select="'app-other'"/><xsl:with-param name="letter" select="'G'"/><xsl:with-param name="k" select="'app.other'"/></xsl:call-template>
      <xsl:call-template name="part"><xsl:with-param name="part" select="'other'"/><xsl:with-param name="level" select="11"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
