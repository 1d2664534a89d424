<?xml version="1.0" encoding="UTF-8"?>
<!--
  process-manual.xsl: a process manual (流程管理办法) of the management
  system, modelled on the SM-02002 ITSCM procedure: cover and front matter
  (revision history, distribution, contents), then

    - for a document no longer in force (superseded / withdrawn): a boxed
      notice at the start of the body naming the replacing document and the
      date it took effect, and a watermark on every page;
    1 overview: objective and scope (Markdown parts "objective", "scope");
    2 roles and responsibilities, from the organisation: the process roles
      (roles with responsibilities named by the register, a plan or a
      drill) and the plan-invocation authorities (d:invocation/d:authority
      of the plans, with the plans they may invoke), each with its
      responsibilities and members; then the roles that perform recovery
      steps (plan and drill d:step/@role), with the plans and drills that
      name them;
    3 inputs and outputs: what the process takes in and gives out, with its
      period; the periods of the outputs come from the continuity policy in
      force (drill-months, review-months), the outputs list the controlled
      documents of the register that are those outputs;
    4 process description: the continuity management process and the drill
      management process (Markdown parts "process", "drill-process");
    5 KPIs of the process (f:kpis with @process = itscm): target, amber
      threshold, the period's value, status and how it was obtained; a trend
      chart for each KPI not green;
    6 process quality control (part "quality");
    7 interfaces with other processes (part "interfaces");
    8 terms (part "terms");
    9 supplementary provisions (part "provisions") and the next review date.

  A section whose Markdown part the register does not give is left out.
  Sections 2, 3 and 5 show the organisation's current data: they are given
  only for a document in force (not superseded or withdrawn), whose text
  they belong to. Headings of the Markdown go under the including section:
  the shallowest heading of a part becomes the level below the section's
  heading, whatever level it was written at; headings that land on level 4
  are not numbered (the Markdown numbers them itself, e.g. "一、"); see
  the md:heading template of common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="f d md">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'process-manual'"/>

  <!-- the process the manual describes: KPIs carry it in @process -->
  <xsl:variable name="process" select="'itscm'"/>

  <xsl:variable name="in-force" select="not($doc/@status = 'superseded' or $doc/@status = 'withdrawn')"/>
  <xsl:variable name="continuity" select="$policy/d:continuity-policy"/>
  <xsl:variable name="kpis" select="$facts/f:kpis/d:kpi[translate(@process, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = $process]"/>

  <!-- roles: the plans' invocation authorities; the roles named by the
       continuity sources (register distribution, plan and drill steps) -->
  <xsl:variable name="authority-ids" select="$facts/f:plans/d:plan/d:invocation/d:authority/@role"/>
  <xsl:variable name="step-ids" select="$facts/f:plans/d:plan//d:step/@role | $facts/f:drills/d:drill//d:step/@role"/>
  <xsl:variable name="named-ids" select="$facts/f:register/d:document/d:distribution/@role | $step-ids | $authority-ids"/>
  <xsl:variable name="process-roles" select="$org/d:role[d:responsibility][@id = $named-ids][not(@id = $authority-ids)]"/>
  <xsl:variable name="authority-roles" select="$org/d:role[@id = $authority-ids]"/>
  <xsl:variable name="operator-roles" select="$org/d:role[@id = $step-ids][not(@id = $authority-ids)][not(d:responsibility)]"/>

  <xsl:template match="/">
    <document>
      <xsl:call-template name="document-attributes"/>
      <xsl:if test="not($in-force)">
        <xsl:attribute name="watermark"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('watermark.', $doc/@status)"/></xsl:call-template></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="head"/>
      <xsl:call-template name="cover"/>
      <section master="body">
        <xsl:call-template name="status-notice"/>
        <xsl:call-template name="front-matter"/>
        <xsl:call-template name="overview"/>
        <xsl:if test="$in-force">
          <xsl:call-template name="roles"/>
          <xsl:call-template name="inputs-outputs"/>
        </xsl:if>
        <xsl:call-template name="process-description"/>
        <xsl:if test="$in-force">
          <xsl:call-template name="kpis"/>
        </xsl:if>
        <xsl:call-template name="prose-section">
          <xsl:with-param name="part" select="'quality'"/>
        </xsl:call-template>
        <xsl:call-template name="prose-section">
          <xsl:with-param name="part" select="'interfaces'"/>
        </xsl:call-template>
        <xsl:call-template name="prose-section">
          <xsl:with-param name="part" select="'terms'"/>
        </xsl:call-template>
        <xsl:call-template name="provisions"/>
      </section>
    </document>
  </xsl:template>

  <!-- ===== Markdown parts ===== -->

  <!-- does the register give this part? -->
  <xsl:template name="has-part">
    <xsl:param name="part"/>
    <xsl:if test="$facts/f:prose/f:markdown[@src = $doc/d:prose[@part = $part]/@f:md]">true</xsl:if>
  </xsl:template>

  <!-- the part in the document's language, else in the other one (with a
       note saying so); its headings from $level down -->
  <xsl:template name="part">
    <xsl:param name="part"/>
    <xsl:param name="level" select="2"/>
    <xsl:variable name="all" select="$doc/d:prose[@part = $part][@f:md = $facts/f:prose/f:markdown/@src]"/>
    <xsl:variable name="en-p" select="$all[lang('en')]"/>
    <xsl:variable name="zh-p" select="$all[not(@xml:lang) or lang('zh')]"/>
    <xsl:choose>
      <xsl:when test="$en and $en-p">
        <xsl:call-template name="prose"><xsl:with-param name="of" select="$en-p[1]"/><xsl:with-param name="level" select="$level"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="not($en) and $zh-p">
        <xsl:call-template name="prose"><xsl:with-param name="of" select="$zh-p[1]"/><xsl:with-param name="level" select="$level"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$all">
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'prose.other-language'"/></xsl:call-template></p>
        <xsl:call-template name="prose"><xsl:with-param name="of" select="$all[1]"/><xsl:with-param name="level" select="$level"/></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- a numbered level-1 section holding one part, left out without it -->
  <xsl:template name="prose-section">
    <xsl:param name="part"/>
    <xsl:variable name="has"><xsl:call-template name="has-part"><xsl:with-param name="part" select="$part"/></xsl:call-template></xsl:variable>
    <xsl:if test="$has = 'true'">
      <h level="1" id="{$part}"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('section.', $part)"/></xsl:call-template></h>
      <xsl:call-template name="part">
        <xsl:with-param name="part" select="$part"/>
        <xsl:with-param name="level" select="2"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== status of a document no longer in force ===== -->

  <xsl:template name="status-notice">
    <xsl:if test="not($in-force)">
      <xsl:variable name="by-number" select="substring-before(concat($doc/@replaced-by, ' '), ' ')"/>
      <xsl:variable name="by-version" select="substring-after($doc/@replaced-by, ' ')"/>
      <xsl:variable name="by" select="$facts/f:register/d:document[@number = $by-number]"/>
      <xsl:variable name="by-rev" select="$by/d:revision[@version = $by-version]"/>
      <xsl:variable name="s">
        <xsl:if test="$by">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'quote-open'"/></xsl:call-template>
          <xsl:call-template name="t"><xsl:with-param name="n" select="$by/d:title"/></xsl:call-template>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'quote-close'"/></xsl:call-template>
        </xsl:if>
        <xsl:call-template name="L"><xsl:with-param name="k" select="'paren-open'"/></xsl:call-template>
        <xsl:value-of select="$doc/@replaced-by"/>
        <xsl:call-template name="L"><xsl:with-param name="k" select="'paren-close'"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="v-raw">
        <xsl:call-template name="date"><xsl:with-param name="d" select="$by-rev/@effective"/></xsl:call-template>
      </xsl:variable>
      <xsl:variable name="v" select="normalize-space($v-raw)"/>
      <xsl:variable name="key">
        <xsl:choose>
          <xsl:when test="$doc/@status = 'withdrawn'">notice.withdrawn</xsl:when>
          <xsl:when test="not($doc/@replaced-by)">notice.superseded-unknown</xsl:when>
          <xsl:when test="$by-rev/@effective">notice.superseded</xsl:when>
          <xsl:otherwise>notice.superseded-undated</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="text"><xsl:call-template name="L"><xsl:with-param name="k" select="$key"/></xsl:call-template></xsl:variable>
      <table widths="1*" borders="all" space-after="10pt">
        <row background="#FBE3E3">
          <cell>
            <p><b><xsl:call-template name="L"><xsl:with-param name="k" select="concat('notice.title.', $doc/@status)"/></xsl:call-template></b></p>
            <p>
              <xsl:call-template name="fill">
                <xsl:with-param name="t" select="$text"/>
                <xsl:with-param name="s" select="$s"/>
                <xsl:with-param name="v" select="$v"/>
              </xsl:call-template>
            </p>
            <p><xsl:call-template name="L"><xsl:with-param name="k" select="concat('notice.content.', $doc/@status)"/></xsl:call-template></p>
          </cell>
        </row>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- ===== 1 overview ===== -->

  <xsl:template name="overview">
    <xsl:variable name="objective"><xsl:call-template name="has-part"><xsl:with-param name="part" select="'objective'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="scope"><xsl:call-template name="has-part"><xsl:with-param name="part" select="'scope'"/></xsl:call-template></xsl:variable>
    <xsl:if test="$objective = 'true' or $scope = 'true'">
      <h level="1" id="overview"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.overview'"/></xsl:call-template></h>
      <xsl:if test="$objective = 'true'">
        <h level="2" id="objective"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.objective'"/></xsl:call-template></h>
        <xsl:call-template name="part"><xsl:with-param name="part" select="'objective'"/><xsl:with-param name="level" select="3"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="$scope = 'true'">
        <h level="2" id="scope"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.scope'"/></xsl:call-template></h>
        <xsl:call-template name="part"><xsl:with-param name="part" select="'scope'"/><xsl:with-param name="level" select="3"/></xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ===== 2 roles and responsibilities ===== -->

  <!-- the members of a role, one a line: name, job title, deputies marked -->
  <xsl:template name="members">
    <xsl:param name="role"/>
    <xsl:for-each select="$role/d:member">
      <xsl:variable name="person" select="$org/d:person[@id = current()/@person]"/>
      <p>
        <xsl:call-template name="t"><xsl:with-param name="n" select="$person/d:name"/></xsl:call-template>
        <xsl:if test="$person/d:title">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'member-sep'"/></xsl:call-template>
          <span colour="#5A6A7A"><xsl:call-template name="t"><xsl:with-param name="n" select="$person/d:title"/></xsl:call-template></span>
        </xsl:if>
        <xsl:if test="@deputy = 'true'">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'paren-open'"/></xsl:call-template>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'roles.deputy'"/></xsl:call-template>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'paren-close'"/></xsl:call-template>
        </xsl:if>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- a role's name with its id under it -->
  <xsl:template name="role-cell">
    <xsl:param name="role"/>
    <cell>
      <p><xsl:call-template name="t"><xsl:with-param name="n" select="$role/d:name"/></xsl:call-template></p>
      <p><span colour="#5A6A7A" size="7.5"><xsl:value-of select="$role/@id"/></span></p>
    </cell>
  </xsl:template>

  <!-- ids joined by the list separator -->
  <xsl:template name="ids">
    <xsl:param name="nodes"/>
    <xsl:for-each select="$nodes">
      <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
      <xsl:value-of select="@id"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ids, one a line -->
  <xsl:template name="id-lines">
    <xsl:param name="nodes"/>
    <xsl:for-each select="$nodes"><p><xsl:value-of select="@id"/></p></xsl:for-each>
  </xsl:template>

  <xsl:template name="role-rows">
    <xsl:param name="roles"/>
    <xsl:for-each select="$roles">
      <xsl:variable name="plans" select="$facts/f:plans/d:plan[d:invocation/d:authority/@role = current()/@id]"/>
      <row>
        <xsl:call-template name="role-cell"><xsl:with-param name="role" select="."/></xsl:call-template>
        <cell>
          <xsl:variable name="r-en" select="d:responsibility[lang('en')]"/>
          <xsl:variable name="r-zh" select="d:responsibility[not(@xml:lang) or lang('zh')]"/>
          <xsl:choose>
            <xsl:when test="$en and $r-en"><xsl:for-each select="$r-en"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each></xsl:when>
            <xsl:when test="$r-zh"><xsl:for-each select="$r-zh"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each></xsl:when>
            <xsl:otherwise><xsl:for-each select="d:responsibility"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$plans">
            <p>
              <span colour="#5A6A7A">
                <xsl:call-template name="L"><xsl:with-param name="k" select="'roles.authority-for'"/></xsl:call-template>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template>
                <xsl:call-template name="ids"><xsl:with-param name="nodes" select="$plans"/></xsl:call-template>
              </span>
            </p>
          </xsl:if>
        </cell>
        <cell><xsl:call-template name="members"><xsl:with-param name="role" select="."/></xsl:call-template></cell>
      </row>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="roles">
    <h level="1" id="roles"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.roles'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.intro'"/></xsl:call-template></p>
    <xsl:if test="$process-roles | $authority-roles">
      <table widths="45mm 1* 46mm" header-rows="1">
        <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.caption'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.role'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.responsibility'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.members'"/></xsl:call-template></cell>
        </row>
        <xsl:if test="$process-roles">
          <row background="#F3F6F9">
            <cell colspan="3"><b><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.group.process'"/></xsl:call-template></b></cell>
          </row>
          <xsl:call-template name="role-rows"><xsl:with-param name="roles" select="$process-roles"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="$authority-roles">
          <row background="#F3F6F9">
            <cell colspan="3"><b><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.group.authority'"/></xsl:call-template></b></cell>
          </row>
          <xsl:call-template name="role-rows"><xsl:with-param name="roles" select="$authority-roles"/></xsl:call-template>
        </xsl:if>
      </table>
    </xsl:if>
    <xsl:if test="$operator-roles">
      <p keep-with-next="true" space-before="6pt"><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.operators.intro'"/></xsl:call-template></p>
      <table widths="45mm 1* 34mm 34mm" header-rows="1">
        <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.operators.caption'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.operators.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.role'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.members'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.in-plans'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.in-drills'"/></xsl:call-template></cell>
        </row>
        <xsl:for-each select="$operator-roles">
          <row>
            <xsl:call-template name="role-cell"><xsl:with-param name="role" select="."/></xsl:call-template>
            <cell><xsl:call-template name="members"><xsl:with-param name="role" select="."/></xsl:call-template></cell>
            <cell><xsl:call-template name="id-lines"><xsl:with-param name="nodes" select="$facts/f:plans/d:plan[.//d:step/@role = current()/@id]"/></xsl:call-template></cell>
            <cell><xsl:call-template name="id-lines"><xsl:with-param name="nodes" select="$facts/f:drills/d:drill[.//d:step/@role = current()/@id]"/></xsl:call-template></cell>
          </row>
        </xsl:for-each>
      </table>
    </xsl:if>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'roles.note'"/></xsl:call-template><code><xsl:value-of select="$org/@f:file"/></code><xsl:call-template name="L"><xsl:with-param name="k" select="'stop'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== 3 inputs and outputs ===== -->

  <!-- a period of N months in words -->
  <xsl:template name="every">
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="string($m) = ''"><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:when>
      <xsl:when test="$m = 1 or $m = 3 or $m = 6 or $m = 12"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('every.', $m)"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'every.n'"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="fill"><xsl:with-param name="t" select="$t"/><xsl:with-param name="v" select="$m"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the source files of some kinds, one a line -->
  <xsl:template name="files">
    <xsl:param name="kinds"/>
    <xsl:for-each select="$facts/f:sources/f:source[contains(concat(' ', $kinds, ' '), concat(' ', @kind, ' '))]">
      <p><code><xsl:value-of select="@file"/></code></p>
    </xsl:for-each>
  </xsl:template>

  <!-- the register's documents of some kinds: number, version, status when not approved -->
  <xsl:template name="documents">
    <xsl:param name="kinds"/>
    <xsl:variable name="set" select="$facts/f:register/d:document[contains(concat(' ', $kinds, ' '), concat(' ', @kind, ' '))]"/>
    <xsl:for-each select="$set">
      <p>
        <xsl:value-of select="@number"/><xsl:text> </xsl:text><xsl:value-of select="@version"/>
        <xsl:if test="@status != 'approved'">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'paren-open'"/></xsl:call-template>
          <xsl:call-template name="L"><xsl:with-param name="k" select="concat('status.', @status)"/></xsl:call-template>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'paren-close'"/></xsl:call-template>
        </xsl:if>
      </p>
    </xsl:for-each>
    <xsl:if test="not($set)"><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:if>
  </xsl:template>

  <xsl:template name="io-head">
    <xsl:param name="what"/>
    <row>
      <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'io.no'"/></xsl:call-template></cell>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('io.', $what)"/></xsl:call-template></cell>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('io.', $what, '.party')"/></xsl:call-template></cell>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'io.period'"/></xsl:call-template></cell>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('io.', $what, '.records')"/></xsl:call-template></cell>
    </row>
  </xsl:template>

  <xsl:template name="io-row">
    <xsl:param name="n"/>
    <xsl:param name="key"/>
    <xsl:param name="period"/>
    <xsl:param name="records"/>
    <row>
      <cell align="center"><xsl:value-of select="$n"/></cell>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="$key"/></xsl:call-template></cell>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat($key, '.party')"/></xsl:call-template></cell>
      <cell><xsl:copy-of select="$period"/></cell>
      <cell><xsl:copy-of select="$records"/></cell>
    </row>
  </xsl:template>

  <xsl:template name="inputs-outputs">
    <xsl:variable name="drill"><xsl:call-template name="every"><xsl:with-param name="m" select="$continuity/@drill-months"/></xsl:call-template></xsl:variable>
    <xsl:variable name="review"><xsl:call-template name="every"><xsl:with-param name="m" select="$continuity/@review-months"/></xsl:call-template></xsl:variable>
    <h level="1" id="io"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.io'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'io.intro'"/></xsl:call-template></p>

    <group keep-together="true">
    <h level="2" id="inputs"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.inputs'"/></xsl:call-template></h>
    <table widths="10mm 1.2* 1* 18mm 50mm" header-rows="1">
      <xsl:call-template name="io-head"><xsl:with-param name="what" select="'in'"/></xsl:call-template>
      <xsl:call-template name="io-row">
        <xsl:with-param name="n" select="1"/>
        <xsl:with-param name="key" select="'in.service-levels'"/>
        <xsl:with-param name="period"><xsl:call-template name="L"><xsl:with-param name="k" select="'in.service-levels.period'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="records"><xsl:call-template name="files"><xsl:with-param name="kinds" select="'services'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="io-row">
        <xsl:with-param name="n" select="2"/>
        <xsl:with-param name="key" select="'in.recovery-needs'"/>
        <xsl:with-param name="period"><xsl:call-template name="L"><xsl:with-param name="k" select="'in.recovery-needs.period'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="records"><xsl:call-template name="files"><xsl:with-param name="kinds" select="'business-functions'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="io-row">
        <xsl:with-param name="n" select="3"/>
        <xsl:with-param name="key" select="'in.risk-assessment'"/>
        <xsl:with-param name="period"><xsl:call-template name="L"><xsl:with-param name="k" select="'in.risk-assessment.period'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="records"><xsl:call-template name="files"><xsl:with-param name="kinds" select="'risks'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="io-row">
        <xsl:with-param name="n" select="4"/>
        <xsl:with-param name="key" select="'in.changes'"/>
        <xsl:with-param name="period"><xsl:call-template name="L"><xsl:with-param name="k" select="'in.changes.period'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="records"><xsl:call-template name="files"><xsl:with-param name="kinds" select="'changes'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </table>

    </group>
    <group keep-together="true">
    <h level="2" id="outputs"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.outputs'"/></xsl:call-template></h>
    <table widths="10mm 1.2* 1* 28mm 40mm" header-rows="1">
      <xsl:call-template name="io-head"><xsl:with-param name="what" select="'out'"/></xsl:call-template>
      <xsl:call-template name="io-row">
        <xsl:with-param name="n" select="1"/>
        <xsl:with-param name="key" select="'out.bia'"/>
        <xsl:with-param name="period"><xsl:value-of select="$review"/></xsl:with-param>
        <xsl:with-param name="records"><xsl:call-template name="documents"><xsl:with-param name="kinds" select="'bia-report'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="io-row">
        <xsl:with-param name="n" select="2"/>
        <xsl:with-param name="key" select="'out.plans'"/>
        <xsl:with-param name="period">
          <p><xsl:call-template name="L"><xsl:with-param name="k" select="'io.drilled'"/></xsl:call-template><xsl:value-of select="$drill"/></p>
          <p><xsl:call-template name="L"><xsl:with-param name="k" select="'io.reviewed'"/></xsl:call-template><xsl:value-of select="$review"/></p>
        </xsl:with-param>
        <xsl:with-param name="records"><xsl:call-template name="documents"><xsl:with-param name="kinds" select="'continuity-plan'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="io-row">
        <xsl:with-param name="n" select="3"/>
        <xsl:with-param name="key" select="'out.drills'"/>
        <xsl:with-param name="period">
          <xsl:variable name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'io.per-plan'"/></xsl:call-template></xsl:variable>
          <xsl:call-template name="fill"><xsl:with-param name="t" select="$t"/><xsl:with-param name="v" select="$drill"/></xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="records"><xsl:call-template name="documents"><xsl:with-param name="kinds" select="'drill-plan drill-report'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="io-row">
        <xsl:with-param name="n" select="4"/>
        <xsl:with-param name="key" select="'out.work-report'"/>
        <xsl:with-param name="period"><xsl:call-template name="L"><xsl:with-param name="k" select="'out.work-report.period'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="records"><xsl:call-template name="documents"><xsl:with-param name="kinds" select="'drill-work-report'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </table>
    <p style="note">
      <xsl:variable name="t">
        <xsl:call-template name="L">
          <xsl:with-param name="k"><xsl:choose><xsl:when test="$policy/@effective">io.note</xsl:when><xsl:otherwise>io.note-undated</xsl:otherwise></xsl:choose></xsl:with-param>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="since">
        <xsl:if test="$policy/@effective"><xsl:variable name="d"><xsl:call-template name="date"><xsl:with-param name="d" select="$policy/@effective"/></xsl:call-template></xsl:variable><xsl:value-of select="normalize-space($d)"/></xsl:if>
      </xsl:variable>
      <xsl:call-template name="fill">
        <xsl:with-param name="t" select="$t"/>
        <xsl:with-param name="s" select="$since"/>
        <xsl:with-param name="v" select="$continuity/@drill-months"/>
        <xsl:with-param name="l" select="$continuity/@review-months"/>
      </xsl:call-template>
      <code><xsl:value-of select="concat($continuity/@f:file, ':', $continuity/@f:line)"/></code>
      <xsl:if test="$continuity/@f:file = '(defaults)'">
        <xsl:call-template name="L"><xsl:with-param name="k" select="'paren-open'"/></xsl:call-template>
        <xsl:call-template name="L"><xsl:with-param name="k" select="'io.defaults'"/></xsl:call-template>
        <xsl:call-template name="L"><xsl:with-param name="k" select="'paren-close'"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'stop'"/></xsl:call-template>
    </p>
    </group>
  </xsl:template>

  <!-- ===== 4 process description ===== -->

  <xsl:template name="process-description">
    <xsl:variable name="process-p"><xsl:call-template name="has-part"><xsl:with-param name="part" select="'process'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="drill-p"><xsl:call-template name="has-part"><xsl:with-param name="part" select="'drill-process'"/></xsl:call-template></xsl:variable>
    <xsl:if test="$process-p = 'true' or $drill-p = 'true'">
      <h level="1" id="process-description"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.process-description'"/></xsl:call-template></h>
      <xsl:if test="$process-p = 'true'">
        <h level="2" id="process"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.process'"/></xsl:call-template></h>
        <xsl:call-template name="part"><xsl:with-param name="part" select="'process'"/><xsl:with-param name="level" select="3"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="$drill-p = 'true'">
        <h level="2" id="drill-process"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.drill-process'"/></xsl:call-template></h>
        <xsl:call-template name="part"><xsl:with-param name="part" select="'drill-process'"/><xsl:with-param name="level" select="3"/></xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ===== 5 KPIs ===== -->

  <!-- a KPI figure with its unit: "99.5%", "120 min" -->
  <xsl:template name="kpi-figure">
    <xsl:param name="x"/>
    <xsl:param name="unit"/>
    <xsl:value-of select="format-number($x, '#,##0.##')"/>
    <xsl:if test="$unit != '%'"><xsl:text> </xsl:text></xsl:if>
    <xsl:value-of select="$unit"/>
  </xsl:template>

  <xsl:template name="kpis">
    <h level="1" id="kpis"><xsl:call-template name="L"><xsl:with-param name="k" select="'section.kpis'"/></xsl:call-template></h>
    <xsl:variable name="intro"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.intro'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="month"><xsl:call-template name="month"/></xsl:variable>
    <p><xsl:call-template name="fill"><xsl:with-param name="t" select="$intro"/><xsl:with-param name="s" select="$month"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="$kpis">
        <table widths="34mm 1* 18mm 17mm 18mm 14mm 17mm" header-rows="1">
          <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'paren-open'"/></xsl:call-template><xsl:value-of select="$month"/><xsl:call-template name="L"><xsl:with-param name="k" select="'paren-close'"/></xsl:call-template></xsl:attribute>
          <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.name'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.amber'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.value'"/></xsl:call-template></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.how'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$kpis">
            <xsl:variable name="tr" select="f:trend"/>
            <xsl:variable name="cmp">
              <xsl:choose>
                <xsl:when test="@polarity = 'lower-better'">≤ </xsl:when>
                <xsl:otherwise>≥ </xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <row>
              <cell><code><xsl:value-of select="@id"/></code></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
              <cell align="right"><xsl:value-of select="$cmp"/><xsl:call-template name="kpi-figure"><xsl:with-param name="x" select="@target"/><xsl:with-param name="unit" select="@unit"/></xsl:call-template></cell>
              <cell align="right">
                <xsl:choose>
                  <xsl:when test="@amber"><xsl:value-of select="$cmp"/><xsl:call-template name="kpi-figure"><xsl:with-param name="x" select="@amber"/><xsl:with-param name="unit" select="@unit"/></xsl:call-template></xsl:when>
                  <xsl:otherwise>—</xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell align="right">
                <xsl:choose>
                  <xsl:when test="$tr/@value"><xsl:call-template name="kpi-figure"><xsl:with-param name="x" select="$tr/@value"/><xsl:with-param name="unit" select="@unit"/></xsl:call-template></xsl:when>
                  <xsl:otherwise>—</xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell align="center">
                <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="$tr/@status"/></xsl:call-template></xsl:attribute>
                <xsl:call-template name="L"><xsl:with-param name="k" select="concat('rag.', $tr/@status)"/></xsl:call-template>
              </cell>
              <cell align="center">
                <xsl:variable name="pt" select="$tr/f:point[@month = $tr/@month]"/>
                <xsl:choose>
                  <xsl:when test="$pt/@computed = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.computed'"/></xsl:call-template></xsl:when>
                  <xsl:when test="$pt"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.recorded'"/></xsl:call-template></xsl:when>
                  <xsl:otherwise>—</xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.note'"/></xsl:call-template>
          <xsl:variable name="files" select="$kpis[not(@f:file = preceding-sibling::d:kpi[translate(@process, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = $process]/@f:file)]"/>
          <xsl:for-each select="$files">
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <code><xsl:value-of select="@f:file"/></code>
          </xsl:for-each>
          <xsl:variable name="quality"><xsl:call-template name="has-part"><xsl:with-param name="part" select="'quality'"/></xsl:call-template></xsl:variable>
          <xsl:if test="$quality = 'true'">
            <xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.see-quality'"/></xsl:call-template>
            <ref to="quality"/>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.see-quality2'"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="$quality != 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'stop'"/></xsl:call-template></xsl:if>
        </p>
        <xsl:for-each select="$kpis[f:trend/@status = 'red' or f:trend/@status = 'amber']">
          <xsl:call-template name="kpi-chart"><xsl:with-param name="k" select="."/></xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.none'"/></xsl:call-template></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kpi-chart">
    <xsl:param name="k"/>
    <chart kind="line" height="46mm">
      <xsl:attribute name="title"><xsl:value-of select="$k/@id"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="$k/d:name"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'paren-open'"/></xsl:call-template><xsl:value-of select="$k/@unit"/><xsl:call-template name="L"><xsl:with-param name="k" select="'paren-close'"/></xsl:call-template></xsl:attribute>
      <xsl:for-each select="$k/f:trend/f:point"><category label="{@month}"/></xsl:for-each>
      <series>
        <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'actual'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$k/f:trend/f:point"><xsl:call-template name="v"><xsl:with-param name="x" select="@value"/></xsl:call-template></xsl:for-each>
      </series>
      <target value="{$k/@target}" polarity="{$k/@polarity}">
        <xsl:attribute name="label"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$k/@target"/></xsl:attribute>
      </target>
    </chart>
  </xsl:template>

  <!-- ===== 9 provisions, with the next review date ===== -->

  <xsl:template name="provisions">
    <xsl:variable name="has"><xsl:call-template name="has-part"><xsl:with-param name="part" select="'provisions'"/></xsl:call-template></xsl:variable>
    <xsl:if test="$has = 'true'">
      <xsl:call-template name="prose-section"><xsl:with-param name="part" select="'provisions'"/></xsl:call-template>
      <xsl:if test="$in-force and $doc/@review-by">
        <p style="note" space-before="8pt">
          <xsl:variable name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'review-by'"/></xsl:call-template></xsl:variable>
          <xsl:variable name="d"><xsl:call-template name="date"><xsl:with-param name="d" select="$doc/@review-by"/></xsl:call-template></xsl:variable>
          <xsl:call-template name="fill"><xsl:with-param name="t" select="$t"/><xsl:with-param name="v" select="normalize-space($d)"/></xsl:call-template>
        </p>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
