<?xml version="1.0" encoding="UTF-8"?>
<!--
  bia-report.xsl: the yearly business impact analysis and risk assessment
  report (ISO 22301 8.2, ISO/IEC 20000-1 8.7.1, ISO/IEC 27001 6.1.2), as
  the output of ITSCM steps 1 to 3:

    1 summary: the basis of the assessment (policy edition in force, the
      date the figures stand at) and the key figures;
    2 method: the rating scales of the policy in force: BIA time points,
      impact categories and levels, the unacceptable level, the RTO
      fraction; risk likelihood and impact scales, bands and appetite;
    3 business impact analysis: the functions; their impact ratings over
      time per category, coloured by level (an appendix in landscape when
      there are too many time points for the page); MTPD, RTO, RPO and
      tier with the rule that produced each (f:bia); resources needed;
    4 IT service recovery requirements: the RTO and RPO each service
      inherits, from which function and through which dependant, against
      its declared ones; the recovery tiers and what falls in each;
    5 recovery order and feasibility: the dependency diagram and the order
      (f:recovery-order), in landscape for the diagram's widest layer; the
      critical-path earliest recovery against the RTO with the gap in
      minutes, charted for the services with a gap; worst-case data loss
      and data protection against the RPO;
    6 risk assessment: the register with inherent and residual ratings,
      heat maps before and after treatment (f:heatmap), the risks above
      appetite, the treatment plan with the overdue treatments;
    7 findings of the kinds that concern BIA, recovery and risk;
    8 the data sources;
    appendix A (landscape): the register in full (threats,
      vulnerabilities, controls, treatments); appendix B (landscape, only
      when the BIA policy has more than nine time points): the impact
      ratings over time.

  Every figure comes from the facts; this stylesheet only selects,
  formats and arranges. Words come from templates/labels.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="f d str">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'bia-report'"/>

  <!-- the policy sections in force -->
  <xsl:variable name="bia" select="$policy/d:bia-policy"/>
  <xsl:variable name="tiers" select="$policy/d:recovery-tiers/d:tier"/>
  <xsl:variable name="rp" select="$policy/d:risk-policy"/>
  <xsl:variable name="unacc" select="$bia/d:unacceptable/@level"/>
  <xsl:variable name="points" select="str:tokenize(normalize-space($bia/d:time-points), ' ')"/>
  <!-- more time points than a portrait page takes: the ratings go to an appendix in landscape -->
  <xsl:variable name="wide" select="count($points) &gt; 9"/>

  <!-- the records -->
  <xsl:variable name="functions" select="$facts/f:functions/d:function"/>
  <xsl:variable name="services" select="$facts/f:services/d:service"/>
  <xsl:variable name="order" select="$facts/f:recovery-order/f:service"/>
  <xsl:variable name="risks" select="$facts/f:risks/d:risk"/>
  <xsl:variable name="assets" select="$facts/f:risks/d:asset"/>
  <xsl:variable name="live-risks" select="$risks[@status != 'closed']"/>
  <xsl:variable name="open-treatments" select="$live-risks/d:treatment[not(@done)]"/>
  <xsl:variable name="finding-kinds" select="'declared-rto-looser rto-inversion rto-gap no-recovery-plan several-plans plan-order-conflict rpo-gap no-data-protection drill-rto-exceeded drill-rpo-exceeded risk-above-appetite treatment-overdue'"/>

  <!-- colours -->
  <xsl:variable name="red">#F9D0D0</xsl:variable>
  <xsl:variable name="green">#D7EED9</xsl:variable>
  <xsl:variable name="grey">#F2F2F2</xsl:variable>
  <xsl:variable name="muted">#5A6A7A</xsl:variable>
  <!-- recovery tiers in the dependency diagram, by position in the policy -->
  <xsl:variable name="tier-palette" select="'#0B2E4F #2F6DB5 #86B5E0 #C9DDF0 #EDF3FA'"/>

  <xsl:template name="report-period">
    <xsl:choose>
      <xsl:when test="$doc/@year">
        <xsl:call-template name="fill">
          <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'period.year'"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="v" select="$doc/@year"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="month"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/">
    <document>
      <xsl:call-template name="document-attributes"/>
      <xsl:call-template name="head"/>
      <xsl:call-template name="cover">
        <xsl:with-param name="subtitle">
          <xsl:call-template name="report-period"/>
          <xsl:text> · </xsl:text>
          <xsl:call-template name="F">
            <xsl:with-param name="k" select="'cover.as-at'"/>
            <xsl:with-param name="v"><xsl:call-template name="month"/></xsl:with-param>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <section master="body">
        <xsl:call-template name="front-matter"/>
        <xsl:call-template name="summary"/>
        <xsl:call-template name="method"/>
        <xsl:call-template name="bia"/>
        <xsl:call-template name="requirements"/>
      </section>
      <!-- the recovery order and the dependency diagram in landscape: the
           diagram's widest layer needs the width -->
      <section master="landscape">
        <xsl:call-template name="recovery"/>
      </section>
      <section master="body">
        <xsl:call-template name="feasibility"/>
        <xsl:call-template name="risk"/>
        <xsl:call-template name="findings"/>
        <xsl:call-template name="sources"/>
      </section>
      <section master="landscape">
        <xsl:call-template name="register-detail"/>
      </section>
      <xsl:if test="$wide">
        <section master="landscape">
          <xsl:call-template name="impact-appendix"/>
        </section>
      </xsl:if>
    </document>
  </xsl:template>

  <!-- ===== small pieces ===== -->

  <!-- a header cell from a label -->
  <xsl:template name="hc">
    <xsl:param name="k"/>
    <xsl:param name="align"/>
    <cell>
      <xsl:if test="$align"><xsl:attribute name="align"><xsl:value-of select="$align"/></xsl:attribute></xsl:if>
      <xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template>
    </cell>
  </xsl:template>

  <!-- caption and continued caption of a table, from one label -->
  <xsl:template name="caption">
    <xsl:param name="k"/>
    <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:attribute>
    <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
  </xsl:template>

  <!-- a label with {s} {v} {l} filled in -->
  <xsl:template name="F">
    <xsl:param name="k"/>
    <xsl:param name="s"/>
    <xsl:param name="v"/>
    <xsl:param name="l"/>
    <xsl:call-template name="fill">
      <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="s" select="$s"/>
      <xsl:with-param name="v" select="$v"/>
      <xsl:with-param name="l" select="$l"/>
    </xsl:call-template>
  </xsl:template>

  <!-- small grey text under a value in a cell -->
  <xsl:template name="small">
    <xsl:param name="x"/>
    <span colour="{$muted}" size="7.5"><xsl:copy-of select="$x"/></span>
  </xsl:template>


  <!-- minutes as a plain number (tables whose header gives the unit) -->
  <xsl:template name="num-min">
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="string($m) = ''">—</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($m, '#,##0.#')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="fn-name">
    <xsl:param name="id"/>
    <xsl:for-each select="$facts"><xsl:call-template name="t"><xsl:with-param name="n" select="key('function', $id)/d:name"/></xsl:call-template></xsl:for-each>
  </xsl:template>

  <xsl:template name="tier-name">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="string($id) = ''">—</xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="n" select="$tiers[@id = $id]/d:name"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a service in a cell: its name, its id small under it -->
  <xsl:template name="svc-cell">
    <xsl:param name="id"/>
    <p><xsl:call-template name="service-name"><xsl:with-param name="id" select="$id"/></xsl:call-template></p>
    <p><xsl:call-template name="small"><xsl:with-param name="x" select="string($id)"/></xsl:call-template></p>
  </xsl:template>

  <!-- names of several services, separated -->
  <xsl:template name="svc-list">
    <xsl:param name="ids"/>
    <xsl:for-each select="$ids">
      <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
      <xsl:call-template name="service-name"><xsl:with-param name="id" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- a risk band: a square of its colour and its name -->
  <xsl:template name="band">
    <xsl:param name="id"/>
    <xsl:variable name="b" select="$rp/d:band[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$b">
        <span colour="{$b/@colour}">■</span><xsl:text> </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="n" select="$b/d:name"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a rating: score (likelihood × impact), band under it -->
  <xsl:template name="rating">
    <xsl:param name="r"/>
    <xsl:param name="score"/>
    <xsl:param name="band"/>
    <p><b><xsl:value-of select="$score"/></b><xsl:text> (</xsl:text><xsl:value-of select="$r/@likelihood"/>×<xsl:value-of select="$r/@impact"/>)</p>
    <p><xsl:call-template name="band"><xsl:with-param name="id" select="$band"/></xsl:call-template></p>
  </xsl:template>

  <!-- the background of an impact rating: the unacceptable level and above in
       reds, the level just below it amber, the lower ones pale -->
  <xsl:template name="level-colour">
    <xsl:param name="v"/>
    <xsl:variable name="below" select="$bia/d:level[@value &lt; $unacc]"/>
    <xsl:choose>
      <xsl:when test="string($v) = '' or string(number($v)) = 'NaN'">#FFFFFF</xsl:when>
      <xsl:when test="$v &gt; $unacc">#E57373</xsl:when>
      <xsl:when test="$v = $unacc">#F4A7A7</xsl:when>
      <xsl:when test="$v = $below[last()]/@value">#FFD8A0</xsl:when>
      <xsl:when test="$v = $below[last() - 1]/@value">#FFF2C8</xsl:when>
      <xsl:otherwise>#E6F2E1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the text of several same-named children in the document's language:
       those in it when there are any, else all of them -->
  <xsl:template name="texts">
    <xsl:param name="n"/>
    <xsl:variable name="in-en" select="$n[lang('en')]"/>
    <xsl:variable name="in-zh" select="$n[not(lang('en'))]"/>
    <xsl:choose>
      <xsl:when test="$en and $in-en"><xsl:for-each select="$in-en"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each></xsl:when>
      <xsl:when test="not($en) and $in-zh"><xsl:for-each select="$in-zh"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each></xsl:when>
      <xsl:otherwise><xsl:for-each select="$n"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a row saying there is nothing to list -->
  <xsl:template name="none-row">
    <xsl:param name="cols"/>
    <row><cell colspan="{$cols}"><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></cell></row>
  </xsl:template>

  <!-- the source position of a policy section -->
  <xsl:template name="origin">
    <xsl:param name="n"/>
    <code><xsl:value-of select="concat($n/@f:file, ':', $n/@f:line)"/></code>
  </xsl:template>

  <!-- ===== 1 summary ===== -->
  <xsl:template name="summary">
    <h level="1" id="summary"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.intro'"/></xsl:call-template></p>
    <p>
      <xsl:call-template name="F">
        <xsl:with-param name="k">
          <xsl:choose>
            <xsl:when test="$policy/@effective">summary.basis</xsl:when>
            <xsl:otherwise>summary.basis.undated</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="s"><xsl:call-template name="date"><xsl:with-param name="d" select="$policy/@effective"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="v"><xsl:call-template name="month"/></xsl:with-param>
      </xsl:call-template>
    </p>
    <table widths="1.7* 24mm 1*" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'summary.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'summary.item'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'summary.value'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'summary.where'"/></xsl:call-template>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.functions'"/></xsl:call-template></cell>
        <cell align="right"><xsl:value-of select="count($functions[f:bia/@mtpd-minutes])"/> / <xsl:value-of select="count($functions)"/></cell>
        <cell><ref to="objectives"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.services'"/></xsl:call-template></cell>
        <cell align="right"><xsl:value-of select="count($services[f:recovery/@rto-minutes])"/> / <xsl:value-of select="count($services)"/></cell>
        <cell><ref to="inherited"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.rto'"/></xsl:call-template></cell>
        <cell align="right">
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(not($services/f:recovery[@achievable = 'false']))"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($services/f:recovery[@achievable = 'true'])"/> / <xsl:value-of select="count($services/f:recovery[@achievable])"/>
        </cell>
        <cell><ref to="feasibility"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.rpo'"/></xsl:call-template></cell>
        <cell align="right">
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(not($services/f:recovery[@rpo-gap-minutes &gt; 0]))"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($services/f:recovery[@rpo-gap-minutes = 0])"/> / <xsl:value-of select="count($services/f:recovery[@rpo-gap-minutes])"/>
        </cell>
        <cell><ref to="rpo-gaps"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.risks'"/></xsl:call-template></cell>
        <cell align="right"><xsl:value-of select="count($live-risks)"/> / <xsl:value-of select="count($risks)"/></cell>
        <cell><ref to="register"/></cell>
      </row>
      <row>
        <cell>
          <xsl:call-template name="F">
            <xsl:with-param name="k" select="'summary.appetite'"/>
            <xsl:with-param name="v" select="$facts/f:heatmap/@appetite"/>
          </xsl:call-template>
        </cell>
        <cell align="right">
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(not($risks/f:rating[@above-appetite = 'true']))"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($risks[f:rating/@above-appetite = 'true'])"/>
        </cell>
        <cell><ref to="above-appetite"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.overdue'"/></xsl:call-template></cell>
        <cell align="right">
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(not($open-treatments[contains(@f:findings, 'treatment-overdue')]))"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($open-treatments[contains(@f:findings, 'treatment-overdue')])"/> / <xsl:value-of select="count($open-treatments)"/>
        </cell>
        <cell><ref to="treatments"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.findings'"/></xsl:call-template></cell>
        <cell align="right"><xsl:value-of select="count($facts/f:findings/f:finding[contains(concat(' ', $finding-kinds, ' '), concat(' ', @kind, ' '))])"/></cell>
        <cell><ref to="findings"/></cell>
      </row>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== 2 method: the scales of the policy in force ===== -->
  <xsl:template name="method">
    <h level="1" id="method"><xsl:call-template name="L"><xsl:with-param name="k" select="'method'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'method.intro'"/></xsl:call-template></p>

    <h level="2" id="method-bia"><xsl:call-template name="L"><xsl:with-param name="k" select="'method.bia'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="F">
        <xsl:with-param name="k" select="'method.bia.points'"/>
        <xsl:with-param name="s">
          <xsl:for-each select="$points">
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="dur"><xsl:with-param name="d" select="."/></xsl:call-template>
          </xsl:for-each>
        </xsl:with-param>
        <xsl:with-param name="v">
          <xsl:for-each select="$bia/d:category">
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="F">
        <xsl:with-param name="k" select="'method.bia.rules'"/>
        <xsl:with-param name="s">
          <xsl:value-of select="$unacc"/><xsl:text> </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="n" select="$bia/d:level[@value = $unacc]/d:name"/></xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="v" select="$bia/d:derive-rto/@fraction"/>
      </xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'method.bia.services'"/></xsl:call-template>
    </p>
    <group keep-together="true">
    <table widths="18mm 1* 1.6*" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'method.levels.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'method.level'"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'method.level.name'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'method.level.meaning'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$bia/d:level">
        <row>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="level-colour"><xsl:with-param name="v" select="@value"/></xsl:call-template></xsl:attribute>
            <xsl:value-of select="@value"/>
          </cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="@value &gt;= $unacc"><xsl:call-template name="L"><xsl:with-param name="k" select="'method.level.unacceptable'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'method.level.acceptable'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    </group>

    <h level="2" id="method-risk"><xsl:call-template name="L"><xsl:with-param name="k" select="'method.risk'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="F">
        <xsl:with-param name="k" select="'method.risk.rules'"/>
        <xsl:with-param name="v" select="$rp/d:appetite/@max-score"/>
      </xsl:call-template>
    </p>
    <xsl:variable name="nl" select="count($rp/d:likelihood)"/>
    <xsl:variable name="ni" select="count($rp/d:impact)"/>
    <group keep-together="true">
    <table widths="14mm 1* 14mm 1*" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'method.scales.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'method.value'"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'likelihood'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'method.value'"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'impact'"/></xsl:call-template>
      </row>
      <xsl:choose>
        <xsl:when test="$nl &gt;= $ni">
          <xsl:for-each select="$rp/d:likelihood">
            <xsl:call-template name="scale-row"><xsl:with-param name="p" select="position()"/></xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$rp/d:impact">
            <xsl:call-template name="scale-row"><xsl:with-param name="p" select="position()"/></xsl:call-template>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </table>
    </group>
    <group keep-together="true">
    <table widths="1* 1* 1.6*" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'method.bands.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'band'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'method.score-range'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'method.band.appetite'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$rp/d:band">
        <row>
          <cell><xsl:call-template name="band"><xsl:with-param name="id" select="@id"/></xsl:call-template></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="@max">≤ <xsl:value-of select="@max"/></xsl:when>
              <xsl:otherwise>&gt; <xsl:value-of select="preceding-sibling::d:band[1]/@max"/></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell>
            <xsl:choose>
              <xsl:when test="@max and @max &lt;= $rp/d:appetite/@max-score"><xsl:call-template name="L"><xsl:with-param name="k" select="'method.band.within'"/></xsl:call-template></xsl:when>
              <xsl:when test="preceding-sibling::d:band[1]/@max &gt;= $rp/d:appetite/@max-score"><xsl:call-template name="L"><xsl:with-param name="k" select="'method.band.above'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'method.band.partly'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    </group>
    <p style="note">
      <xsl:call-template name="L"><xsl:with-param name="k" select="'method.origin'"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'method.origin.bia'"/></xsl:call-template>
      <xsl:call-template name="origin"><xsl:with-param name="n" select="$bia"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'method.origin.tiers'"/></xsl:call-template>
      <xsl:call-template name="origin"><xsl:with-param name="n" select="$policy/d:recovery-tiers"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'method.origin.risk'"/></xsl:call-template>
      <xsl:call-template name="origin"><xsl:with-param name="n" select="$rp"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'method.origin.continuity'"/></xsl:call-template>
      <xsl:call-template name="origin"><xsl:with-param name="n" select="$policy/d:continuity-policy"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'method.origin.end'"/></xsl:call-template>
      <xsl:call-template name="F">
        <xsl:with-param name="k" select="'method.drill'"/>
        <xsl:with-param name="v" select="$policy/d:continuity-policy/@drill-months"/>
        <xsl:with-param name="l" select="$policy/d:continuity-policy/@review-months"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <xsl:template name="scale-row">
    <xsl:param name="p"/>
    <xsl:variable name="li" select="$rp/d:likelihood[$p]"/>
    <xsl:variable name="im" select="$rp/d:impact[$p]"/>
    <row>
      <cell align="center"><xsl:value-of select="$li/@value"/></cell>
      <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$li/d:name"/></xsl:call-template></cell>
      <cell align="center"><xsl:value-of select="$im/@value"/></cell>
      <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$im/d:name"/></xsl:call-template></cell>
    </row>
  </xsl:template>

  <!-- ===== 3 business impact analysis ===== -->
  <xsl:template name="bia">
    <h level="1" id="bia"><xsl:call-template name="L"><xsl:with-param name="k" select="'bia'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'bia.intro'"/></xsl:call-template></p>

    <h level="2" id="functions"><xsl:call-template name="L"><xsl:with-param name="k" select="'functions'"/></xsl:call-template></h>
    <table widths="29mm 1.2* 25mm 16mm 1.5*" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'functions.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'id'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'function'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'department'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'owner'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'functions.needs'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$functions">
        <row>
          <cell><xsl:value-of select="@id"/></cell>
          <cell>
            <p><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></p>
            <xsl:if test="d:description">
              <p><xsl:call-template name="small"><xsl:with-param name="x"><xsl:call-template name="t"><xsl:with-param name="n" select="d:description"/></xsl:call-template></xsl:with-param></xsl:call-template></p>
            </xsl:if>
          </cell>
          <cell><xsl:call-template name="department"><xsl:with-param name="id" select="@department"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
          <cell><xsl:call-template name="svc-list"><xsl:with-param name="ids" select="d:needs/@service"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
    </table>

    <h level="2" id="impact"><xsl:call-template name="L"><xsl:with-param name="k" select="'impact-time'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'impact.intro'"/></xsl:call-template></p>
    <xsl:call-template name="level-legend"/>
    <xsl:choose>
      <xsl:when test="$wide">
        <p><xsl:call-template name="L"><xsl:with-param name="k" select="'impact.see-appendix'"/></xsl:call-template><ref to="appendix-impact" show="title"/><xsl:call-template name="L"><xsl:with-param name="k" select="'impact.see-appendix2'"/></xsl:call-template><ref to="appendix-impact"/><xsl:call-template name="L"><xsl:with-param name="k" select="'impact.see-appendix3'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="impact-tables"/></xsl:otherwise>
    </xsl:choose>

    <h level="2" id="objectives"><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives.intro'"/></xsl:call-template></p>
    <table widths="1.05* 1.5* 1* 1* 16mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'objectives.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'function'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'mtpd'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'rto'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'rpo'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'tier.short'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$functions">
        <xsl:variable name="b" select="f:bia"/>
        <row>
          <cell>
            <p><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></p>
            <p><xsl:call-template name="small"><xsl:with-param name="x" select="string(@id)"/></xsl:call-template></p>
          </cell>
          <cell>
            <p><b><xsl:call-template name="minutes"><xsl:with-param name="m" select="$b/@mtpd-minutes"/></xsl:call-template></b></p>
            <p><xsl:call-template name="small"><xsl:with-param name="x">
              <xsl:choose>
                <xsl:when test="$b/@mtpd-rule = 'rated'">
                  <xsl:call-template name="F">
                    <xsl:with-param name="k" select="'rule.mtpd.rated'"/>
                    <xsl:with-param name="s"><xsl:call-template name="t"><xsl:with-param name="n" select="$bia/d:category[@id = $b/@mtpd-category]/d:name"/></xsl:call-template></xsl:with-param>
                    <xsl:with-param name="v"><xsl:call-template name="dur"><xsl:with-param name="d" select="$points[number($b/@mtpd-point)]"/></xsl:call-template></xsl:with-param>
                    <xsl:with-param name="l" select="$b/@mtpd-point"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="concat('rule.mtpd.', $b/@mtpd-rule)"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param></xsl:call-template></p>
          </cell>
          <cell>
            <p><b><xsl:call-template name="minutes"><xsl:with-param name="m" select="$b/@rto-minutes"/></xsl:call-template></b></p>
            <p><xsl:call-template name="small"><xsl:with-param name="x">
              <xsl:call-template name="F">
                <xsl:with-param name="k" select="concat('rule.rto.', $b/@rto-rule)"/>
                <xsl:with-param name="v" select="$b/@rto-fraction"/>
              </xsl:call-template>
            </xsl:with-param></xsl:call-template></p>
          </cell>
          <cell>
            <p><b><xsl:call-template name="minutes"><xsl:with-param name="m" select="$b/@rpo-minutes"/></xsl:call-template></b></p>
            <p><xsl:call-template name="small"><xsl:with-param name="x">
              <xsl:call-template name="F">
                <xsl:with-param name="k" select="concat('rule.rpo.', $b/@rpo-rule)"/>
                <xsl:with-param name="s"><xsl:call-template name="tier-name"><xsl:with-param name="id" select="$b/@tier"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
            </xsl:with-param></xsl:call-template></p>
          </cell>
          <cell><xsl:call-template name="tier-name"><xsl:with-param name="id" select="$b/@tier"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives.note'"/></xsl:call-template></p>

    <h level="2" id="resources"><xsl:call-template name="L"><xsl:with-param name="k" select="'resources'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'resources.intro'"/></xsl:call-template></p>
    <table widths="1* 22mm 22mm 1.8*" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'resources.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'function'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'resource.kind'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'resource.within'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'resource'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$functions/d:resource">
        <row>
          <cell>
            <xsl:if test="not(preceding-sibling::d:resource)">
              <p><xsl:call-template name="t"><xsl:with-param name="n" select="../d:name"/></xsl:call-template></p>
              <p><xsl:call-template name="small"><xsl:with-param name="x" select="string(../@id)"/></xsl:call-template></p>
            </xsl:if>
          </cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('resource.kind.', @kind)"/></xsl:call-template></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="@within"><xsl:call-template name="dur"><xsl:with-param name="d" select="@within"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell><xsl:value-of select="normalize-space(.)"/></cell>
        </row>
      </xsl:for-each>
      <xsl:if test="not($functions/d:resource)"><xsl:call-template name="none-row"><xsl:with-param name="cols" select="4"/></xsl:call-template></xsl:if>
    </table>
    <xsl:if test="$functions[not(d:resource)]">
      <p style="note">
        <xsl:call-template name="L"><xsl:with-param name="k" select="'resources.none'"/></xsl:call-template>
        <xsl:for-each select="$functions[not(d:resource)]">
          <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
          <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>（<xsl:value-of select="@id"/>）</xsl:for-each>
        <xsl:call-template name="L"><xsl:with-param name="k" select="'resources.none2'"/></xsl:call-template>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- the colour key of the impact levels, one line -->
  <xsl:template name="level-legend">
    <table borders="none" space-before="2pt" space-after="2pt">
      <xsl:attribute name="widths">
        <xsl:text>auto</xsl:text>
        <xsl:for-each select="$bia/d:level"> auto</xsl:for-each>
        <xsl:text> 1*</xsl:text>
      </xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'impact.legend'"/></xsl:call-template></cell>
        <xsl:for-each select="$bia/d:level">
          <cell>
            <xsl:attribute name="background"><xsl:call-template name="level-colour"><xsl:with-param name="v" select="@value"/></xsl:call-template></xsl:attribute>
            <xsl:value-of select="@value"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
          </cell>
        </xsl:for-each>
        <cell/>
      </row>
    </table>
  </xsl:template>

  <!-- one small table per function: categories down, time points across -->
  <xsl:template name="impact-tables">
    <xsl:variable name="widths">
      <xsl:choose>
        <xsl:when test="$wide">48mm</xsl:when>
        <xsl:otherwise>44mm</xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$points"> 1*</xsl:for-each>
    </xsl:variable>
    <p style="caption" keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'impact.caption'"/></xsl:call-template></p>
    <xsl:for-each select="$functions">
      <xsl:variable name="fn" select="."/>
      <xsl:variable name="b" select="f:bia"/>
      <!-- one table a function, kept on one page: every row is a header
           row (the engine splits a table inside a keep-together group, and
           never breaks inside header rows); the ratings take the body style -->
      <table widths="{$widths}" header-rows="{count($bia/d:category) + 1}" space-before="6pt" space-after="6pt">
          <row>
            <cell>
              <p><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></p>
              <p><xsl:call-template name="small"><xsl:with-param name="x" select="string(@id)"/></xsl:call-template></p>
            </cell>
            <xsl:for-each select="$points">
              <cell align="center"><xsl:call-template name="dur"><xsl:with-param name="d" select="."/></xsl:call-template></cell>
            </xsl:for-each>
          </row>
          <xsl:for-each select="$bia/d:category">
            <xsl:variable name="cat" select="@id"/>
            <xsl:variable name="r" select="str:tokenize(normalize-space($fn/d:impact[@category = $cat]), ' ')"/>
            <row>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
              <xsl:choose>
                <xsl:when test="$r">
                  <xsl:for-each select="$r">
                    <cell align="center" style="table">
                      <xsl:attribute name="background"><xsl:call-template name="level-colour"><xsl:with-param name="v" select="."/></xsl:call-template></xsl:attribute>
                      <xsl:choose>
                        <xsl:when test="$b/@mtpd-rule = 'rated' and $b/@mtpd-category = $cat and position() = $b/@mtpd-point"><b>▶ <xsl:value-of select="."/></b></xsl:when>
                        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                      </xsl:choose>
                    </cell>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:for-each select="$points"><cell align="center" style="table" background="#FFFFFF">—</cell></xsl:for-each>
                </xsl:otherwise>
              </xsl:choose>
            </row>
          </xsl:for-each>
        </table>
    </xsl:for-each>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'impact.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== 4 IT service recovery requirements ===== -->
  <xsl:template name="requirements">
    <h level="1" id="requirements"><xsl:call-template name="L"><xsl:with-param name="k" select="'requirements'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'requirements.intro'"/></xsl:call-template></p>

    <h level="2" id="inherited"><xsl:call-template name="L"><xsl:with-param name="k" select="'inherited'"/></xsl:call-template></h>
    <table widths="1.15* 15mm 18mm 1.35* 18mm 23mm 25mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'inherited.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'service'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'tier.short'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'required-rto'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'via'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'required-rpo'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'from-function'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'declared'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$services">
        <xsl:variable name="r" select="f:recovery"/>
        <row>
          <xsl:if test="not($r/@rto-minutes) and not($r/@rpo-minutes)"><xsl:attribute name="background"><xsl:value-of select="$grey"/></xsl:attribute></xsl:if>
          <cell><xsl:call-template name="svc-cell"><xsl:with-param name="id" select="@id"/></xsl:call-template></cell>
          <cell><xsl:call-template name="tier-name"><xsl:with-param name="id" select="$r/@tier"/></xsl:call-template></cell>
          <cell align="right"><xsl:if test="$r/@rto-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rto-minutes"/></xsl:call-template></xsl:if></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$r/@rto-function">
                <p><xsl:value-of select="$r/@rto-function"/><xsl:text> </xsl:text><xsl:call-template name="fn-name"><xsl:with-param name="id" select="$r/@rto-function"/></xsl:call-template></p>
                <p><xsl:call-template name="small"><xsl:with-param name="x">
                  <xsl:choose>
                    <xsl:when test="$r/@rto-via">
                      <xsl:call-template name="L"><xsl:with-param name="k" select="'via.service'"/></xsl:call-template>
                      <xsl:call-template name="service-name"><xsl:with-param name="id" select="$r/@rto-via"/></xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'via.direct'"/></xsl:call-template></xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param></xsl:call-template></p>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'via.none'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right"><xsl:if test="$r/@rpo-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rpo-minutes"/></xsl:call-template></xsl:if></cell>
          <cell><xsl:value-of select="$r/@rpo-function"/></cell>
          <cell>
            <xsl:if test="contains(@f:findings, 'declared-rto-looser') or contains(@f:findings, 'rto-inversion')"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
            <xsl:choose><xsl:when test="@rto"><xsl:call-template name="dur"><xsl:with-param name="d" select="@rto"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose>
            <xsl:text> / </xsl:text>
            <xsl:choose><xsl:when test="@rpo"><xsl:call-template name="dur"><xsl:with-param name="d" select="@rpo"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'inherited.note'"/></xsl:call-template></p>

    <h level="2" id="tiers"><xsl:call-template name="L"><xsl:with-param name="k" select="'tiers'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'tiers.intro'"/></xsl:call-template></p>
    <table widths="16mm 20mm 20mm 1* 1.3*" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'tiers.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'tier.short'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'tier.max'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'tier.rpo'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'tier.functions'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'tier.services'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$tiers">
        <xsl:variable name="id" select="@id"/>
        <row>
          <cell>
            <xsl:attribute name="background"><xsl:call-template name="tier-colour"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:attribute>
            <xsl:if test="position() &lt;= 2"><xsl:attribute name="colour">#FFFFFF</xsl:attribute></xsl:if>
            <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
          </cell>
          <cell>
            <xsl:choose>
              <xsl:when test="@max">≤ <xsl:call-template name="dur"><xsl:with-param name="d" select="@max"/></xsl:call-template></xsl:when>
              <xsl:otherwise>&gt; <xsl:call-template name="dur"><xsl:with-param name="d" select="preceding-sibling::d:tier[1]/@max"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell><xsl:call-template name="dur"><xsl:with-param name="d" select="@rpo"/></xsl:call-template></cell>
          <cell>
            <xsl:for-each select="$functions[f:bia/@tier = $id]">
              <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
              <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
            </xsl:for-each>
          </cell>
          <cell><xsl:call-template name="svc-list"><xsl:with-param name="ids" select="$order[@tier = $id]/@ref"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
      <xsl:if test="$functions[not(f:bia/@tier)] or $order[not(@tier)]">
        <row background="{$grey}">
          <cell colspan="3"><xsl:call-template name="L"><xsl:with-param name="k" select="'tier.none'"/></xsl:call-template></cell>
          <cell>
            <xsl:for-each select="$functions[not(f:bia/@tier)]">
              <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
              <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
            </xsl:for-each>
          </cell>
          <cell><xsl:call-template name="svc-list"><xsl:with-param name="ids" select="$order[not(@tier)]/@ref"/></xsl:call-template></cell>
        </row>
      </xsl:if>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'tiers.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- the colour of a tier in the diagram and the tier table: by its position -->
  <xsl:template name="tier-colour">
    <xsl:param name="id"/>
    <xsl:variable name="t" select="$tiers[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="not($t)">#EEEEEE</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pal" select="str:tokenize($tier-palette, ' ')"/>
        <xsl:variable name="p" select="count($t/preceding-sibling::d:tier) + 1"/>
        <xsl:choose>
          <xsl:when test="$pal[$p]"><xsl:value-of select="$pal[$p]"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$pal[last()]"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== 5 recovery order and feasibility ===== -->
  <xsl:template name="recovery">
    <h level="1" id="recovery"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery'"/></xsl:call-template></h>

    <h level="2" id="order"><xsl:call-template name="L"><xsl:with-param name="k" select="'order'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'order.intro'"/></xsl:call-template></p>
    <xsl:call-template name="diagram"/>
    <page-break/>
    <table widths="14mm 1.5* 18mm 22mm 1.8* 24mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'order.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'rank'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'service'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'tier.short'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'required-rto'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'depends-on'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'earliest'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$order">
        <row>
          <cell align="right"><xsl:value-of select="@rank"/></cell>
          <cell>
            <xsl:call-template name="service-name"><xsl:with-param name="id" select="@ref"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="small"><xsl:with-param name="x" select="string(@ref)"/></xsl:call-template>
          </cell>
          <cell><xsl:call-template name="tier-name"><xsl:with-param name="id" select="@tier"/></xsl:call-template></cell>
          <cell align="right"><xsl:if test="@rto-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="@rto-minutes"/></xsl:call-template></xsl:if></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="f:depends-on"><xsl:call-template name="svc-list"><xsl:with-param name="ids" select="f:depends-on/@ref"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right">
            <xsl:choose>
              <xsl:when test="@earliest-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="@earliest-minutes"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'unknown'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'order.note'"/></xsl:call-template></p>

  </xsl:template>

  <!-- the dependency diagram (landscape) -->
  <xsl:template name="diagram">
      <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'diagram.intro'"/></xsl:call-template></p>
      <chart kind="dependency" height="112mm" id="dependency-diagram" keep-with-next="true">
        <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'diagram.title'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$order">
          <node id="dep-{@ref}">
            <xsl:attribute name="label"><xsl:call-template name="service-name"><xsl:with-param name="id" select="@ref"/></xsl:call-template></xsl:attribute>
            <xsl:attribute name="colour"><xsl:call-template name="tier-colour"><xsl:with-param name="id" select="@tier"/></xsl:call-template></xsl:attribute>
          </node>
        </xsl:for-each>
        <xsl:for-each select="$order/f:depends-on">
          <edge from="dep-{../@ref}" to="dep-{@ref}"/>
        </xsl:for-each>
      </chart>
      <xsl:call-template name="tier-legend"/>
  </xsl:template>

  <!-- 5.2, 5.3 feasibility against RTO and RPO -->
  <xsl:template name="feasibility">
    <h level="2" id="feasibility"><xsl:call-template name="L"><xsl:with-param name="k" select="'feasibility'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'feasibility.intro'"/></xsl:call-template></p>
    <table widths="1.2* 14mm 15mm 28mm 1* 18mm 13mm 20mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'feasibility.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'service'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'feasibility.rto'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'feasibility.own'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'plan'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'critical-dependency'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'feasibility.earliest'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'feasibility.gap'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'achievable'"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$order">
        <xsl:variable name="r" select="key('service', current()/@ref)/f:recovery"/>
        <row>
          <cell><xsl:call-template name="svc-cell"><xsl:with-param name="id" select="@ref"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="num-min"><xsl:with-param name="m" select="$r/@rto-minutes"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="num-min"><xsl:with-param name="m" select="$r/@own-minutes"/></xsl:call-template></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$r/@plan"><xsl:value-of select="$r/@plan"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'no-plan'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$r/@critical-dependency"><xsl:call-template name="service-name"><xsl:with-param name="id" select="$r/@critical-dependency"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right">
            <xsl:choose>
              <xsl:when test="$r/@earliest-minutes"><xsl:call-template name="num-min"><xsl:with-param name="m" select="$r/@earliest-minutes"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'unknown'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right">
            <xsl:if test="$r/@rto-gap-minutes &gt; 0"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
            <xsl:call-template name="num-min"><xsl:with-param name="m" select="$r/@rto-gap-minutes"/></xsl:call-template>
          </cell>
          <cell align="center">
            <xsl:choose>
              <xsl:when test="$r/@achievable">
                <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="$r/@achievable"/></xsl:call-template></xsl:attribute>
                <xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', $r/@achievable)"/></xsl:call-template>
              </xsl:when>
              <xsl:when test="$r/@rto-minutes">
                <xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'unknown'"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'feasibility.note'"/></xsl:call-template></p>
    <xsl:variable name="charted" select="$order[key('service', @ref)/f:recovery/@achievable = 'false']"/>
    <xsl:if test="$charted">
      <chart kind="bar" height="92mm" id="feasibility-chart">
        <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'feasibility.chart'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="y-label"><xsl:call-template name="L"><xsl:with-param name="k" select="'minutes.axis'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$charted">
          <!-- names are too long to stand under the bars in English: ids there -->
          <category>
            <xsl:attribute name="label">
              <xsl:choose>
                <xsl:when test="$en"><xsl:value-of select="@ref"/></xsl:when>
                <xsl:otherwise><xsl:call-template name="service-name"><xsl:with-param name="id" select="@ref"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </category>
        </xsl:for-each>
        <series colour="#9CC3E4">
          <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'required-rto'"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$charted"><xsl:call-template name="v"><xsl:with-param name="x" select="@rto-minutes"/></xsl:call-template></xsl:for-each>
        </series>
        <series colour="#1F4E79">
          <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'earliest'"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$charted"><xsl:call-template name="v"><xsl:with-param name="x" select="@earliest-minutes"/></xsl:call-template></xsl:for-each>
        </series>
        <legend/>
      </chart>
    </xsl:if>

    <h level="2" id="rpo-gaps"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo-gaps'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo-gaps.intro'"/></xsl:call-template></p>
    <xsl:variable name="with-rpo" select="$services[f:recovery/@data-loss-minutes or (f:recovery/@rpo-minutes and (@kind = 'application' or @kind = 'database' or @kind = 'transmission'))]"/>
    <table widths="1.1* 16mm 19mm 1.6* 18mm 16mm 16mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'rpo-gaps.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'service'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'rpo-gaps.rpo'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'from-function'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'protection'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'rpo-gaps.loss'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'rpo-gaps.gap'"/><xsl:with-param name="align" select="'right'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'rpo-gaps.met'"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$with-rpo">
        <xsl:variable name="r" select="f:recovery"/>
        <row>
          <cell><xsl:call-template name="svc-cell"><xsl:with-param name="id" select="@id"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="num-min"><xsl:with-param name="m" select="$r/@rpo-minutes"/></xsl:call-template></cell>
          <cell><xsl:value-of select="$r/@rpo-function"/></cell>
          <cell>
            <xsl:for-each select="d:data-protection">
              <p>
                <xsl:call-template name="L"><xsl:with-param name="k" select="concat('protection.', @method)"/></xsl:call-template>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template>
                <xsl:call-template name="dur"><xsl:with-param name="d" select="@interval"/></xsl:call-template>
                <xsl:if test="@lag">
                  <xsl:text> + </xsl:text><xsl:call-template name="dur"><xsl:with-param name="d" select="@lag"/></xsl:call-template>
                </xsl:if>
              </p>
            </xsl:for-each>
            <xsl:if test="@data-in">
              <p>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'protection.data-in'"/></xsl:call-template>
                <xsl:call-template name="service-name"><xsl:with-param name="id" select="@data-in"/></xsl:call-template>
              </p>
            </xsl:if>
            <xsl:if test="not(d:data-protection) and not(@data-in)">
              <xsl:call-template name="L"><xsl:with-param name="k" select="'protection.none'"/></xsl:call-template>
            </xsl:if>
          </cell>
          <cell align="right">
            <xsl:choose>
              <xsl:when test="$r/@data-loss-minutes"><xsl:call-template name="num-min"><xsl:with-param name="m" select="$r/@data-loss-minutes"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'unknown'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right">
            <xsl:if test="$r/@rpo-gap-minutes &gt; 0"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
            <xsl:call-template name="num-min"><xsl:with-param name="m" select="$r/@rpo-gap-minutes"/></xsl:call-template>
          </cell>
          <cell align="center">
            <xsl:choose>
              <xsl:when test="$r/@rpo-gap-minutes">
                <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($r/@rpo-gap-minutes = 0)"/></xsl:call-template></xsl:attribute>
                <xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', string($r/@rpo-gap-minutes = 0))"/></xsl:call-template>
              </xsl:when>
              <xsl:when test="contains(@f:findings, 'no-data-protection')">
                <xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'unknown'"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
      <xsl:if test="not($with-rpo)"><xsl:call-template name="none-row"><xsl:with-param name="cols" select="7"/></xsl:call-template></xsl:if>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo-gaps.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- the colour key of the tiers, one line -->
  <xsl:template name="tier-legend">
    <table borders="none" space-before="0pt">
      <xsl:attribute name="widths">
        <xsl:text>auto</xsl:text>
        <xsl:for-each select="$tiers"> auto</xsl:for-each>
        <xsl:text> auto 1*</xsl:text>
      </xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'diagram.legend'"/></xsl:call-template></cell>
        <xsl:for-each select="$tiers">
          <cell>
            <xsl:attribute name="background"><xsl:call-template name="tier-colour"><xsl:with-param name="id" select="@id"/></xsl:call-template></xsl:attribute>
            <xsl:if test="position() &lt;= 2"><xsl:attribute name="colour">#FFFFFF</xsl:attribute></xsl:if>
            <xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>
          </cell>
        </xsl:for-each>
        <cell background="#EEEEEE"><xsl:call-template name="L"><xsl:with-param name="k" select="'tier.none.short'"/></xsl:call-template></cell>
        <cell/>
      </row>
    </table>
  </xsl:template>

  <!-- ===== 6 risk assessment ===== -->
  <xsl:template name="risk">
    <h level="1" id="risk"><xsl:call-template name="L"><xsl:with-param name="k" select="'risk'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'risk.intro'"/></xsl:call-template></p>

    <h level="2" id="register"><xsl:call-template name="L"><xsl:with-param name="k" select="'register'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'register.intro'"/></xsl:call-template>
      <ref to="appendix-register" show="title"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'register.intro2'"/></xsl:call-template>
      <ref to="appendix-register"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'register.intro3'"/></xsl:call-template>
    </p>
    <table widths="13mm 1* 35mm 19mm 19mm 15mm 15mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'register.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'id'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'risk.title'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'affects'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'inherent'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'residual'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'risk.status'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'owner'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$risks">
        <xsl:variable name="g" select="f:rating"/>
        <row>
          <xsl:if test="@status = 'closed'"><xsl:attribute name="background"><xsl:value-of select="$grey"/></xsl:attribute></xsl:if>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
          <cell><xsl:call-template name="affects"/></cell>
          <cell><xsl:call-template name="rating"><xsl:with-param name="r" select="d:inherent"/><xsl:with-param name="score" select="$g/@inherent-score"/><xsl:with-param name="band" select="$g/@inherent-band"/></xsl:call-template></cell>
          <cell>
            <xsl:if test="$g/@above-appetite = 'true'"><xsl:attribute name="background"><xsl:value-of select="$red"/></xsl:attribute></xsl:if>
            <xsl:call-template name="rating"><xsl:with-param name="r" select="d:residual"/><xsl:with-param name="score" select="$g/@residual-score"/><xsl:with-param name="band" select="$g/@residual-band"/></xsl:call-template>
          </cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('risk.status.', @status)"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
      <xsl:if test="not($risks)"><xsl:call-template name="none-row"><xsl:with-param name="cols" select="7"/></xsl:call-template></xsl:if>
    </table>
    <p style="note">
      <xsl:call-template name="F">
        <xsl:with-param name="k" select="'register.note'"/>
        <xsl:with-param name="v" select="$facts/f:heatmap/@appetite"/>
      </xsl:call-template>
    </p>

    <h level="2" id="heatmaps"><xsl:call-template name="L"><xsl:with-param name="k" select="'heatmaps'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="F">
        <xsl:with-param name="k" select="'heatmaps.intro'"/>
        <xsl:with-param name="v" select="$facts/f:heatmap/@appetite"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="heatmap">
      <xsl:with-param name="which" select="'inherent'"/>
    </xsl:call-template>
    <xsl:call-template name="heatmap">
      <xsl:with-param name="which" select="'residual'"/>
    </xsl:call-template>

    <h level="2" id="above-appetite"><xsl:call-template name="L"><xsl:with-param name="k" select="'above'"/></xsl:call-template></h>
    <xsl:variable name="above" select="$risks[f:rating/@above-appetite = 'true']"/>
    <p>
      <xsl:call-template name="F">
        <xsl:with-param name="k" select="'above.intro'"/>
        <xsl:with-param name="v" select="$facts/f:heatmap/@appetite"/>
      </xsl:call-template>
    </p>
    <table widths="13mm 1* 19mm 19mm 1.2* 15mm" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'above.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'id'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'risk.title'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'residual'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'above.appetite'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'above.treatment'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'owner'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$above">
        <xsl:variable name="g" select="f:rating"/>
        <row>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
          <cell background="{$red}"><xsl:call-template name="rating"><xsl:with-param name="r" select="d:residual"/><xsl:with-param name="score" select="$g/@residual-score"/><xsl:with-param name="band" select="$g/@residual-band"/></xsl:call-template></cell>
          <cell><xsl:value-of select="$facts/f:heatmap/@appetite"/></cell>
          <cell>
            <xsl:for-each select="d:treatment[not(@done)]">
              <p>
                <xsl:call-template name="L"><xsl:with-param name="k" select="concat('treatment.kind.', @kind)"/></xsl:call-template>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template>
                <xsl:choose>
                  <xsl:when test="@due"><xsl:call-template name="L"><xsl:with-param name="k" select="'due'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@due"/></xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'no-due'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
                <xsl:if test="contains(@f:findings, 'treatment-overdue')"><xsl:text> </xsl:text><span colour="#C62828"><b><xsl:call-template name="L"><xsl:with-param name="k" select="'overdue'"/></xsl:call-template></b></span></xsl:if>
              </p>
            </xsl:for-each>
            <xsl:if test="not(d:treatment[not(@done)])"><xsl:call-template name="L"><xsl:with-param name="k" select="'above.no-treatment'"/></xsl:call-template></xsl:if>
          </cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
      <xsl:if test="not($above)"><xsl:call-template name="none-row"><xsl:with-param name="cols" select="6"/></xsl:call-template></xsl:if>
    </table>

    <h level="2" id="treatments"><xsl:call-template name="L"><xsl:with-param name="k" select="'treatments'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'treatments.intro'"/></xsl:call-template></p>
    <table widths="13mm 1* 15mm 15mm 20mm 15mm" header-rows="1" keep-with-next="true">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'treatments.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'risk.short'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'treatment'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'treatment.kind'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'owner'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'due'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'treatment.state'"/><xsl:with-param name="align" select="'center'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$open-treatments">
        <xsl:sort select="@due"/>
        <xsl:variable name="late" select="contains(@f:findings, 'treatment-overdue')"/>
        <row>
          <cell><xsl:value-of select="../@id"/></cell>
          <cell><xsl:value-of select="normalize-space(.)"/></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('treatment.kind.', @kind)"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
          <cell><xsl:choose><xsl:when test="@due"><xsl:value-of select="@due"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(not($late))"/></xsl:call-template></xsl:attribute>
            <xsl:choose>
              <xsl:when test="$late"><xsl:call-template name="L"><xsl:with-param name="k" select="'overdue'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'in-progress'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </xsl:for-each>
      <xsl:if test="not($open-treatments)"><xsl:call-template name="none-row"><xsl:with-param name="cols" select="6"/></xsl:call-template></xsl:if>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'treatments.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- what a risk affects: services by name, then assets by id, small -->
  <xsl:template name="affects">
    <xsl:if test="d:affects[@service]">
      <p><xsl:call-template name="svc-list"><xsl:with-param name="ids" select="d:affects/@service"/></xsl:call-template></p>
    </xsl:if>
    <xsl:if test="d:affects[@asset]">
      <p><xsl:call-template name="small"><xsl:with-param name="x">
        <xsl:for-each select="d:affects/@asset">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </xsl:with-param></xsl:call-template></p>
    </xsl:if>
  </xsl:template>

  <!-- a heat map of f:heatmap: likelihood up (highest on top), impact across,
       cells in the colour of their band, the number of risks rated there -->
  <xsl:template name="heatmap">
    <xsl:param name="which"/>
    <xsl:variable name="li" select="$rp/d:likelihood"/>
    <xsl:variable name="im" select="$rp/d:impact"/>
    <chart kind="heatmap" height="82mm" width="118mm" id="heatmap-{$which}">
      <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('heatmap.', $which)"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="x-label"><xsl:call-template name="L"><xsl:with-param name="k" select="'impact'"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="y-label"><xsl:call-template name="L"><xsl:with-param name="k" select="'likelihood'"/></xsl:call-template></xsl:attribute>
      <xsl:for-each select="$li">
        <xsl:sort select="@value" data-type="number" order="descending"/>
        <row-label><xsl:value-of select="@value"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></row-label>
      </xsl:for-each>
      <xsl:for-each select="$im">
        <col-label><xsl:value-of select="@value"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></col-label>
      </xsl:for-each>
      <xsl:for-each select="$facts/f:heatmap/f:cell">
        <xsl:variable name="l" select="@likelihood"/>
        <xsl:variable name="i" select="@impact"/>
        <xsl:variable name="n" select="@*[local-name() = $which]"/>
        <cell row="{count($li[@value &gt; $l]) + 1}" col="{count($im[@value &lt; $i]) + 1}">
          <xsl:if test="$n &gt; 0"><xsl:attribute name="value"><xsl:value-of select="$n"/></xsl:attribute></xsl:if>
          <xsl:if test="$rp/d:band[@id = current()/@band]/@colour">
            <xsl:attribute name="colour"><xsl:value-of select="$rp/d:band[@id = current()/@band]/@colour"/></xsl:attribute>
          </xsl:if>
        </cell>
      </xsl:for-each>
    </chart>
  </xsl:template>

  <!-- ===== 7 findings ===== -->
  <xsl:template name="findings">
    <h level="1" id="findings"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.intro'"/></xsl:call-template></p>
    <xsl:call-template name="findings-table">
      <xsl:with-param name="kinds" select="$finding-kinds"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== 8 data sources ===== -->
  <xsl:template name="sources">
    <h level="1" id="sources"><xsl:call-template name="L"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.intro'"/></xsl:call-template></p>
    <xsl:call-template name="sources-table">
      <xsl:with-param name="kinds" select="'policies business-functions services risks plan drill'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== appendix A: the register in full ===== -->
  <xsl:template name="register-detail">
    <h level="1" id="appendix-register" numbered="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'appendix.register'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'appendix.register.intro'"/></xsl:call-template></p>
    <table widths="19mm 1.1* 1* 1.2* 1.3* 1.5*" header-rows="1">
      <xsl:call-template name="caption"><xsl:with-param name="k" select="'appendix.register.caption'"/></xsl:call-template>
      <row>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'id'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'appendix.risk-affects'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'threat'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'vulnerability'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'controls'"/></xsl:call-template>
        <xsl:call-template name="hc"><xsl:with-param name="k" select="'treatments.all'"/></xsl:call-template>
      </row>
      <xsl:for-each select="$risks">
        <row>
          <xsl:if test="@status = 'closed'"><xsl:attribute name="background"><xsl:value-of select="$grey"/></xsl:attribute></xsl:if>
          <cell>
            <p><xsl:value-of select="@id"/></p>
            <p><xsl:call-template name="small"><xsl:with-param name="x" select="concat(@f:file, ':', @f:line)"/></xsl:call-template></p>
          </cell>
          <cell>
            <p><b><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></b></p>
            <xsl:for-each select="d:affects">
              <p>
                <xsl:choose>
                  <xsl:when test="@service">
                    <xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template>
                    <xsl:call-template name="small"><xsl:with-param name="x" select="concat(' ', @service)"/></xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="t"><xsl:with-param name="n" select="$assets[@id = current()/@asset]/d:name"/></xsl:call-template>
                    <xsl:call-template name="small"><xsl:with-param name="x" select="concat(' ', @asset)"/></xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </p>
            </xsl:for-each>
          </cell>
          <cell><xsl:call-template name="texts"><xsl:with-param name="n" select="d:threat"/></xsl:call-template></cell>
          <cell><xsl:call-template name="texts"><xsl:with-param name="n" select="d:vulnerability"/></xsl:call-template></cell>
          <cell>
            <xsl:call-template name="texts"><xsl:with-param name="n" select="d:control"/></xsl:call-template>
            <xsl:if test="not(d:control)">—</xsl:if>
          </cell>
          <cell>
            <xsl:for-each select="d:treatment">
              <p>
                <b><xsl:call-template name="L"><xsl:with-param name="k" select="concat('treatment.kind.', @kind)"/></xsl:call-template></b>
                <xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template>
                <xsl:value-of select="normalize-space(.)"/>
              </p>
              <p>
                <xsl:call-template name="small"><xsl:with-param name="x">
                  <xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template>
                  <xsl:if test="@due">
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template>
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'due'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@due"/>
                  </xsl:if>
                  <xsl:if test="@done">
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template>
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'done'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@done"/>
                  </xsl:if>
                  <xsl:if test="contains(@f:findings, 'treatment-overdue')">
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template>
                    <xsl:call-template name="L"><xsl:with-param name="k" select="'overdue'"/></xsl:call-template>
                  </xsl:if>
                </xsl:with-param></xsl:call-template>
              </p>
            </xsl:for-each>
            <xsl:if test="not(d:treatment)">—</xsl:if>
          </cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- ===== appendix B: impact ratings when they do not fit portrait ===== -->
  <xsl:template name="impact-appendix">
    <h level="1" id="appendix-impact" numbered="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'appendix.impact'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'impact.intro'"/></xsl:call-template></p>
    <xsl:call-template name="level-legend"/>
    <xsl:call-template name="impact-tables"/>
  </xsl:template>
</xsl:stylesheet>
