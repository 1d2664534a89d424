<?xml version="1.0" encoding="UTF-8"?>
<!--
  quarterly-service-report.xsl: the quarterly service report, the service
  management's input to the management review of ISO/IEC 20000-1 9.3. The
  quarter is the calendar quarter of the period, rolled up from the months
  that have records (f:quarters, facts.md 5.9; metrics.md 15 "Quarters"),
  reported to date while it is not over; the four quarters before it give
  the trends.

   1 summary: which months were counted, whether the quarter is to date,
     the key figures against the previous quarter
   2 availability of every service for the quarter against its target
   3 incidents by level with timeliness; the quarter's major incidents
   4 changes: the quarter's counts and its failed, rolled-back, emergency
     and significant changes
   5 customer satisfaction: the surveys and the complaints of the quarter
   6 supplier performance: each supplier, its contract and expiry, the
     services it supplies with their quarter availability and status
   7 resources and capacity: workload of the quarter's months against limits
   8 continuity: plan invocations and drills in the quarter, plan exercise
   9 risks and opportunities: residual heat map, open risks with band,
     appetite and open treatments; opportunities (none in the sources)
  10 trends across quarters: availability (services that missed a target in
     any quarter, and all services of the top grade), incidents and
     timeliness, change success, KPI quarter means by KPI group (charts)
  11 nonconformities and findings (findings-table, at the period's end)
  12 improvement actions: drill actions and risk treatments with status
  13 data sources
  appendix A: availability by quarter, one chart a service of 10.1
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    exclude-result-prefixes="f d">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'quarterly-service-report'"/>

  <xsl:key name="kpi-group" match="d:kpi" use="concat(@process, '|', @unit)"/>

  <!-- the quarters: the current one (the period's, to date), the one before,
       and those with records (for record-based trends) -->
  <xsl:variable name="quarters" select="$facts/f:quarters/f:quarter"/>
  <xsl:variable name="q" select="$quarters[@current = 'true']"/>
  <xsl:variable name="qprev" select="$q/preceding-sibling::f:quarter[1]"/>
  <xsl:variable name="recq" select="$quarters[@months &gt; 0]"/>
  <xsl:variable name="cmp" select="$qprev/@months &gt; 0"/>
  <xsl:variable name="ongoing" select="$q/@last-month != $period"/>

  <!-- months as numbers (202610) to select records of the months counted -->
  <xsl:variable name="qf" select="number(translate($q/@from, '-', ''))"/>
  <xsl:variable name="qt" select="number(translate($q/@to, '-', ''))"/>
  <xsl:variable name="qfirst" select="number(translate($q/@first-month, '-', ''))"/>
  <xsl:variable name="qlast" select="number(translate($q/@last-month, '-', ''))"/>

  <xsl:variable name="qincidents" select="$facts/f:incidents/d:incident[f:timeline[number(translate(@month, '-', '')) &gt;= $qf and number(translate(@month, '-', '')) &lt;= $qt]]"/>
  <xsl:variable name="qmajor" select="$qincidents[f:timeline/@major = 'true']"/>
  <xsl:variable name="qchanges" select="$facts/f:changes/d:change[number(translate(@f:month, '-', '')) &gt;= $qf and number(translate(@f:month, '-', '')) &lt;= $qt]"/>
  <xsl:variable name="qcomplaints" select="$facts/f:satisfaction/d:complaint[number(translate(@f:month, '-', '')) &gt;= $qf and number(translate(@f:month, '-', '')) &lt;= $qt]"/>
  <xsl:variable name="qsurveys" select="$facts/f:satisfaction/d:survey[number(translate(@month, '-', '')) &gt;= $qf and number(translate(@month, '-', '')) &lt;= $qt]"/>
  <xsl:variable name="qmeasures" select="$facts/f:workload/d:measure[number(translate(@month, '-', '')) &gt;= $qf and number(translate(@month, '-', '')) &lt;= $qt]"/>
  <xsl:variable name="qdrills" select="$facts/f:drills/d:drill[number(translate(substring(@date, 1, 7), '-', '')) &gt;= $qfirst and number(translate(substring(@date, 1, 7), '-', '')) &lt;= $qlast]"/>

  <!-- the top grade (rank 1) of the incident policy in force -->
  <xsl:variable name="top-grade" select="$policy/d:incident-policy/d:grade[@rank = '1']/@id"/>
  <!-- services of the availability trend: top grade, or missed in any quarter -->
  <xsl:variable name="trend-services" select="$facts/f:services/d:service[@grade = $top-grade or @id = $recq/f:service[@met = 'false']/@ref]"/>

  <!-- open improvement actions, and those done within the quarter -->
  <xsl:variable name="drill-actions" select="$facts/f:drills/d:drill[@status = 'held']/d:result/d:action[not(@done) or (number(translate(substring(@done, 1, 7), '-', '')) &gt;= $qfirst and number(translate(substring(@done, 1, 7), '-', '')) &lt;= $qt)]"/>
  <xsl:variable name="treatments" select="$facts/f:risks/d:risk[@status != 'closed']/d:treatment[(not(@done) and @due) or (@done and number(translate(substring(@done, 1, 7), '-', '')) &gt;= $qfirst and number(translate(substring(@done, 1, 7), '-', '')) &lt;= $qt)]"/>

  <!-- brackets around a figure's detail, in the document's language -->
  <xsl:variable name="po"><xsl:choose><xsl:when test="$en"> (</xsl:when><xsl:otherwise>（</xsl:otherwise></xsl:choose></xsl:variable>
  <xsl:variable name="pc"><xsl:choose><xsl:when test="$en">)</xsl:when><xsl:otherwise>）</xsl:otherwise></xsl:choose></xsl:variable>

  <xsl:variable name="grey">#EEF2F6</xsl:variable>
  <xsl:variable name="red">#F9D0D0</xsl:variable>

  <!-- ===== the quarter in words ===== -->

  <!-- 2026年第4季度 / Q4 2026 -->
  <xsl:template name="quarter-name">
    <xsl:param name="q" select="$q"/>
    <xsl:call-template name="fill">
      <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'quarter.name'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="s" select="substring($q/@id, 1, 4)"/>
      <xsl:with-param name="v" select="substring-after($q/@id, 'Q')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the months counted: "2026年8月至2026年9月", one month alone, or none -->
  <xsl:template name="quarter-months">
    <xsl:param name="q" select="$q"/>
    <xsl:choose>
      <xsl:when test="not($q/@months &gt; 0)"><xsl:call-template name="L"><xsl:with-param name="k" select="'months.none'"/></xsl:call-template></xsl:when>
      <xsl:when test="$q/@from = $q/@to"><xsl:call-template name="month"><xsl:with-param name="m" select="$q/@from"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <!-- within one year the year is written once: 2026年8月至9月 / August to September 2026 -->
        <xsl:variable name="one-year" select="substring($q/@from, 1, 4) = substring($q/@to, 1, 4)"/>
        <xsl:variable name="a"><xsl:call-template name="month"><xsl:with-param name="m" select="$q/@from"/></xsl:call-template></xsl:variable>
        <xsl:variable name="b"><xsl:call-template name="month"><xsl:with-param name="m" select="$q/@to"/></xsl:call-template></xsl:variable>
        <xsl:choose>
          <xsl:when test="$one-year and $en"><xsl:value-of select="substring-before($a, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$a"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="L"><xsl:with-param name="k" select="'months.to'"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$one-year and not($en)"><xsl:value-of select="substring-after($b, '年')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$b"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "(1 个月)" under a quarter's id in trend tables -->
  <xsl:template name="months-count">
    <xsl:param name="q"/>
    <xsl:call-template name="fill">
      <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'months.count'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="v" select="$q/@months"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the quarter, and to which month it runs when it is not complete -->
  <xsl:template name="report-period">
    <xsl:call-template name="quarter-name"/>
    <xsl:choose>
      <xsl:when test="$q/@complete = 'true'"/>
      <xsl:when test="$ongoing and $q/@months &gt; 0">
        <xsl:call-template name="fill">
          <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'period.to-date'"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="s"><xsl:call-template name="month"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="fill">
          <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'period.partial'"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="s"><xsl:call-template name="quarter-months"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a source duration as written ("2h", "30min", "1d") in words -->
  <xsl:template name="duration">
    <xsl:param name="d"/>
    <xsl:variable name="sp"><xsl:if test="$en"><xsl:text> </xsl:text></xsl:if></xsl:variable>
    <xsl:choose>
      <xsl:when test="substring($d, string-length($d) - 2) = 'min' and string(number(substring-before($d, 'min'))) != 'NaN'">
        <xsl:value-of select="substring-before($d, 'min')"/><xsl:value-of select="$sp"/><xsl:call-template name="L"><xsl:with-param name="k" select="'minutes'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="substring($d, string-length($d)) = 'h' and string(number(substring-before($d, 'h'))) != 'NaN'">
        <xsl:value-of select="substring-before($d, 'h')"/><xsl:value-of select="$sp"/><xsl:call-template name="L"><xsl:with-param name="k" select="'hours'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="substring($d, string-length($d)) = 'd' and string(number(substring-before($d, 'd'))) != 'NaN'">
        <xsl:value-of select="substring-before($d, 'd')"/><xsl:value-of select="$sp"/><xsl:call-template name="L"><xsl:with-param name="k" select="'days'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$d"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "x / y（z%）" -->
  <xsl:template name="share">
    <xsl:param name="n"/>
    <xsl:param name="of"/>
    <xsl:param name="pct"/>
    <xsl:param name="compact" select="false()"/>
    <xsl:value-of select="$n"/>
    <xsl:choose><xsl:when test="$compact">/</xsl:when><xsl:otherwise> / </xsl:otherwise></xsl:choose>
    <xsl:value-of select="$of"/>
    <xsl:if test="string($pct) != ''"><xsl:value-of select="$po"/><xsl:call-template name="pct"><xsl:with-param name="v" select="$pct"/><xsl:with-param name="digits" select="1"/></xsl:call-template><xsl:value-of select="$pc"/></xsl:if>
  </xsl:template>

  <!-- the status cell of a service's quarter availability -->
  <xsl:template name="met-cell">
    <xsl:param name="a"/>
    <xsl:variable name="st">
      <xsl:choose>
        <xsl:when test="not($a) or $a/@applicable != 'true' or not($a/@met)">na</xsl:when>
        <xsl:when test="$a/@met = 'true'">green</xsl:when>
        <xsl:otherwise>red</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <cell align="center">
      <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="$st"/></xsl:call-template></xsl:attribute>
      <xsl:choose>
        <xsl:when test="$st = 'na'"><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:when>
        <xsl:when test="$st = 'green'"><xsl:call-template name="L"><xsl:with-param name="k" select="'met'"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'missed'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </cell>
  </xsl:template>

  <!-- a caption and its "continued" form -->
  <xsl:template name="caption">
    <xsl:param name="k"/>
    <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
    <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
  </xsl:template>

  <!-- ===== the document ===== -->

  <xsl:template match="/">
    <document>
      <xsl:call-template name="document-attributes"/>
      <xsl:call-template name="head"/>
      <xsl:call-template name="cover">
        <xsl:with-param name="subtitle"><xsl:call-template name="report-period"/></xsl:with-param>
      </xsl:call-template>
      <section master="body">
        <xsl:call-template name="front-matter"/>
        <xsl:call-template name="summary"/>
        <xsl:call-template name="availability"/>
        <xsl:call-template name="incidents"/>
        <xsl:call-template name="changes"/>
        <xsl:call-template name="satisfaction"/>
        <xsl:call-template name="suppliers"/>
        <xsl:call-template name="capacity"/>
        <xsl:call-template name="continuity"/>
        <xsl:call-template name="risks"/>
        <xsl:call-template name="trends"/>
        <xsl:call-template name="nonconformities"/>
        <xsl:call-template name="actions"/>
        <xsl:call-template name="sources"/>
        <xsl:call-template name="appendix"/>
      </section>
    </document>
  </xsl:template>

  <!-- 1 summary -->
  <xsl:template name="summary">
    <h level="1" id="summary"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.intro'"/></xsl:call-template></p>
    <p>
      <xsl:choose>
        <xsl:when test="$q/@months &gt; 0">
          <xsl:call-template name="fill">
            <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.counted'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="s"><xsl:call-template name="quarter-name"/></xsl:with-param>
            <xsl:with-param name="l"><xsl:call-template name="quarter-months"/></xsl:with-param>
            <xsl:with-param name="v" select="$q/@months"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="$q/@complete = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.complete'"/></xsl:call-template></xsl:when>
            <xsl:when test="$ongoing">
              <b><xsl:call-template name="fill">
                <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.to-date'"/></xsl:call-template></xsl:with-param>
                <xsl:with-param name="s"><xsl:call-template name="month"/></xsl:with-param>
              </xsl:call-template></b>
            </xsl:when>
            <xsl:otherwise><b><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.partial'"/></xsl:call-template></b></xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="fill">
            <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.no-records'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="s"><xsl:call-template name="quarter-name"/></xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.trends'"/></xsl:call-template></p>
    <table header-rows="1">
      <xsl:attribute name="widths"><xsl:choose><xsl:when test="$cmp">1.3* 1* 1*</xsl:when><xsl:otherwise>1.3* 1*</xsl:otherwise></xsl:choose></xsl:attribute>
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.caption'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.item'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="quarter-name"/></cell>
        <xsl:if test="$cmp"><cell><xsl:call-template name="quarter-name"><xsl:with-param name="q" select="$qprev"/></xsl:call-template></cell></xsl:if>
      </row>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'months'"/></xsl:call-template>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'availability'"/></xsl:call-template>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'incidents'"/></xsl:call-template>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'reported'"/></xsl:call-template>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'resolved'"/></xsl:call-template>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'escalations'"/></xsl:call-template>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'changes'"/></xsl:call-template>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'satisfaction'"/></xsl:call-template>
      <xsl:call-template name="summary-row"><xsl:with-param name="item" select="'complaints'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.risks'"/></xsl:call-template></cell>
        <cell>
          <xsl:if test="$facts/f:risks/d:risk[f:rating/@above-appetite = 'true']"><xsl:attribute name="background">#FFE7C2</xsl:attribute></xsl:if>
          <xsl:value-of select="count($facts/f:risks/d:risk[f:rating/@above-appetite = 'true'])"/>
        </cell>
        <xsl:if test="$cmp"><cell>—</cell></xsl:if>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.actions'"/></xsl:call-template></cell>
        <cell>
          <xsl:variable name="open" select="$drill-actions[not(@done)] | $treatments[not(@done)]"/>
          <xsl:variable name="late" select="$open[contains(@f:findings, '-overdue')]"/>
          <xsl:if test="$late"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
          <xsl:value-of select="count($open)"/>
          <xsl:value-of select="$po"/><xsl:call-template name="L"><xsl:with-param name="k" select="'overdue'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="count($late)"/><xsl:value-of select="$pc"/>
        </cell>
        <xsl:if test="$cmp"><cell>—</cell></xsl:if>
      </row>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.note'"/></xsl:call-template></p>
  </xsl:template>

  <xsl:template name="summary-row">
    <xsl:param name="item"/>
    <row>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('summary.', $item)"/></xsl:call-template></cell>
      <xsl:call-template name="summary-cell"><xsl:with-param name="item" select="$item"/><xsl:with-param name="qq" select="$q"/></xsl:call-template>
      <xsl:if test="$cmp"><xsl:call-template name="summary-cell"><xsl:with-param name="item" select="$item"/><xsl:with-param name="qq" select="$qprev"/></xsl:call-template></xsl:if>
    </row>
  </xsl:template>

  <xsl:template name="summary-cell">
    <xsl:param name="item"/>
    <xsl:param name="qq"/>
    <xsl:variable name="t" select="$qq/f:incident-summary/f:total"/>
    <xsl:variable name="c" select="$qq/f:change-summary"/>
    <xsl:variable name="s" select="$qq/f:satisfaction-summary"/>
    <xsl:choose>
      <xsl:when test="$item = 'months'">
        <cell>
          <xsl:call-template name="quarter-months"><xsl:with-param name="q" select="$qq"/></xsl:call-template>
          <xsl:value-of select="$po"/><xsl:call-template name="fill">
            <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'months.of3'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="v" select="$qq/@months"/>
          </xsl:call-template><xsl:value-of select="$pc"/>
        </cell>
      </xsl:when>
      <xsl:when test="not($qq/@months &gt; 0)"><cell>—</cell></xsl:when>
      <xsl:when test="$item = 'availability'">
        <cell>
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(count($qq/f:service[@met = 'false']) = 0)"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($qq/f:service[@met = 'true'])"/> / <xsl:value-of select="count($qq/f:service[@applicable = 'true' and @met])"/>
        </cell>
      </xsl:when>
      <xsl:when test="$item = 'incidents'">
        <xsl:variable name="f" select="number(translate($qq/@from, '-', ''))"/>
        <xsl:variable name="to" select="number(translate($qq/@to, '-', ''))"/>
        <cell>
          <xsl:value-of select="$t/@count"/>
          <xsl:value-of select="$po"/><xsl:call-template name="L"><xsl:with-param name="k" select="'major'"/></xsl:call-template><xsl:text> </xsl:text>
          <xsl:value-of select="count($facts/f:incidents/d:incident/f:timeline[@major = 'true' and number(translate(@month, '-', '')) &gt;= $f and number(translate(@month, '-', '')) &lt;= $to])"/>
          <xsl:value-of select="$pc"/>
        </cell>
      </xsl:when>
      <xsl:when test="$item = 'reported'">
        <cell><xsl:call-template name="share"><xsl:with-param name="n" select="$t/@reported-on-time"/><xsl:with-param name="of" select="$t/@count"/><xsl:with-param name="pct" select="$t/@reported-share"/></xsl:call-template></cell>
      </xsl:when>
      <xsl:when test="$item = 'resolved'">
        <cell><xsl:call-template name="share"><xsl:with-param name="n" select="$t/@resolved-in-time"/><xsl:with-param name="of" select="$t/@with-target"/><xsl:with-param name="pct" select="$t/@resolved-share"/></xsl:call-template></cell>
      </xsl:when>
      <xsl:when test="$item = 'escalations'">
        <cell><xsl:value-of select="$t/@escalations-on-time"/> / <xsl:value-of select="$t/@escalations-due"/></cell>
      </xsl:when>
      <xsl:when test="$item = 'changes'">
        <cell>
          <xsl:value-of select="$c/@total"/>
          <xsl:if test="$c/@success-percent"><xsl:value-of select="$po"/><xsl:call-template name="L"><xsl:with-param name="k" select="'change.success'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><xsl:call-template name="pct"><xsl:with-param name="v" select="$c/@success-percent"/><xsl:with-param name="digits" select="1"/></xsl:call-template><xsl:value-of select="$pc"/></xsl:if>
        </cell>
      </xsl:when>
      <xsl:when test="$item = 'satisfaction'">
        <cell>
          <xsl:choose>
            <xsl:when test="$s/@score"><xsl:value-of select="format-number($s/@score, '0.00')"/> / <xsl:value-of select="$s/@scale"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </cell>
      </xsl:when>
      <xsl:when test="$item = 'complaints'">
        <cell>
          <xsl:value-of select="$s/@complaints"/>
          <xsl:value-of select="$po"/><xsl:call-template name="L"><xsl:with-param name="k" select="'open-at-end'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$s/@open"/><xsl:value-of select="$pc"/>
        </cell>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- 2 availability -->
  <xsl:template name="availability">
    <h level="1" id="availability"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.intro'"/></xsl:call-template></p>
    <table widths="1* 14mm 16mm 19mm 15mm 19mm 19mm 11mm 13mm" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'availability.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'grade'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'actual'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'agreed'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'downtime'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'outages'"/></xsl:call-template></cell>
        <cell align="right">MTRS</cell>
      </row>
      <xsl:for-each select="$q/f:service">
        <xsl:variable name="svc" select="key('service', current()/@ref)"/>
        <row>
          <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@ref"/></xsl:call-template></cell>
          <cell><xsl:call-template name="grade-name"><xsl:with-param name="id" select="$svc/@grade"/></xsl:call-template></cell>
          <cell align="right"><xsl:choose><xsl:when test="@target"><xsl:value-of select="@target"/>%</xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:call-template name="pct"><xsl:with-param name="v" select="@percent"/></xsl:call-template></cell>
          <xsl:call-template name="met-cell"><xsl:with-param name="a" select="."/></xsl:call-template>
          <cell align="right"><xsl:value-of select="format-number(@agreed-minutes, '#,##0')"/></cell>
          <cell align="right"><xsl:value-of select="format-number(@downtime-minutes, '#,##0.#')"/></cell>
          <cell align="right"><xsl:value-of select="@outages"/></cell>
          <cell align="right"><xsl:choose><xsl:when test="@mtrs-minutes"><xsl:value-of select="format-number(@mtrs-minutes, '#,##0.#')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- 3 incidents -->
  <xsl:template name="incidents">
    <xsl:variable name="sum" select="$q/f:incident-summary"/>
    <h level="1" id="incidents"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.by-level'"/></xsl:call-template></h>
    <table widths="1* 14mm 27mm 27mm 20mm 20mm 20mm" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'incidents.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'level'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'count'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'reported-on-time'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'resolved-in-time'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'escalations'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'restore-mean'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'restore-p90'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$sum/f:level | $sum/f:total">
        <row>
          <xsl:if test="self::f:total"><xsl:attribute name="background"><xsl:value-of select="$grey"/></xsl:attribute></xsl:if>
          <cell>
            <xsl:choose>
              <xsl:when test="self::f:total"><xsl:call-template name="L"><xsl:with-param name="k" select="'total'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="grade-name"><xsl:with-param name="id" select="@level"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right"><xsl:value-of select="@count"/></cell>
          <cell align="right"><xsl:call-template name="share"><xsl:with-param name="n" select="@reported-on-time"/><xsl:with-param name="of" select="@count"/><xsl:with-param name="pct" select="@reported-share"/><xsl:with-param name="compact" select="true()"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="share"><xsl:with-param name="n" select="@resolved-in-time"/><xsl:with-param name="of" select="@with-target"/><xsl:with-param name="pct" select="@resolved-share"/><xsl:with-param name="compact" select="true()"/></xsl:call-template></cell>
          <cell align="right"><xsl:value-of select="@escalations-on-time"/>/<xsl:value-of select="@escalations-due"/></cell>
          <cell align="right"><xsl:choose><xsl:when test="@restore-mean-minutes"><xsl:value-of select="format-number(@restore-mean-minutes, '#,##0.0')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="@restore-p90-minutes"><xsl:value-of select="format-number(@restore-p90-minutes, '#,##0.0')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note">
      <xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.note'"/></xsl:call-template>
      <xsl:if test="$sum/f:total/@open &gt; 0">
        <xsl:call-template name="fill">
          <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.open'"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="v" select="$sum/f:total/@open"/>
        </xsl:call-template>
      </xsl:if>
    </p>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.major'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$qmajor">
        <table widths="27mm 20mm 1* 15mm 17mm 2*" header-rows="1">
          <xsl:call-template name="caption"><xsl:with-param name="k" select="'incidents.major.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'date'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'level'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'restore'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.what'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$qmajor">
            <xsl:variable name="tl" select="f:timeline"/>
            <row>
              <xsl:if test="$tl/@resolved-in-time = 'false' or $tl/@overdue = 'true'"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="substring($tl/@detected, 1, 10)"/></cell>
              <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
              <cell><xsl:call-template name="grade-name"><xsl:with-param name="id" select="$tl/@level"/></xsl:call-template></cell>
              <cell align="right">
                <xsl:choose>
                  <xsl:when test="$tl/@restore-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$tl/@restore-minutes"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'open'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:summary"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.major.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.no-major'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 4 changes -->
  <xsl:template name="changes">
    <xsl:variable name="cs" select="$q/f:change-summary"/>
    <xsl:variable name="notable" select="$qchanges[@status = 'failed' or @status = 'rolled-back' or @type = 'emergency' or @significant = 'true']"/>
    <h level="1" id="changes"><xsl:call-template name="L"><xsl:with-param name="k" select="'changes'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro'"/></xsl:call-template>
      <xsl:value-of select="concat('', $cs/@total)"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro2'"/></xsl:call-template>
      <xsl:value-of select="$cs/@implemented"/>/<xsl:value-of select="$cs/@failed"/>/<xsl:value-of select="$cs/@rolled-back"/>/<xsl:value-of select="$cs/@cancelled"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro3'"/></xsl:call-template>
      <xsl:value-of select="$cs/@emergency"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro4'"/></xsl:call-template>
      <xsl:value-of select="$cs/@significant"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro5'"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$cs/@success-percent"><xsl:call-template name="pct"><xsl:with-param name="v" select="$cs/@success-percent"/><xsl:with-param name="digits" select="1"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro6'"/></xsl:call-template>
    </p>
    <xsl:choose>
      <xsl:when test="$notable">
        <table widths="27mm 20mm 1* 1.6* 19mm 21mm" header-rows="1">
          <xsl:call-template name="caption"><xsl:with-param name="k" select="'changes.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'date'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.title'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.type'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.status'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$notable">
            <row>
              <xsl:if test="@status = 'failed' or @status = 'rolled-back'"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="substring(@start, 1, 10)"/></cell>
              <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template><xsl:if test="@significant = 'true'"><xsl:value-of select="$po"/><xsl:call-template name="L"><xsl:with-param name="k" select="'change.significant'"/></xsl:call-template><xsl:value-of select="$pc"/></xsl:if></cell>
              <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('change.type.', @type)"/></xsl:call-template></cell>
              <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('change.status.', @status)"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'changes.none-notable'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 5 satisfaction and complaints -->
  <xsl:template name="satisfaction">
    <xsl:variable name="s" select="$q/f:satisfaction-summary"/>
    <h level="1" id="satisfaction"><xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction'"/></xsl:call-template></h>
    <p>
      <xsl:choose>
        <xsl:when test="$s/@score">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro'"/></xsl:call-template>
          <xsl:value-of select="$s/@surveys"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro1'"/></xsl:call-template>
          <xsl:value-of select="$s/@respondents"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro2'"/></xsl:call-template>
          <xsl:value-of select="format-number($s/@score, '0.00')"/> / <xsl:value-of select="$s/@scale"/>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.no-survey'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro3'"/></xsl:call-template>
      <xsl:value-of select="concat('', $s/@complaints)"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro4'"/></xsl:call-template>
      <xsl:value-of select="$s/@closed"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro5'"/></xsl:call-template>
      <xsl:value-of select="$s/@open"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro6'"/></xsl:call-template>
    </p>
    <xsl:if test="$qsurveys">
      <table widths="30mm 24mm 1* 20mm 18mm" header-rows="1">
        <xsl:call-template name="caption"><xsl:with-param name="k" select="'surveys.caption'"/></xsl:call-template>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'month'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'survey.about'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'respondents'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'score'"/></xsl:call-template></cell>
        </row>
        <xsl:for-each select="$qsurveys">
          <row>
            <cell><xsl:value-of select="@id"/></cell>
            <cell><xsl:call-template name="month"><xsl:with-param name="m" select="@month"/></xsl:call-template></cell>
            <cell>
              <xsl:choose>
                <xsl:when test="@service"><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></xsl:when>
                <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'survey.all'"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </cell>
            <cell align="right"><xsl:value-of select="@respondents"/></cell>
            <cell align="right"><xsl:value-of select="@score"/> / <xsl:value-of select="@scale"/></cell>
          </row>
        </xsl:for-each>
      </table>
      <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'surveys.note'"/></xsl:call-template></p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$qcomplaints">
        <table widths="27mm 20mm 24mm 1.5* 1.5*" header-rows="1">
          <xsl:call-template name="caption"><xsl:with-param name="k" select="'complaints.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'received'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'complaint'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'resolution'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$qcomplaints">
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="substring(@received, 1, 10)"/></cell>
              <cell><xsl:if test="@service"><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></xsl:if></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:summary"/></xsl:call-template></cell>
              <cell>
                <xsl:if test="@f:open-at-end = 'true'"><xsl:attribute name="background">#FFE7C2</xsl:attribute></xsl:if>
                <xsl:choose>
                  <xsl:when test="d:resolution"><xsl:call-template name="t"><xsl:with-param name="n" select="d:resolution"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'open'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'complaints.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'complaints.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 6 suppliers -->
  <xsl:template name="suppliers">
    <h level="1" id="suppliers"><xsl:call-template name="L"><xsl:with-param name="k" select="'suppliers'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$org/d:supplier">
        <p><xsl:call-template name="L"><xsl:with-param name="k" select="'suppliers.intro'"/></xsl:call-template></p>
        <table widths="1.1* 1.2* 16mm 19mm 15mm 17mm" header-rows="1">
          <xsl:call-template name="caption"><xsl:with-param name="k" select="'suppliers.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'supplied'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'actual'"/></xsl:call-template></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'downtime'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$org/d:supplier">
            <xsl:variable name="id" select="@id"/>
            <xsl:variable name="c" select="d:contract"/>
            <xsl:variable name="svcs" select="$facts/f:services/d:service[@supplier = $id or .//d:component[@supplier = $id]]"/>
            <xsl:variable name="plans" select="$facts/f:plans/d:plan[d:vendor/@supplier = $id]"/>
            <row background="{$grey}">
              <cell colspan="6">
                <b><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></b>
                <xsl:value-of select="$po"/><xsl:value-of select="$id"/><xsl:value-of select="$pc"/>
                <xsl:choose>
                  <xsl:when test="$c">
                    <xsl:text>　</xsl:text><xsl:call-template name="L"><xsl:with-param name="k" select="'contract'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$c/@ref"/>
                    <xsl:if test="$c/@expires"><xsl:text>　</xsl:text><xsl:call-template name="L"><xsl:with-param name="k" select="'contract.expires'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><b><xsl:value-of select="$c/@expires"/></b></xsl:if>
                    <xsl:if test="$c/@response"><xsl:text>　</xsl:text><xsl:call-template name="L"><xsl:with-param name="k" select="'contract.response'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><xsl:call-template name="duration"><xsl:with-param name="d" select="$c/@response"/></xsl:call-template></xsl:if>
                  </xsl:when>
                  <xsl:otherwise><xsl:text>　</xsl:text><xsl:call-template name="L"><xsl:with-param name="k" select="'contract.none'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
                <xsl:if test="$plans">
                  <xsl:text>　</xsl:text><xsl:call-template name="L"><xsl:with-param name="k" select="'supplier.plans'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template>
                  <xsl:for-each select="$plans"><xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if><xsl:value-of select="@id"/></xsl:for-each>
                </xsl:if>
              </cell>
            </row>
            <xsl:if test="not($svcs)">
              <row><cell colspan="6"><xsl:call-template name="L"><xsl:with-param name="k" select="'supplier.no-services'"/></xsl:call-template></cell></row>
            </xsl:if>
            <xsl:for-each select="$svcs">
              <xsl:variable name="a" select="$q/f:service[@ref = current()/@id]"/>
              <row>
                <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
                <cell>
                  <xsl:variable name="whole" select="@supplier = $id"/>
                  <xsl:if test="$whole"><xsl:call-template name="L"><xsl:with-param name="k" select="'supplied.whole'"/></xsl:call-template></xsl:if>
                  <xsl:for-each select=".//d:component[@supplier = $id]">
                    <xsl:if test="position() &gt; 1 or $whole"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'supplied.component'"/></xsl:call-template>
                    <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
                  </xsl:for-each>
                </cell>
                <cell align="right"><xsl:choose><xsl:when test="$a/@target"><xsl:value-of select="$a/@target"/>%</xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
                <cell align="right"><xsl:call-template name="pct"><xsl:with-param name="v" select="$a/@percent"/></xsl:call-template></cell>
                <xsl:call-template name="met-cell"><xsl:with-param name="a" select="$a"/></xsl:call-template>
                <cell align="right"><xsl:if test="$a"><xsl:value-of select="format-number($a/@downtime-minutes, '#,##0.#')"/></xsl:if></cell>
              </row>
            </xsl:for-each>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'suppliers.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'suppliers.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 7 resources and capacity -->
  <xsl:template name="capacity">
    <h level="1" id="capacity"><xsl:call-template name="L"><xsl:with-param name="k" select="'capacity'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'capacity.intro'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="$qmeasures">
        <table widths="1* 1* 24mm 20mm 27mm 15mm 18mm" header-rows="1">
          <xsl:call-template name="caption"><xsl:with-param name="k" select="'capacity.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'metric'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'month'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'peak'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'limit'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'use'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'change-prev'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$facts/f:services/d:service">
            <xsl:variable name="sid" select="@id"/>
            <xsl:for-each select="$qmeasures[@service = $sid]">
              <xsl:sort select="@metric"/>
              <xsl:sort select="@month"/>
              <xsl:variable name="u" select="f:usage"/>
              <row>
                <xsl:if test="$u/@over = 'true'"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
                <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
                <cell>
                  <xsl:variable name="wn" select="key('service', current()/@service)/d:sla/d:workload[@metric = current()/@metric][last()]/d:name"/>
                  <xsl:choose>
                    <xsl:when test="$wn"><xsl:call-template name="t"><xsl:with-param name="n" select="$wn"/></xsl:call-template></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@metric"/></xsl:otherwise>
                  </xsl:choose>
                </cell>
                <cell><xsl:call-template name="month"><xsl:with-param name="m" select="@month"/></xsl:call-template></cell>
                <cell align="right"><xsl:value-of select="format-number(@peak, '#,##0')"/></cell>
                <cell align="right"><xsl:choose><xsl:when test="$u/@limit"><xsl:value-of select="format-number($u/@limit, '#,##0')"/><xsl:text> </xsl:text><xsl:value-of select="$u/@unit"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
                <cell align="right">
                  <xsl:if test="$u/@use-percent">
                    <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($u/@over = 'false')"/></xsl:call-template></xsl:attribute>
                  </xsl:if>
                  <xsl:call-template name="pct"><xsl:with-param name="v" select="$u/@use-percent"/><xsl:with-param name="digits" select="1"/></xsl:call-template>
                </cell>
                <cell align="right"><xsl:choose><xsl:when test="$u/@change-percent"><xsl:if test="$u/@change-percent &gt; 0">+</xsl:if><xsl:call-template name="pct"><xsl:with-param name="v" select="$u/@change-percent"/><xsl:with-param name="digits" select="1"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              </row>
            </xsl:for-each>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'capacity.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'capacity.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 8 continuity -->
  <xsl:template name="continuity">
    <xsl:variable name="inv" select="$qincidents[@plan]"/>
    <h level="1" id="continuity"><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.invocations'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$inv">
        <table widths="27mm 20mm 1* 1.6*" header-rows="1">
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'incident'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'date'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.what'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$inv">
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="substring(f:timeline/@detected, 1, 10)"/></cell>
              <cell><xsl:value-of select="@plan"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="$facts/f:plans/d:plan[@id = current()/@plan]/d:title"/></xsl:call-template></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:summary"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.no-invocations'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.drills'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$qdrills">
        <table widths="28mm 1.6* 1* 20mm 16mm 18mm" header-rows="1">
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'date'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.status'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.findings'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$qdrills">
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@plan"/></cell>
              <cell><xsl:value-of select="@date"/></cell>
              <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('drill.status.', @status)"/></xsl:call-template></cell>
              <cell align="right"><xsl:choose><xsl:when test="@status = 'held'"><xsl:value-of select="count(d:result/d:finding)"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
            </row>
          </xsl:for-each>
        </table>
        <xsl:if test="not($qdrills[@status = 'held'])"><p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.no-drill-held'"/></xsl:call-template></p></xsl:if>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.no-drills'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.exercise'"/></xsl:call-template></h>
    <table widths="1.4* 22mm 22mm 18mm 18mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'last-drill'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'next-drill'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-overdue'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'retest-due'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$facts/f:plans/d:plan">
        <xsl:variable name="e" select="f:exercise"/>
        <row>
          <cell><xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
          <cell><xsl:choose><xsl:when test="$e/@last-drill"><xsl:value-of select="$e/@last-drill"/></xsl:when><xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:otherwise></xsl:choose></cell>
          <cell><xsl:value-of select="$e/@next-drill-due"/></cell>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($e/@drill-overdue = 'false')"/></xsl:call-template></xsl:attribute>
            <xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', $e/@drill-overdue)"/></xsl:call-template>
          </cell>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($e/@retest-due = 'false')"/></xsl:call-template></xsl:attribute>
            <xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', $e/@retest-due)"/></xsl:call-template>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.exercise.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- 9 risks and opportunities -->
  <xsl:template name="risks">
    <xsl:variable name="rp" select="$policy/d:risk-policy"/>
    <xsl:variable name="open" select="$facts/f:risks/d:risk[@status != 'closed']"/>
    <h level="1" id="risks"><xsl:call-template name="L"><xsl:with-param name="k" select="'risks'"/></xsl:call-template></h>
    <p keep-with-next="true">
      <xsl:call-template name="fill">
        <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'risks.intro'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="s" select="count($open)"/>
        <xsl:with-param name="v" select="count($open[f:rating/@above-appetite = 'true'])"/>
        <xsl:with-param name="l" select="$facts/f:heatmap/@appetite"/>
      </xsl:call-template>
    </p>
    <xsl:if test="$facts/f:heatmap/f:cell">
      <chart kind="heatmap" height="62mm" width="110mm">
        <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'risks.heatmap'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="x-label"><xsl:call-template name="L"><xsl:with-param name="k" select="'impact'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="y-label"><xsl:call-template name="L"><xsl:with-param name="k" select="'likelihood'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$rp/d:likelihood">
          <xsl:sort select="@value" data-type="number" order="descending"/>
          <row-label><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></row-label>
        </xsl:for-each>
        <xsl:for-each select="$rp/d:impact">
          <xsl:sort select="@value" data-type="number"/>
          <col-label><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></col-label>
        </xsl:for-each>
        <xsl:for-each select="$facts/f:heatmap/f:cell">
          <cell row="{count($rp/d:likelihood[@value &gt; current()/@likelihood]) + 1}" col="{count($rp/d:impact[@value &lt; current()/@impact]) + 1}">
            <xsl:if test="@residual &gt; 0"><xsl:attribute name="value"><xsl:value-of select="@residual"/></xsl:attribute></xsl:if>
            <xsl:if test="$rp/d:band[@id = current()/@band]/@colour"><xsl:attribute name="colour"><xsl:value-of select="$rp/d:band[@id = current()/@band]/@colour"/></xsl:attribute></xsl:if>
          </cell>
        </xsl:for-each>
      </chart>
    </xsl:if>
    <table widths="13mm 1* 17mm 20mm 15mm 17mm 24mm" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'risks.caption'"/></xsl:call-template>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'risk'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'owner'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'residual'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'band'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'above-appetite'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'open-treatments'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$open">
        <xsl:sort select="f:rating/@residual-score" data-type="number" order="descending"/>
        <xsl:variable name="r" select="f:rating"/>
        <xsl:variable name="b" select="$rp/d:band[@id = $r/@residual-band]"/>
        <row>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
          <cell align="right"><xsl:value-of select="d:residual/@likelihood"/>×<xsl:value-of select="d:residual/@impact"/> = <xsl:value-of select="$r/@residual-score"/></cell>
          <cell align="center">
            <xsl:if test="$b/@colour"><xsl:attribute name="background"><xsl:value-of select="$b/@colour"/></xsl:attribute></xsl:if>
            <xsl:call-template name="t"><xsl:with-param name="n" select="$b/d:name"/></xsl:call-template>
          </cell>
          <cell align="center">
            <xsl:if test="$r/@above-appetite = 'true'"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
            <xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', $r/@above-appetite)"/></xsl:call-template>
          </cell>
          <cell>
            <xsl:if test="$r/@overdue-treatments &gt; 0"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
            <xsl:value-of select="count(d:treatment[not(@done)])"/>
            <xsl:if test="$r/@overdue-treatments &gt; 0"><xsl:value-of select="$po"/><xsl:call-template name="L"><xsl:with-param name="k" select="'overdue'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$r/@overdue-treatments"/><xsl:value-of select="$pc"/></xsl:if>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'risks.note'"/></xsl:call-template></p>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'opportunities'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'opportunities.none'"/></xsl:call-template></p>
  </xsl:template>

  <!-- 10 trends across quarters -->
  <xsl:template name="trends">
    <h level="1" id="trends"><xsl:call-template name="L"><xsl:with-param name="k" select="'trends'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'trends.intro'"/></xsl:call-template></p>
    <xsl:call-template name="trend-availability"/>
    <xsl:call-template name="trend-incidents"/>
    <xsl:call-template name="trend-changes"/>
    <xsl:call-template name="trend-kpis"/>
  </xsl:template>

  <!-- header cells of the record quarters: id and months counted -->
  <xsl:template name="quarter-heads">
    <xsl:param name="set" select="$recq"/>
    <xsl:param name="months" select="true()"/>
    <xsl:for-each select="$set">
      <cell align="right">
        <p><xsl:value-of select="@id"/></p>
        <xsl:if test="$months"><p><xsl:call-template name="months-count"><xsl:with-param name="q" select="."/></xsl:call-template></p></xsl:if>
      </cell>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="quarter-widths">
    <xsl:param name="n"/>
    <xsl:param name="w"/>
    <xsl:if test="$n &gt; 0"><xsl:text> </xsl:text><xsl:value-of select="$w"/><xsl:call-template name="quarter-widths"><xsl:with-param name="n" select="$n - 1"/><xsl:with-param name="w" select="$w"/></xsl:call-template></xsl:if>
  </xsl:template>

  <xsl:template name="trend-availability">
    <h level="2" id="trend-availability"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.availability'"/></xsl:call-template></h>
    <p keep-with-next="true">
      <xsl:call-template name="fill">
        <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.availability.intro'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="s"><xsl:call-template name="grade-name"><xsl:with-param name="id" select="$top-grade"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
    </p>
    <xsl:if test="$recq">
      <table header-rows="1">
        <xsl:attribute name="widths">1* 16mm<xsl:call-template name="quarter-widths"><xsl:with-param name="n" select="count($recq)"/><xsl:with-param name="w" select="'21mm'"/></xsl:call-template></xsl:attribute>
        <xsl:call-template name="caption"><xsl:with-param name="k" select="'trend.availability.caption'"/></xsl:call-template>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template></cell>
          <xsl:call-template name="quarter-heads"/>
        </row>
        <xsl:for-each select="$trend-services">
          <xsl:variable name="sid" select="@id"/>
          <row>
            <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
            <cell align="right"><xsl:choose><xsl:when test="$q/f:service[@ref = $sid]/@target"><xsl:value-of select="$q/f:service[@ref = $sid]/@target"/>%</xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
            <xsl:for-each select="$recq">
              <xsl:variable name="a" select="f:service[@ref = $sid]"/>
              <cell align="right">
                <xsl:if test="$a/@met"><xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="$a/@met"/></xsl:call-template></xsl:attribute></xsl:if>
                <xsl:call-template name="pct"><xsl:with-param name="v" select="$a/@percent"/></xsl:call-template>
              </cell>
            </xsl:for-each>
          </row>
        </xsl:for-each>
      </table>
      <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.availability.note'"/></xsl:call-template></p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="trend-incidents">
    <xsl:variable name="grades" select="$policy/d:incident-policy/d:grade"/>
    <h level="2" id="trend-incidents"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.incidents'"/></xsl:call-template></h>
    <xsl:if test="$recq">
      <table header-rows="1">
        <xsl:attribute name="widths">1*<xsl:call-template name="quarter-widths"><xsl:with-param name="n" select="count($recq)"/><xsl:with-param name="w" select="'27mm'"/></xsl:call-template></xsl:attribute>
        <xsl:call-template name="caption"><xsl:with-param name="k" select="'trend.incidents.caption'"/></xsl:call-template>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.item'"/></xsl:call-template></cell>
          <xsl:call-template name="quarter-heads"/>
        </row>
        <xsl:for-each select="$grades">
          <xsl:variable name="gid" select="@id"/>
          <row>
            <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
            <xsl:for-each select="$recq"><cell align="right"><xsl:value-of select="f:incident-summary/f:level[@level = $gid]/@count"/></cell></xsl:for-each>
          </row>
        </xsl:for-each>
        <row background="{$grey}">
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'total'"/></xsl:call-template></cell>
          <xsl:for-each select="$recq"><cell align="right"><xsl:value-of select="f:incident-summary/f:total/@count"/></cell></xsl:for-each>
        </row>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'reported-on-time'"/></xsl:call-template></cell>
          <xsl:for-each select="$recq"><xsl:variable name="t" select="f:incident-summary/f:total"/><cell align="right"><xsl:call-template name="share"><xsl:with-param name="n" select="$t/@reported-on-time"/><xsl:with-param name="of" select="$t/@count"/><xsl:with-param name="pct" select="$t/@reported-share"/><xsl:with-param name="compact" select="true()"/></xsl:call-template></cell></xsl:for-each>
        </row>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'resolved-in-time'"/></xsl:call-template></cell>
          <xsl:for-each select="$recq"><xsl:variable name="t" select="f:incident-summary/f:total"/><cell align="right"><xsl:call-template name="share"><xsl:with-param name="n" select="$t/@resolved-in-time"/><xsl:with-param name="of" select="$t/@with-target"/><xsl:with-param name="pct" select="$t/@resolved-share"/><xsl:with-param name="compact" select="true()"/></xsl:call-template></cell></xsl:for-each>
        </row>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'escalations'"/></xsl:call-template></cell>
          <xsl:for-each select="$recq"><xsl:variable name="t" select="f:incident-summary/f:total"/><cell align="right"><xsl:value-of select="$t/@escalations-on-time"/> / <xsl:value-of select="$t/@escalations-due"/></cell></xsl:for-each>
        </row>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'restore-mean'"/></xsl:call-template></cell>
          <xsl:for-each select="$recq"><xsl:variable name="t" select="f:incident-summary/f:total"/><cell align="right"><xsl:choose><xsl:when test="$t/@restore-mean-minutes"><xsl:value-of select="format-number($t/@restore-mean-minutes, '#,##0.0')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell></xsl:for-each>
        </row>
      </table>
      <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.incidents.note'"/></xsl:call-template></p>
      <chart kind="stacked-bar" height="50mm">
          <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.incidents.chart'"/></xsl:call-template></xsl:attribute>
          <xsl:attribute name="y-label"><xsl:call-template name="L"><xsl:with-param name="k" select="'count'"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$recq"><category label="{@id}"/></xsl:for-each>
          <xsl:for-each select="$grades">
            <xsl:variable name="gid" select="@id"/>
            <series>
              <xsl:attribute name="name"><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></xsl:attribute>
              <xsl:for-each select="$recq"><xsl:call-template name="v"><xsl:with-param name="x" select="f:incident-summary/f:level[@level = $gid]/@count"/></xsl:call-template></xsl:for-each>
            </series>
          </xsl:for-each>
          <legend/>
        </chart>
        <chart kind="line" height="50mm" y-label="%">
          <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.timeliness.chart'"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$recq"><category label="{@id}"/></xsl:for-each>
          <series>
            <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'reported-on-time'"/></xsl:call-template></xsl:attribute>
            <xsl:for-each select="$recq"><xsl:call-template name="v"><xsl:with-param name="x" select="f:incident-summary/f:total/@reported-share"/></xsl:call-template></xsl:for-each>
          </series>
          <series>
            <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'resolved-in-time'"/></xsl:call-template></xsl:attribute>
            <xsl:for-each select="$recq"><xsl:call-template name="v"><xsl:with-param name="x" select="f:incident-summary/f:total/@resolved-share"/></xsl:call-template></xsl:for-each>
          </series>
          <legend/>
        </chart>
    </xsl:if>
  </xsl:template>

  <xsl:template name="trend-changes">
    <xsl:variable name="kpi" select="$facts/f:kpis/d:kpi[@source = 'change-success'][1]"/>
    <h level="2" id="trend-changes"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.changes'"/></xsl:call-template></h>
    <xsl:if test="$recq">
      <table header-rows="1">
        <xsl:attribute name="widths">1*<xsl:call-template name="quarter-widths"><xsl:with-param name="n" select="count($recq)"/><xsl:with-param name="w" select="'27mm'"/></xsl:call-template></xsl:attribute>
        <xsl:call-template name="caption"><xsl:with-param name="k" select="'trend.changes.caption'"/></xsl:call-template>
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.item'"/></xsl:call-template></cell>
          <xsl:call-template name="quarter-heads"/>
        </row>
        <xsl:call-template name="change-trend-row"><xsl:with-param name="a" select="'total'"/><xsl:with-param name="k" select="'summary.changes'"/></xsl:call-template>
        <xsl:call-template name="change-trend-row"><xsl:with-param name="a" select="'implemented'"/><xsl:with-param name="k" select="'change.status.implemented'"/></xsl:call-template>
        <xsl:call-template name="change-trend-row"><xsl:with-param name="a" select="'failed'"/><xsl:with-param name="k" select="'change.status.failed'"/></xsl:call-template>
        <xsl:call-template name="change-trend-row"><xsl:with-param name="a" select="'rolled-back'"/><xsl:with-param name="k" select="'change.status.rolled-back'"/></xsl:call-template>
        <xsl:call-template name="change-trend-row"><xsl:with-param name="a" select="'cancelled'"/><xsl:with-param name="k" select="'change.status.cancelled'"/></xsl:call-template>
        <xsl:call-template name="change-trend-row"><xsl:with-param name="a" select="'emergency'"/><xsl:with-param name="k" select="'change.type.emergency'"/></xsl:call-template>
        <xsl:call-template name="change-trend-row"><xsl:with-param name="a" select="'significant'"/><xsl:with-param name="k" select="'change.significant.row'"/></xsl:call-template>
        <row background="{$grey}">
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.success.row'"/></xsl:call-template></cell>
          <xsl:for-each select="$recq"><cell align="right"><xsl:call-template name="pct"><xsl:with-param name="v" select="f:change-summary/@success-percent"/><xsl:with-param name="digits" select="1"/></xsl:call-template></cell></xsl:for-each>
        </row>
      </table>
      <chart kind="line" height="50mm" y-label="%">
        <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.changes.chart'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$recq"><category label="{@id}"/></xsl:for-each>
        <series>
          <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'change.success.row'"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$recq"><xsl:call-template name="v"><xsl:with-param name="x" select="f:change-summary/@success-percent"/></xsl:call-template></xsl:for-each>
        </series>
        <xsl:if test="$kpi/@target">
          <target value="{$kpi/@target}" polarity="higher-better">
            <xsl:attribute name="label"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$kpi/@target"/>%</xsl:attribute>
          </target>
        </xsl:if>
      </chart>
    </xsl:if>
  </xsl:template>

  <xsl:template name="change-trend-row">
    <xsl:param name="a"/>
    <xsl:param name="k"/>
    <row>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></cell>
      <xsl:for-each select="$recq"><cell align="right"><xsl:value-of select="f:change-summary/@*[local-name() = $a]"/></cell></xsl:for-each>
    </row>
  </xsl:template>

  <xsl:template name="trend-kpis">
    <h level="2" id="trend-kpis"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.kpis'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.kpis.intro'"/></xsl:call-template></p>
    <table header-rows="1">
      <xsl:attribute name="widths">1* 15mm<xsl:call-template name="quarter-widths"><xsl:with-param name="n" select="count($quarters)"/><xsl:with-param name="w" select="'17mm'"/></xsl:call-template></xsl:attribute>
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'trend.kpis.caption'"/></xsl:call-template>
      <row>
        <cell>KPI</cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template></cell>
        <xsl:call-template name="quarter-heads"><xsl:with-param name="set" select="$quarters"/><xsl:with-param name="months" select="false()"/></xsl:call-template>
      </row>
      <xsl:for-each select="$facts/f:kpis/d:kpi">
        <xsl:variable name="kid" select="@id"/>
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template><xsl:value-of select="$po"/><xsl:value-of select="@unit"/><xsl:value-of select="$pc"/></cell>
          <cell align="right">
            <xsl:if test="@polarity = 'lower-better'">≤ </xsl:if>
            <xsl:if test="@polarity = 'higher-better'">≥ </xsl:if>
            <xsl:value-of select="@target"/>
          </cell>
          <xsl:for-each select="$quarters">
            <xsl:variable name="m" select="f:kpi[@ref = $kid]"/>
            <cell align="right">
              <xsl:choose>
                <xsl:when test="$m/@value">
                  <xsl:value-of select="format-number($m/@value, '#,##0.###')"/>
                  <xsl:if test="$m/@points &lt; 3"><sup><xsl:value-of select="$m/@points"/></sup></xsl:if>
                </xsl:when>
                <xsl:otherwise>—</xsl:otherwise>
              </xsl:choose>
            </cell>
          </xsl:for-each>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'trend.kpis.note'"/></xsl:call-template></p>
    <xsl:for-each select="$facts/f:kpis/d:kpi[generate-id() = generate-id(key('kpi-group', concat(@process, '|', @unit))[1])]">
      <xsl:variable name="g" select="key('kpi-group', concat(@process, '|', @unit))"/>
      <xsl:variable name="shared" select="not($g[@target != $g[1]/@target]) and not($g[@polarity != $g[1]/@polarity])"/>
      <xsl:variable name="pkey" select="concat('process.', @process)"/>
      <xsl:variable name="pkey-in"><xsl:call-template name="label-in"><xsl:with-param name="key" select="$pkey"/></xsl:call-template></xsl:variable>
      <chart kind="line" height="55mm" y-label="{@unit}">
        <xsl:attribute name="title">
          <xsl:choose>
            <xsl:when test="string($pkey-in) != ''"><xsl:call-template name="L"><xsl:with-param name="k" select="$pkey"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:value-of select="@process"/></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="$po"/><xsl:value-of select="@unit"/><xsl:value-of select="$pc"/>
        </xsl:attribute>
        <xsl:for-each select="$quarters"><category label="{@id}"/></xsl:for-each>
        <xsl:for-each select="$g">
          <xsl:variable name="kid" select="@id"/>
          <series>
            <xsl:attribute name="name">
              <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
              <xsl:if test="not($shared)"><xsl:value-of select="$po"/><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@target"/><xsl:value-of select="$pc"/></xsl:if>
            </xsl:attribute>
            <xsl:for-each select="$quarters"><xsl:call-template name="v"><xsl:with-param name="x" select="f:kpi[@ref = $kid]/@value"/></xsl:call-template></xsl:for-each>
          </series>
        </xsl:for-each>
        <xsl:if test="$shared and $g[1]/@target">
          <target value="{$g[1]/@target}" polarity="{$g[1]/@polarity}">
            <xsl:attribute name="label"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$g[1]/@target"/></xsl:attribute>
          </target>
        </xsl:if>
        <legend/>
      </chart>
    </xsl:for-each>
  </xsl:template>

  <!-- 11 nonconformities and findings -->
  <xsl:template name="nonconformities">
    <h level="1" id="findings"><xsl:call-template name="L"><xsl:with-param name="k" select="'nonconformities'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="fill">
        <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'nonconformities.intro'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="s"><xsl:call-template name="month"/></xsl:with-param>
      </xsl:call-template>
    </p>
    <xsl:call-template name="findings-table">
      <xsl:with-param name="kinds" select="'availability-missed incident-target-missed report-late report-missing resolved-late open-overdue escalation-missed escalation-late updates-missing workload-over-limit planned-outside-window open-outage kpi-red target-unreachable risk-above-appetite treatment-overdue drill-action-overdue drill-rto-exceeded drill-rpo-exceeded plan-drill-overdue plan-retest-due'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 12 improvement actions -->
  <xsl:template name="actions">
    <h level="1" id="actions"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.intro'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="$drill-actions | $treatments">
        <table widths="30mm 1* 18mm 20mm 22mm" header-rows="1">
          <xsl:call-template name="caption"><xsl:with-param name="k" select="'actions.caption'"/></xsl:call-template>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action.from'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'owner'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'due'"/></xsl:call-template></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$drill-actions">
            <row>
              <cell><xsl:value-of select="ancestor::d:drill/@id"/>/<xsl:value-of select="@id"/></cell>
              <cell><xsl:value-of select="normalize-space(.)"/></cell>
              <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@due"/></cell>
              <xsl:call-template name="action-status"><xsl:with-param name="kind" select="'drill-action-overdue'"/></xsl:call-template>
            </row>
          </xsl:for-each>
          <xsl:for-each select="$treatments">
            <row>
              <cell><xsl:value-of select="../@id"/></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="."/></xsl:call-template></cell>
              <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
              <cell><xsl:choose><xsl:when test="@due"><xsl:value-of select="@due"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <xsl:call-template name="action-status"><xsl:with-param name="kind" select="'treatment-overdue'"/></xsl:call-template>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="action-status">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="@done">
        <cell align="center" background="#D7EED9"><xsl:call-template name="L"><xsl:with-param name="k" select="'action.done'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@done"/></cell>
      </xsl:when>
      <xsl:when test="contains(@f:findings, $kind)">
        <cell align="center" background="{$red}"><xsl:call-template name="L"><xsl:with-param name="k" select="'overdue'"/></xsl:call-template></cell>
      </xsl:when>
      <xsl:otherwise>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'action.open'"/></xsl:call-template></cell>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 13 data sources -->
  <xsl:template name="sources">
    <h level="1" id="sources"><xsl:call-template name="L"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.intro'"/></xsl:call-template></p>
    <xsl:call-template name="sources-table">
      <xsl:with-param name="kinds" select="'organisation services calendars policies incidents outages changes workload satisfaction kpis risks plan drill'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- appendix A: availability by quarter, one chart a service of 10.1 -->
  <xsl:template name="appendix">
    <xsl:if test="$recq and $trend-services">
      <page-break/>
      <h level="1" id="appendix-availability" numbered="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'appendix'"/></xsl:call-template></h>
      <p><xsl:call-template name="L"><xsl:with-param name="k" select="'appendix.intro'"/></xsl:call-template></p>
      <xsl:for-each select="$trend-services">
        <xsl:variable name="sid" select="@id"/>
        <xsl:variable name="tg" select="$q/f:service[@ref = $sid]/@target"/>
        <chart kind="line" height="42mm" y-label="%">
          <xsl:attribute name="title"><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$recq"><category label="{@id}"/></xsl:for-each>
          <series>
            <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.short'"/></xsl:call-template></xsl:attribute>
            <xsl:for-each select="$recq"><xsl:call-template name="v"><xsl:with-param name="x" select="f:service[@ref = $sid]/@percent"/></xsl:call-template></xsl:for-each>
          </series>
          <xsl:if test="$tg">
            <target value="{$tg}">
              <xsl:attribute name="label"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$tg"/>%</xsl:attribute>
            </target>
          </xsl:if>
        </chart>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
