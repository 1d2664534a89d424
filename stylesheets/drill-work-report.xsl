<?xml version="1.0" encoding="UTF-8"?>
<!--
  drill-work-report.xsl: the monthly drill work report (灾难恢复演练工作月度
  报告) that the continuity maintainer issues for the period (ISO/IEC
  20000-1 8.7, ISO 22301 8.5). Sections:
  1 summary: counts of drills, measurements, actions, plans, findings, KPIs;
  2 drill programme: drills held in the period, this year's drills and
    those not yet held, with plan, method, date, lead and status;
  3 results of each drill held this year up to the period's end: step
    outcomes, findings by severity, plan update, drill report; objectives
    met or not; measured recovery and data loss against the drill's
    targets and the required RTO/RPO (judged by the drill-rto-exceeded /
    drill-rpo-exceeded findings on each measurement); the drill's findings;
  4 drill actions open at the period's end or done in it, overdue marked
    (drill-action-overdue);
  5 plans: exercise (last drill, next due, overdue, drill scheduled),
    significant changes calling for a retest, the period's significant
    changes, the plan documents' versions and review dates;
  6 findings of drill and plan kinds; 7 continuity (ITSCM) KPIs;
  8 data sources.

  Selection by date: drills and actions are chosen by comparing their
  YYYY-MM with the period's (held up to the period's end, held in the
  period, done after it; a drill dated after the period counts as planned);
  no figure is computed here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    exclude-result-prefixes="f d">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'drill-work-report'"/>

  <!-- the period as a number, 2026-10 -> 202610, to select by month -->
  <xsl:variable name="pnum" select="number(translate($period, '-', ''))"/>
  <xsl:variable name="year" select="substring($period, 1, 4)"/>

  <xsl:variable name="drills" select="$facts/f:drills/d:drill"/>
  <!-- held drills dated up to the period's end: those the facts judge -->
  <xsl:variable name="held" select="$drills[@status = 'held'][number(translate(substring(@date, 1, 7), '-', '')) &lt;= $pnum]"/>
  <xsl:variable name="held-year" select="$held[substring(@date, 1, 4) = $year]"/>
  <xsl:variable name="held-period" select="$held[substring(@date, 1, 7) = $period]"/>
  <!-- planned: not yet held at the period's end (a drill held after the
       period counts as planned in the period's report) -->
  <xsl:variable name="planned" select="$drills[@status = 'planned' or (@status = 'held' and number(translate(substring(@date, 1, 7), '-', '')) &gt; $pnum)]"/>
  <!-- the programme: this year's drills and every planned one -->
  <xsl:variable name="programme" select="$drills[substring(@date, 1, 4) = $year] | $planned"/>
  <!-- actions open at the period's end, and those done in it -->
  <xsl:variable name="open-actions" select="$held/d:result/d:action[not(@done) or number(translate(substring(@done, 1, 7), '-', '')) &gt; $pnum]"/>
  <xsl:variable name="closed-actions" select="$held/d:result/d:action[substring(@done, 1, 7) = $period]"/>
  <xsl:variable name="measured" select="$held-year/d:result/d:measured"/>
  <xsl:variable name="plans" select="$facts/f:plans/d:plan"/>
  <xsl:variable name="cpolicy" select="$policy/d:continuity-policy"/>
  <xsl:variable name="kpis" select="$facts/f:kpis/d:kpi[translate(@process, 'itscm', 'ITSCM') = 'ITSCM']"/>
  <xsl:variable name="finding-kinds" select="'plan-drill-overdue plan-retest-due plan-order-conflict drill-action-overdue drill-rto-exceeded drill-rpo-exceeded'"/>
  <xsl:variable name="findings" select="$facts/f:findings/f:finding[contains(concat(' ', $finding-kinds, ' '), concat(' ', @kind, ' '))]"/>

  <xsl:template name="report-period"><xsl:call-template name="month"/></xsl:template>

  <xsl:template match="/">
    <document>
      <xsl:call-template name="document-attributes"/>
      <xsl:call-template name="head"/>
      <xsl:call-template name="cover">
        <xsl:with-param name="subtitle"><xsl:call-template name="month"/></xsl:with-param>
      </xsl:call-template>
      <section master="body">
        <xsl:call-template name="front-matter"/>
        <xsl:call-template name="summary"/>
        <xsl:call-template name="programme"/>
        <xsl:call-template name="results"/>
        <xsl:call-template name="actions"/>
        <xsl:call-template name="plans"/>
        <xsl:call-template name="findings"/>
        <xsl:call-template name="kpis"/>
        <xsl:call-template name="sources"/>
      </section>
    </document>
  </xsl:template>

  <!-- ===== small pieces ===== -->


  <!-- a computed figure in minutes, or a dash when it does not apply -->
  <xsl:template name="min-or-dash">
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="string($m) = ''">—</xsl:when>
      <xsl:otherwise><xsl:call-template name="minutes"><xsl:with-param name="m" select="$m"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="plan-title">
    <xsl:param name="id"/>
    <xsl:call-template name="t"><xsl:with-param name="n" select="$plans[@id = $id]/d:title"/></xsl:call-template>
  </xsl:template>

  <!-- a table's caption and its continued caption, from one label -->
  <xsl:template name="captions">
    <xsl:param name="k"/>
    <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
    <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
  </xsl:template>

  <!-- ids of drills, separated -->
  <xsl:template name="drill-ids">
    <xsl:param name="set"/>
    <xsl:for-each select="$set">
      <xsl:sort select="@date"/>
      <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
      <xsl:value-of select="@id"/>
    </xsl:for-each>
  </xsl:template>

  <!-- "label n、label n": how many records of set have each value (of
       @outcome or @severity) in the order of values; values with none left out -->
  <xsl:template name="tally">
    <xsl:param name="set"/>
    <xsl:param name="values"/>
    <xsl:param name="prefix"/>
    <xsl:param name="first" select="true()"/>
    <xsl:if test="normalize-space($values) != ''">
      <xsl:variable name="v" select="substring-before(concat(normalize-space($values), ' '), ' ')"/>
      <xsl:variable name="n" select="count($set[@outcome = $v or @severity = $v])"/>
      <xsl:if test="$n &gt; 0">
        <xsl:if test="not($first)"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
        <xsl:call-template name="L"><xsl:with-param name="k" select="concat($prefix, $v)"/></xsl:call-template>
        <xsl:text> </xsl:text><xsl:value-of select="$n"/>
      </xsl:if>
      <xsl:call-template name="tally">
        <xsl:with-param name="set" select="$set"/>
        <xsl:with-param name="values" select="substring-after(normalize-space($values), ' ')"/>
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="first" select="$first and $n = 0"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- a status cell: background from rag-colour, words from a label -->
  <xsl:template name="status-cell">
    <xsl:param name="rag"/>
    <xsl:param name="k"/>
    <cell align="center">
      <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="$rag"/></xsl:call-template></xsl:attribute>
      <xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template>
    </cell>
  </xsl:template>

  <!-- ===== 1 summary ===== -->
  <xsl:template name="summary">
    <xsl:variable name="overdue-actions" select="$open-actions[contains(@f:findings, 'drill-action-overdue')]"/>
    <xsl:variable name="measured-ok" select="$measured[not(contains(@f:findings, 'drill-rto-exceeded') or contains(@f:findings, 'drill-rpo-exceeded'))]"/>
    <xsl:variable name="plans-overdue" select="$plans[f:exercise/@drill-overdue = 'true']"/>
    <xsl:variable name="plans-retest" select="$plans[f:exercise/@retest-due = 'true']"/>
    <h level="1" id="summary"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.intro'"/></xsl:call-template></p>
    <table widths="1* 1*" header-rows="1">
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.caption'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.item'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.value'"/></xsl:call-template></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.held-period'"/></xsl:call-template></cell>
        <cell>
          <xsl:value-of select="count($held-period)"/>
          <xsl:if test="$held-period"><xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:call-template name="drill-ids"><xsl:with-param name="set" select="$held-period"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template></xsl:if>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.held-year'"/></xsl:call-template></cell>
        <cell>
          <xsl:value-of select="count($held-year)"/>
          <xsl:if test="$held-year"><xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:call-template name="drill-ids"><xsl:with-param name="set" select="$held-year"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template></xsl:if>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.planned'"/></xsl:call-template></cell>
        <cell>
          <xsl:value-of select="count($planned)"/>
          <xsl:for-each select="$planned">
            <xsl:sort select="@date"/>
            <xsl:if test="position() = 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.next'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:value-of select="@date"/><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template></xsl:if>
          </xsl:for-each>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.measured'"/></xsl:call-template></cell>
        <cell>
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(count($measured-ok) = count($measured))"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($measured-ok)"/> / <xsl:value-of select="count($measured)"/>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.open-actions'"/></xsl:call-template></cell>
        <cell>
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(count($overdue-actions) = 0)"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($open-actions)"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.of-which-overdue'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="count($overdue-actions)"/><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.closed-actions'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="count($closed-actions)"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.plans-overdue'"/></xsl:call-template></cell>
        <cell>
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(count($plans-overdue) = 0)"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($plans-overdue)"/> / <xsl:value-of select="count($plans)"/>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.plans-retest'"/></xsl:call-template></cell>
        <cell>
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(count($plans-retest) = 0)"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($plans-retest)"/> / <xsl:value-of select="count($plans)"/>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.findings'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="count($findings)"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.kpis'"/></xsl:call-template></cell>
        <cell>
          <xsl:value-of select="count($kpis[f:trend/@status = 'green'])"/><xsl:text> / </xsl:text>
          <xsl:value-of select="count($kpis[f:trend/@status = 'amber'])"/><xsl:text> / </xsl:text>
          <xsl:value-of select="count($kpis[f:trend/@status = 'red'])"/>
        </cell>
      </row>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== 2 the drill programme ===== -->
  <xsl:template name="programme">
    <h level="1" id="programme"><xsl:call-template name="L"><xsl:with-param name="k" select="'programme'"/></xsl:call-template></h>
    <p>
      <xsl:choose>
        <xsl:when test="$held-period">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'programme.held'"/></xsl:call-template>
          <xsl:value-of select="count($held-period)"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'programme.held2'"/></xsl:call-template>
          <xsl:call-template name="drill-ids"><xsl:with-param name="set" select="$held-period"/></xsl:call-template>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'programme.held3'"/></xsl:call-template>
          <ref to="results"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'programme.held4'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'programme.none-held'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$planned">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'programme.planned'"/></xsl:call-template>
          <xsl:value-of select="count($planned)"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'programme.planned2'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'programme.none-planned'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </p>
    <table widths="auto 1* auto auto auto auto auto" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'programme.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'method'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-date'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'lead'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-status'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$programme">
        <xsl:sort select="@date"/>
        <row>
          <xsl:if test="substring(@date, 1, 7) = $period"><xsl:attribute name="background">#EEF2F6</xsl:attribute></xsl:if>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
          <cell><xsl:value-of select="@plan"/></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('method.', d:method/@kind)"/></xsl:call-template></cell>
          <cell><xsl:value-of select="@date"/></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@lead"/></xsl:call-template></cell>
          <xsl:variable name="st">
            <xsl:choose>
              <xsl:when test="count(. | $planned) = count($planned)">planned</xsl:when>
              <xsl:otherwise><xsl:value-of select="@status"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <cell align="center">
            <xsl:attribute name="background">
              <xsl:choose>
                <xsl:when test="$st = 'held'">#D7EED9</xsl:when>
                <xsl:when test="$st = 'cancelled'">#F9D0D0</xsl:when>
                <xsl:otherwise>#F2F2F2</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:call-template name="L"><xsl:with-param name="k" select="concat('drill-status.', $st)"/></xsl:call-template>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'programme.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== 3 results of the drills held this year ===== -->
  <xsl:template name="results">
    <h level="1" id="results"><xsl:call-template name="L"><xsl:with-param name="k" select="'results'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$held-year">
        <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'results.intro'"/></xsl:call-template></p>
        <xsl:for-each select="$held-year">
          <xsl:sort select="@date" order="descending"/>
          <xsl:call-template name="drill-result"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'results.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- one held drill (the context node) -->
  <xsl:template name="drill-result">
    <xsl:variable name="dr" select="."/>
    <xsl:variable name="r" select="d:result"/>
    <xsl:variable name="report" select="$facts/f:register/d:document[@kind = 'drill-report' and @drill = current()/@id]"/>
    <group keep-together="true">
    <h level="2">
      <xsl:value-of select="@id"/>　<xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template>
      <xsl:if test="substring(@date, 1, 7) = $period"><xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'results.this-month'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template></xsl:if>
    </h>
    <table widths="auto 1.5* auto 1*">
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="@plan"/><xsl:text> </xsl:text><xsl:call-template name="plan-title"><xsl:with-param name="id" select="@plan"/></xsl:call-template></cell>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-date'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="@date"/></cell>
      </row>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'method'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('method.', d:method/@kind)"/></xsl:call-template></cell>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'lead'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@lead"/></xsl:call-template></cell>
      </row>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'steps'"/></xsl:call-template></cell>
        <cell>
          <xsl:call-template name="tally"><xsl:with-param name="set" select="$r/d:step-result"/><xsl:with-param name="values" select="'as-expected deviation failed skipped'"/><xsl:with-param name="prefix" select="'outcome.'"/></xsl:call-template>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'total'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="count($r/d:step-result)"/><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template>
        </cell>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-findings'"/></xsl:call-template></cell>
        <cell>
          <xsl:choose>
            <xsl:when test="$r/d:finding">
              <xsl:call-template name="tally"><xsl:with-param name="set" select="$r/d:finding"/><xsl:with-param name="values" select="'major minor observation'"/><xsl:with-param name="prefix" select="'severity.'"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </cell>
      </row>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update'"/></xsl:call-template></cell>
        <cell>
          <xsl:choose>
            <xsl:when test="$r/d:plan-update"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('plan-update.', $r/d:plan-update/@required)"/></xsl:call-template></xsl:when>
            <xsl:otherwise>—</xsl:otherwise>
          </xsl:choose>
        </cell>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-report'"/></xsl:call-template></cell>
        <cell>
          <xsl:choose>
            <xsl:when test="$report"><xsl:for-each select="$report"><xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if><xsl:value-of select="@number"/><xsl:text> </xsl:text><xsl:value-of select="@version"/></xsl:for-each></xsl:when>
            <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </cell>
      </row>
    </table>
    </group>

    <!-- objectives -->
    <group keep-together="true">
    <table widths="auto 1* 31mm auto" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'objectives.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'objective'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'objective.met'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="d:objective">
        <xsl:variable name="m" select="$r/d:measured[@service = current()/@service]"/>
        <row>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:value-of select="normalize-space(.)"/></cell>
          <cell><xsl:if test="@service"><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></xsl:if></cell>
          <xsl:choose>
            <xsl:when test="not(@service) or not(@target-rto or @target-rpo)">
              <xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'na'"/><xsl:with-param name="k" select="'objective.qualitative'"/></xsl:call-template>
            </xsl:when>
            <xsl:when test="contains($m/@f:findings, 'drill-rto-exceeded') or contains($m/@f:findings, 'drill-rpo-exceeded')">
              <xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'red'"/><xsl:with-param name="k" select="'objective.missed'"/></xsl:call-template>
            </xsl:when>
            <xsl:when test="not($m) or (@target-rpo and not($m/@data-loss))">
              <xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'amber'"/><xsl:with-param name="k" select="'objective.not-measured'"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'green'"/><xsl:with-param name="k" select="'objective.achieved'"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </row>
      </xsl:for-each>
    </table>
    </group>

    <!-- measured recovery and data loss -->
    <xsl:if test="$r/d:measured">
      <table header-rows="2">
        <xsl:attribute name="widths">
          <xsl:choose>
            <xsl:when test="$en">1* 13mm 18mm 19mm 18mm 13mm 18mm 19mm 18mm</xsl:when>
            <xsl:otherwise>1* 15mm 15mm 21mm 13mm 15mm 15mm 21mm 13mm</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="captions"><xsl:with-param name="k" select="'measured.caption'"/></xsl:call-template>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
          <cell colspan="4" align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.rto'"/></xsl:call-template></cell>
          <cell colspan="4" align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.rpo'"/></xsl:call-template></cell>
        </row>
        <row>
          <cell/>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.drill-target'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.required'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.recovery'"/></xsl:call-template></cell>
          <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.drill-target'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.required'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'measured.data-loss'"/></xsl:call-template></cell>
          <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
        </row>
        <xsl:for-each select="$r/d:measured">
          <xsl:variable name="o" select="$dr/d:objective[@service = current()/@service]"/>
          <xsl:variable name="rec" select="key('service', current()/@service)/f:recovery"/>
          <row>
            <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="dur"><xsl:with-param name="d" select="$o[@target-rto][1]/@target-rto"/><xsl:with-param name="none" select="'—'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="min-or-dash"><xsl:with-param name="m" select="$rec/@rto-minutes"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="dur"><xsl:with-param name="d" select="@recovery"/><xsl:with-param name="none" select="'—'"/></xsl:call-template></cell>
            <xsl:choose>
              <xsl:when test="contains(@f:findings, 'drill-rto-exceeded')"><xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'red'"/><xsl:with-param name="k" select="'exceeded'"/></xsl:call-template></xsl:when>
              <xsl:when test="$o/@target-rto or $rec/@rto-minutes"><xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'green'"/><xsl:with-param name="k" select="'within'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'na'"/><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
            <cell align="right"><xsl:call-template name="dur"><xsl:with-param name="d" select="$o[@target-rpo][1]/@target-rpo"/><xsl:with-param name="none" select="'—'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="min-or-dash"><xsl:with-param name="m" select="$rec/@rpo-minutes"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="dur"><xsl:with-param name="d" select="@data-loss"/><xsl:with-param name="none" select="'—'"/></xsl:call-template></cell>
            <xsl:choose>
              <xsl:when test="contains(@f:findings, 'drill-rpo-exceeded')"><xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'red'"/><xsl:with-param name="k" select="'exceeded'"/></xsl:call-template></xsl:when>
              <xsl:when test="not(@data-loss)"><xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'na'"/><xsl:with-param name="k" select="'not-measured'"/></xsl:call-template></xsl:when>
              <xsl:when test="$o/@target-rpo or $rec/@rpo-minutes"><xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'green'"/><xsl:with-param name="k" select="'within'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="status-cell"><xsl:with-param name="rag" select="'na'"/><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </row>
        </xsl:for-each>
      </table>
    </xsl:if>

    <!-- the drill's findings -->
    <xsl:if test="$r/d:finding">
      <table widths="auto auto 1*" header-rows="1">
        <xsl:call-template name="captions"><xsl:with-param name="k" select="'drill-findings.caption'"/></xsl:call-template>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'severity'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-finding'"/></xsl:call-template></cell>
        </row>
        <xsl:for-each select="$r/d:finding">
          <row>
            <cell><xsl:value-of select="@id"/></cell>
            <cell>
              <xsl:attribute name="background">
                <xsl:choose>
                  <xsl:when test="@severity = 'major'">#F9D0D0</xsl:when>
                  <xsl:when test="@severity = 'minor'">#FFE7C2</xsl:when>
                  <xsl:otherwise>#F2F2F2</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:call-template name="L"><xsl:with-param name="k" select="concat('severity.', @severity)"/></xsl:call-template>
            </cell>
            <cell><xsl:value-of select="normalize-space(.)"/></cell>
          </row>
        </xsl:for-each>
      </table>
    </xsl:if>
    <xsl:if test="$r/d:plan-update[@required = 'true']">
      <p><b><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template></b><xsl:value-of select="normalize-space($r/d:plan-update)"/></p>
    </xsl:if>
  </xsl:template>

  <!-- ===== 4 follow-up of drill actions ===== -->
  <xsl:template name="actions">
    <h level="1" id="actions"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$open-actions | $closed-actions">
        <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.intro'"/></xsl:call-template></p>
        <table widths="auto 1* auto auto auto auto" header-rows="1">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'actions.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action.from'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action.finding'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'owner'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'due'"/></xsl:call-template></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'action.status'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$open-actions | $closed-actions">
            <xsl:sort select="@due"/>
            <row>
              <cell><xsl:value-of select="ancestor::d:drill/@id"/>/<xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="normalize-space(.)"/></cell>
              <cell><xsl:value-of select="@finding"/></cell>
              <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@due"/></cell>
              <cell align="center">
                <xsl:choose>
                  <xsl:when test="substring(@done, 1, 7) = $period">
                    <xsl:attribute name="background">#D7EED9</xsl:attribute>
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'action.done'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@done"/>
                  </xsl:when>
                  <xsl:when test="contains(@f:findings, 'drill-action-overdue')">
                    <xsl:attribute name="background">#F9D0D0</xsl:attribute>
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'action.overdue'"/></xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'action.open'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== 5 plans: exercise, retest, review ===== -->
  <xsl:template name="plans">
    <h level="1" id="plans"><xsl:call-template name="L"><xsl:with-param name="k" select="'plans'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'plans.intro'"/></xsl:call-template>
      <xsl:value-of select="$cpolicy/@drill-months"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'plans.intro2'"/></xsl:call-template>
      <xsl:value-of select="$cpolicy/@review-months"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'plans.intro3'"/></xsl:call-template>
    </p>

    <h level="2" id="plans-exercise"><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.exercise'"/></xsl:call-template></h>
    <table widths="1* auto auto auto auto 34mm" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'plans.exercise.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'owner'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'last-drill'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'next-drill'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-overdue'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.scheduled'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plans">
        <xsl:variable name="e" select="f:exercise"/>
        <xsl:variable name="next" select="$planned[@plan = current()/@id]"/>
        <row>
          <cell><xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
          <cell><xsl:choose><xsl:when test="$e/@last-drill"><xsl:value-of select="$e/@last-drill"/></xsl:when><xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'never'"/></xsl:call-template></xsl:otherwise></xsl:choose></cell>
          <cell><xsl:value-of select="$e/@next-drill-due"/></cell>
          <xsl:call-template name="status-cell">
            <xsl:with-param name="rag" select="string($e/@drill-overdue = 'false')"/>
            <xsl:with-param name="k" select="concat('yesno.', $e/@drill-overdue)"/>
          </xsl:call-template>
          <cell>
            <xsl:choose>
              <xsl:when test="$next">
                <xsl:for-each select="$next">
                  <xsl:sort select="@date"/>
                  <xsl:if test="position() &gt; 1"><br/></xsl:if>
                  <xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:value-of select="@date"/>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>
                <xsl:if test="$e/@drill-overdue = 'true'"><xsl:attribute name="background">#FFE7C2</xsl:attribute></xsl:if>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'plans.not-scheduled'"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.exercise.note'"/></xsl:call-template></p>

    <h level="2" id="plans-retest"><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.retest'"/></xsl:call-template></h>
    <table widths="auto auto auto 1* auto" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'plans.retest.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'retest.changed'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'retest.source'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'retest.what'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'retest-due'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plans">
        <xsl:variable name="e" select="f:exercise"/>
        <row>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:choose><xsl:when test="$e/@changed"><xsl:value-of select="$e/@changed"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$e/@change"><xsl:value-of select="$e/@change"/></xsl:when>
              <xsl:when test="$e/@changed"><xsl:call-template name="L"><xsl:with-param name="k" select="'retest.plan-note'"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$e/@change"><xsl:call-template name="t"><xsl:with-param name="n" select="$facts/f:changes/d:change[@id = $e/@change]/d:title"/></xsl:call-template></xsl:when>
              <xsl:when test="$e/@changed"><xsl:call-template name="t"><xsl:with-param name="n" select="d:significant-change"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <xsl:call-template name="status-cell">
            <xsl:with-param name="rag" select="string($e/@retest-due = 'false')"/>
            <xsl:with-param name="k" select="concat('yesno.', $e/@retest-due)"/>
          </xsl:call-template>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.retest.note'"/></xsl:call-template></p>

    <!-- significant changes of the period -->
    <xsl:variable name="sig" select="$facts/f:changes/d:change[@f:month = $period and @significant = 'true']"/>
    <h level="2" id="plans-changes"><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.changes'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$sig">
        <table widths="auto 30mm 1* auto auto" header-rows="1">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'plans.changes.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.title'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.status'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.plans'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$sig">
            <xsl:variable name="cov" select="$plans[d:covers/@service = current()/@service]"/>
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
              <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('change.status.', @status)"/></xsl:call-template></cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="$cov"><xsl:for-each select="$cov"><xsl:if test="position() &gt; 1"><br/></xsl:if><xsl:value-of select="@id"/></xsl:for-each></xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.changes.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>

    <!-- the plan documents and their review dates -->
    <h level="2" id="plans-review"><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.review'"/></xsl:call-template></h>
    <table widths="auto 1* auto auto auto auto auto" header-rows="1">
      <xsl:call-template name="captions"><xsl:with-param name="k" select="'plans.review.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'review.document'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'review.number'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'version'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'review.status'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'review.effective'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'review.by'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$plans">
        <xsl:variable name="docs" select="$facts/f:register/d:document[@kind = 'continuity-plan' and @plan = current()/@id]"/>
        <xsl:choose>
          <xsl:when test="$docs">
            <xsl:for-each select="$docs">
              <row>
                <cell><xsl:value-of select="@plan"/></cell>
                <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
                <cell><xsl:value-of select="@number"/></cell>
                <cell><xsl:value-of select="@version"/></cell>
                <cell>
                  <xsl:if test="@status != 'approved'"><xsl:attribute name="background">#FFE7C2</xsl:attribute></xsl:if>
                  <xsl:call-template name="L"><xsl:with-param name="k" select="concat('status.', @status)"/></xsl:call-template>
                </cell>
                <cell><xsl:choose><xsl:when test="d:revision[last()]/@effective"><xsl:value-of select="d:revision[last()]/@effective"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
                <cell><xsl:choose><xsl:when test="@review-by"><xsl:value-of select="@review-by"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              </row>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell colspan="6"><xsl:call-template name="L"><xsl:with-param name="k" select="'review.no-document'"/></xsl:call-template></cell>
            </row>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'plans.review.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== 6 findings of drill and plan kinds ===== -->
  <xsl:template name="findings">
    <group keep-together="true" keep-with-next="true">
      <h level="1" id="findings"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.title'"/></xsl:call-template></h>
      <p><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.intro'"/></xsl:call-template></p>
    </group>
    <xsl:call-template name="findings-table"><xsl:with-param name="kinds" select="$finding-kinds"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 7 continuity KPIs ===== -->
  <xsl:template name="kpis">
    <h level="1" id="kpis"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$kpis">
        <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.intro'"/></xsl:call-template></p>
        <table widths="1* auto auto auto auto auto auto" header-rows="1">
          <xsl:call-template name="captions"><xsl:with-param name="k" select="'kpis.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'kpi'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'actual'"/></xsl:call-template></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpi.delta-prev'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpi.moving'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpi.missed-run'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$kpis">
            <xsl:variable name="t" select="f:trend"/>
            <row>
              <cell><xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:value-of select="@unit"/><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template></cell>
              <cell align="right"><xsl:value-of select="@target"/></cell>
              <cell align="right"><xsl:choose><xsl:when test="$t/@value"><xsl:value-of select="format-number($t/@value, '#,##0.##')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <xsl:call-template name="status-cell">
                <xsl:with-param name="rag" select="$t/@status"/>
                <xsl:with-param name="k" select="concat('rag.', $t/@status)"/>
              </xsl:call-template>
              <cell align="right"><xsl:choose><xsl:when test="$t/@delta-previous"><xsl:value-of select="format-number($t/@delta-previous, '+#,##0.##;-#,##0.##')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell align="right"><xsl:choose><xsl:when test="$t/@moving-average-3"><xsl:value-of select="format-number($t/@moving-average-3, '#,##0.##')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell align="right"><xsl:value-of select="$t/@missed-run"/></cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.note'"/></xsl:call-template></p>
        <xsl:for-each select="$kpis[f:trend/@status = 'red' or f:trend/@status = 'amber' or f:trend/@missed-run &gt; 0]">
          <chart kind="line" height="48mm">
            <xsl:attribute name="title"><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'lp'"/></xsl:call-template><xsl:value-of select="@unit"/><xsl:call-template name="L"><xsl:with-param name="k" select="'rp'"/></xsl:call-template></xsl:attribute>
            <xsl:for-each select="f:trend/f:point"><category label="{@month}"/></xsl:for-each>
            <series>
              <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'actual'"/></xsl:call-template></xsl:attribute>
              <xsl:for-each select="f:trend/f:point"><xsl:call-template name="v"><xsl:with-param name="x" select="@value"/></xsl:call-template></xsl:for-each>
            </series>
            <target value="{@target}" polarity="{@polarity}">
              <xsl:attribute name="label"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@target"/></xsl:attribute>
            </target>
          </chart>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== 8 data sources ===== -->
  <xsl:template name="sources">
    <h level="1" id="sources"><xsl:call-template name="L"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.intro'"/></xsl:call-template></p>
    <xsl:call-template name="sources-table">
      <xsl:with-param name="kinds" select="'drill plan changes policies register kpis'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
