<?xml version="1.0" encoding="UTF-8"?>
<!--
  monthly-service-report.xsl: the monthly service report of ISO/IEC
  20000-1 9.4 for the period: summary; availability against every target
  with its status; incidents by level with timeliness and the major ones;
  changes; continuity (plan invocations, drills, retests); workload against
  limits; satisfaction and complaints; findings; open actions; KPIs with
  trends; the data sources; availability trends in an appendix.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    exclude-result-prefixes="f d">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'monthly-service-report'"/>

  <xsl:variable name="services" select="$facts/f:services/d:service[f:availability/@sla]"/>
  <xsl:variable name="incidents" select="$facts/f:incidents/d:incident[f:timeline/@in-period = 'true']"/>
  <xsl:variable name="major" select="$incidents[f:timeline/@major = 'true']"/>
  <xsl:variable name="total" select="$facts/f:incident-summary/f:total"/>

  <xsl:template name="report-period"><xsl:call-template name="month"/></xsl:template>
  <xsl:template name="document-date"><xsl:value-of select="$period-end"/></xsl:template>

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
        <xsl:call-template name="availability"/>
        <xsl:call-template name="incidents"/>
        <xsl:call-template name="changes"/>
        <xsl:call-template name="continuity"/>
        <xsl:call-template name="workload"/>
        <xsl:call-template name="satisfaction"/>
        <xsl:call-template name="nonconformities"/>
        <xsl:call-template name="actions"/>
        <xsl:call-template name="kpis"/>
        <xsl:call-template name="sources"/>
        <xsl:call-template name="trends"/>
      </section>
    </document>
  </xsl:template>

  <!-- 1 summary -->
  <xsl:template name="summary">
    <h level="1" id="summary"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.intro'"/></xsl:call-template>
    </p>
    <table widths="1* 1*" header-rows="1" caption="">
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.caption'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.item'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.value'"/></xsl:call-template></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.availability'"/></xsl:call-template></cell>
        <cell>
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string(count($services[f:availability/@met = 'false']) = 0)"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="count($services[f:availability/@met = 'true'])"/> / <xsl:value-of select="count($services[f:availability/@applicable = 'true'])"/>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.incidents'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="$total/@count"/><xsl:text> (</xsl:text><xsl:call-template name="L"><xsl:with-param name="k" select="'major'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="count($major)"/>)</cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'reported-on-time'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="$total/@reported-on-time"/> / <xsl:value-of select="$total/@count"/>（<xsl:call-template name="pct"><xsl:with-param name="v" select="$total/@reported-share"/><xsl:with-param name="digits" select="1"/></xsl:call-template>）</cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'resolved-in-time'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="$total/@resolved-in-time"/> / <xsl:value-of select="$total/@with-target"/>（<xsl:call-template name="pct"><xsl:with-param name="v" select="$total/@resolved-share"/><xsl:with-param name="digits" select="1"/></xsl:call-template>）</cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.changes'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="$facts/f:change-summary/@total"/>（<xsl:call-template name="L"><xsl:with-param name="k" select="'change.success'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template><xsl:call-template name="pct"><xsl:with-param name="v" select="$facts/f:change-summary/@success-percent"/><xsl:with-param name="digits" select="1"/></xsl:call-template>）</cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.satisfaction'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="format-number($facts/f:satisfaction-summary/@score, '0.00')"/> / <xsl:value-of select="$facts/f:satisfaction-summary/@scale"/></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.kpis'"/></xsl:call-template></cell>
        <cell>
          <xsl:value-of select="count($facts/f:kpis/d:kpi[f:trend/@status = 'green'])"/><xsl:text> / </xsl:text>
          <xsl:value-of select="count($facts/f:kpis/d:kpi[f:trend/@status = 'amber'])"/><xsl:text> / </xsl:text>
          <xsl:value-of select="count($facts/f:kpis/d:kpi[f:trend/@status = 'red'])"/>
        </cell>
      </row>
    </table>
  </xsl:template>

  <!-- 2 availability -->
  <xsl:template name="availability">
    <h level="1" id="availability"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.intro'"/></xsl:call-template></p>
    <table widths="1* 15mm 16mm 19mm 15mm 18mm 17mm 11mm 14mm" header-rows="1" continued="">
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.caption'"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
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
      <xsl:for-each select="$services">
        <xsl:variable name="a" select="f:availability"/>
        <xsl:variable name="st">
          <xsl:choose>
            <xsl:when test="$a/@applicable != 'true'">na</xsl:when>
            <xsl:when test="$a/@met = 'true'">green</xsl:when>
            <xsl:otherwise>red</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></cell>
          <cell><xsl:call-template name="grade-name"><xsl:with-param name="id" select="@grade"/></xsl:call-template></cell>
          <cell align="right"><xsl:value-of select="$a/@target"/>%</cell>
          <cell align="right"><xsl:call-template name="pct"><xsl:with-param name="v" select="$a/@percent"/></xsl:call-template></cell>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="$st"/></xsl:call-template></xsl:attribute>
            <xsl:choose>
              <xsl:when test="$st = 'na'"><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:when>
              <xsl:when test="$st = 'green'"><xsl:call-template name="L"><xsl:with-param name="k" select="'met'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'missed'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right"><xsl:value-of select="format-number($a/@agreed-minutes, '#,##0')"/></cell>
          <cell align="right"><xsl:value-of select="format-number($a/@downtime-minutes, '#,##0.#')"/></cell>
          <cell align="right"><xsl:value-of select="$a/@outages"/></cell>
          <cell align="right"><xsl:choose><xsl:when test="$a/@mtrs-minutes"><xsl:value-of select="format-number($a/@mtrs-minutes, '#,##0.#')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- 3 incidents -->
  <xsl:template name="incidents">
    <h level="1" id="incidents"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.by-level'"/></xsl:call-template></h>
    <table widths="1* 13mm 22mm 22mm 24mm 20mm 20mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'level'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'count'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'reported-on-time'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'resolved-in-time'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'escalations'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'restore-mean'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'restore-p90'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$facts/f:incident-summary/f:level | $total">
        <row>
          <xsl:if test="self::f:total"><xsl:attribute name="background">#EEF2F6</xsl:attribute></xsl:if>
          <cell>
            <xsl:choose>
              <xsl:when test="self::f:total"><xsl:call-template name="L"><xsl:with-param name="k" select="'total'"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="grade-name"><xsl:with-param name="id" select="@level"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right"><xsl:value-of select="@count"/></cell>
          <cell align="right"><xsl:value-of select="@reported-on-time"/>/<xsl:value-of select="@count"/></cell>
          <cell align="right"><xsl:value-of select="@resolved-in-time"/>/<xsl:value-of select="@with-target"/></cell>
          <cell align="right"><xsl:value-of select="@escalations-on-time"/>/<xsl:value-of select="@escalations-due"/></cell>
          <cell align="right"><xsl:if test="@restore-mean-minutes"><xsl:value-of select="format-number(@restore-mean-minutes, '#,##0.0')"/></xsl:if></cell>
          <cell align="right"><xsl:if test="@restore-p90-minutes"><xsl:value-of select="format-number(@restore-p90-minutes, '#,##0.0')"/></xsl:if></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.note'"/></xsl:call-template></p>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.major'"/></xsl:call-template></h>
    <xsl:if test="not($major)"><p><xsl:call-template name="L"><xsl:with-param name="k" select="'incidents.no-major'"/></xsl:call-template></p></xsl:if>
    <xsl:for-each select="$major">
      <group keep-together="true">
        <h level="3"><xsl:value-of select="@id"/>　<xsl:call-template name="t"><xsl:with-param name="n" select="d:summary"/></xsl:call-template></h>
        <table widths="28mm 1* 28mm 1*">
          <row>
            <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
            <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'response'"/></xsl:call-template></cell>
            <cell><xsl:value-of select="f:timeline/@response"/><xsl:if test="f:timeline/@final-response"> → <xsl:value-of select="f:timeline/@final-response"/></xsl:if></cell>
          </row>
          <row>
            <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'detected'"/></xsl:call-template></cell>
            <cell><xsl:value-of select="substring(f:timeline/@detected, 1, 16)"/></cell>
            <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'restore'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="minutes"><xsl:with-param name="m" select="f:timeline/@restore-minutes"/></xsl:call-template></cell>
          </row>
        </table>
        <xsl:if test="d:cause">
          <p><b><xsl:call-template name="L"><xsl:with-param name="k" select="'cause'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template></b><xsl:call-template name="t"><xsl:with-param name="n" select="d:cause"/></xsl:call-template></p>
        </xsl:if>
        <xsl:if test="d:action">
          <list>
            <xsl:for-each select="d:action"><item><xsl:value-of select="normalize-space(.)"/></item></xsl:for-each>
          </list>
        </xsl:if>
      </group>
    </xsl:for-each>
  </xsl:template>

  <!-- 4 changes -->
  <xsl:template name="changes">
    <xsl:variable name="cs" select="$facts/f:change-summary"/>
    <h level="1" id="changes"><xsl:call-template name="L"><xsl:with-param name="k" select="'changes'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro'"/></xsl:call-template>
      <xsl:value-of select="$cs/@total"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro2'"/></xsl:call-template>
      <xsl:value-of select="$cs/@implemented"/>/<xsl:value-of select="$cs/@failed"/>/<xsl:value-of select="$cs/@rolled-back"/>/<xsl:value-of select="$cs/@cancelled"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro3'"/></xsl:call-template>
      <xsl:value-of select="$cs/@emergency"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'changes.intro4'"/></xsl:call-template>
    </p>
    <table widths="25mm 1* 1.6* 16mm 16mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.title'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.type'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'change.status'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$facts/f:changes/d:change[@f:month = $period]">
        <row>
          <xsl:if test="@status = 'failed' or @status = 'rolled-back'"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template><xsl:if test="@significant = 'true'">（<xsl:call-template name="L"><xsl:with-param name="k" select="'change.significant'"/></xsl:call-template>）</xsl:if></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('change.type.', @type)"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('change.status.', @status)"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- 5 continuity -->
  <xsl:template name="continuity">
    <h level="1" id="continuity"><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.invocations'"/></xsl:call-template></h>
    <xsl:variable name="inv" select="$incidents[@plan]"/>
    <xsl:choose>
      <xsl:when test="$inv">
        <table widths="28mm 38mm 1*" header-rows="1">
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'incident'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'plan'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.what'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$inv">
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$facts/f:plans/d:plan[@id = current()/@plan]/d:title"/></xsl:call-template></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:summary"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'continuity.no-invocations'"/></xsl:call-template></p></xsl:otherwise>
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
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
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
  </xsl:template>

  <!-- 6 workload -->
  <xsl:template name="workload">
    <h level="1" id="workload"><xsl:call-template name="L"><xsl:with-param name="k" select="'workload'"/></xsl:call-template></h>
    <table widths="1* 26mm 24mm 24mm 18mm 20mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'metric'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'peak'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'limit'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'use'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'change-prev'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$facts/f:workload/d:measure[@month = $period]">
        <xsl:variable name="u" select="f:usage"/>
        <row>
          <cell><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></cell>
          <cell>
            <xsl:call-template name="t"><xsl:with-param name="n" select="key('service', current()/@service)/d:sla/d:workload[@metric = current()/@metric][last()]/d:name"/></xsl:call-template>
          </cell>
          <cell align="right"><xsl:value-of select="format-number(@peak, '#,##0')"/></cell>
          <cell align="right"><xsl:if test="$u/@limit"><xsl:value-of select="format-number($u/@limit, '#,##0')"/><xsl:text> </xsl:text><xsl:value-of select="$u/@unit"/></xsl:if></cell>
          <cell align="right">
            <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($u/@over = 'false')"/></xsl:call-template></xsl:attribute>
            <xsl:call-template name="pct"><xsl:with-param name="v" select="$u/@use-percent"/><xsl:with-param name="digits" select="1"/></xsl:call-template>
          </cell>
          <cell align="right"><xsl:if test="$u/@change-percent"><xsl:if test="$u/@change-percent &gt; 0">+</xsl:if><xsl:call-template name="pct"><xsl:with-param name="v" select="$u/@change-percent"/><xsl:with-param name="digits" select="1"/></xsl:call-template></xsl:if></cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- 7 satisfaction -->
  <xsl:template name="satisfaction">
    <xsl:variable name="s" select="$facts/f:satisfaction-summary"/>
    <h level="1" id="satisfaction"><xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction'"/></xsl:call-template></h>
    <p>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro'"/></xsl:call-template>
      <xsl:value-of select="$s/@respondents"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro2'"/></xsl:call-template>
      <xsl:value-of select="format-number($s/@score, '0.00')"/> / <xsl:value-of select="$s/@scale"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro3'"/></xsl:call-template>
      <xsl:value-of select="$s/@complaints"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro4'"/></xsl:call-template>
      <xsl:value-of select="$s/@open"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'satisfaction.intro5'"/></xsl:call-template>
    </p>
    <xsl:variable name="complaints" select="$facts/f:satisfaction/d:complaint[@f:month = $period]"/>
    <xsl:if test="$complaints">
      <table widths="24mm 1* 1.6* 1.6*" header-rows="1">
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'complaint'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'resolution'"/></xsl:call-template></cell>
        </row>
        <xsl:for-each select="$complaints">
          <row>
            <cell><xsl:value-of select="@id"/></cell>
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
    </xsl:if>
  </xsl:template>

  <!-- 8 nonconformities: the findings of the period's operation -->
  <xsl:template name="nonconformities">
    <h level="1" id="findings"><xsl:call-template name="L"><xsl:with-param name="k" select="'nonconformities'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'nonconformities.intro'"/></xsl:call-template></p>
    <xsl:call-template name="findings-table">
      <xsl:with-param name="kinds" select="'availability-missed incident-target-missed report-late report-missing resolved-late open-overdue escalation-missed escalation-late updates-missing workload-over-limit planned-outside-window open-outage kpi-red'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 9 decisions and actions: the improvement actions still open -->
  <xsl:template name="actions">
    <h level="1" id="actions"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.intro'"/></xsl:call-template></p>
    <table widths="30mm 1* 22mm 20mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action.from'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'owner'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'due'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$facts/f:drills/d:drill[@status = 'held']/d:result/d:action[not(@done)]">
        <row>
          <xsl:if test="contains(@f:findings, 'drill-action-overdue')"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
          <cell><xsl:value-of select="ancestor::d:drill/@id"/>/<xsl:value-of select="@id"/></cell>
          <cell><xsl:value-of select="normalize-space(.)"/></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
          <cell><xsl:value-of select="@due"/></cell>
        </row>
      </xsl:for-each>
      <xsl:for-each select="$facts/f:risks/d:risk[@status != 'closed']/d:treatment[not(@done) and @due]">
        <row>
          <xsl:if test="contains(@f:findings, 'treatment-overdue')"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
          <cell><xsl:value-of select="../@id"/></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="."/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
          <cell><xsl:value-of select="@due"/></cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- 10 KPIs -->
  <xsl:template name="kpis">
    <h level="1" id="kpis"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis'"/></xsl:call-template></h>
    <table widths="1* 15mm 17mm 15mm 17mm 17mm 17mm 15mm" header-rows="1">
      <row>
        <cell>KPI</cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'actual'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'rag'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpi.delta-prev'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpi.delta-year'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpi.moving'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpi.slope'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$facts/f:kpis/d:kpi">
        <xsl:variable name="t" select="f:trend"/>
        <row>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template>（<xsl:value-of select="@unit"/>）</cell>
          <cell align="right"><xsl:value-of select="@target"/></cell>
          <cell align="right"><xsl:if test="$t/@value"><xsl:value-of select="format-number($t/@value, '#,##0.###')"/></xsl:if></cell>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="$t/@status"/></xsl:call-template></xsl:attribute>
            <xsl:call-template name="L"><xsl:with-param name="k" select="concat('rag.', $t/@status)"/></xsl:call-template>
          </cell>
          <cell align="right"><xsl:if test="$t/@delta-previous"><xsl:value-of select="format-number($t/@delta-previous, '+#,##0.###;-#,##0.###')"/></xsl:if></cell>
          <cell align="right"><xsl:choose><xsl:when test="$t/@delta-year"><xsl:value-of select="format-number($t/@delta-year, '+#,##0.###;-#,##0.###')"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:if test="$t/@moving-average-3"><xsl:value-of select="format-number($t/@moving-average-3, '#,##0.###')"/></xsl:if></cell>
          <cell align="right"><xsl:if test="$t/@slope"><xsl:value-of select="format-number($t/@slope, '+0.####;-0.####')"/></xsl:if></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'kpis.note'"/></xsl:call-template></p>
    <xsl:for-each select="$facts/f:kpis/d:kpi[f:trend/@status = 'red' or f:trend/@status = 'amber' or f:trend/@missed-run &gt; 0]">
      <xsl:call-template name="kpi-chart"><xsl:with-param name="k" select="."/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="kpi-chart">
    <xsl:param name="k"/>
    <chart kind="line" height="48mm">
      <xsl:attribute name="title"><xsl:call-template name="t"><xsl:with-param name="n" select="$k/d:name"/></xsl:call-template>（<xsl:value-of select="$k/@unit"/>）</xsl:attribute>
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

  <!-- 11 data sources -->
  <xsl:template name="sources">
    <h level="1" id="sources"><xsl:call-template name="L"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.intro'"/></xsl:call-template></p>
    <xsl:call-template name="sources-table">
      <xsl:with-param name="kinds" select="'services calendars policies incidents outages changes workload satisfaction kpis'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- appendix: availability over up to 12 months, one chart a service -->
  <xsl:template name="trends">
    <page-break/>
    <h level="1" id="trends" numbered="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'trends'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'trends.intro'"/></xsl:call-template></p>
    <xsl:for-each select="$services">
      <xsl:variable name="kpi" select="$facts/f:kpis/d:kpi[@source = 'availability' and @service = current()/@id][1]"/>
      <chart kind="line" height="44mm" y-label="%">
        <xsl:attribute name="title"><xsl:call-template name="t"><xsl:with-param name="n" select="d:name"/></xsl:call-template></xsl:attribute>
        <xsl:choose>
          <xsl:when test="$kpi">
            <xsl:for-each select="$kpi/f:trend/f:point"><category label="{@month}"/></xsl:for-each>
            <series>
              <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.short'"/></xsl:call-template></xsl:attribute>
              <xsl:for-each select="$kpi/f:trend/f:point"><xsl:call-template name="v"><xsl:with-param name="x" select="@value"/></xsl:call-template></xsl:for-each>
            </series>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="f:history/f:month"><category label="{@month}"/></xsl:for-each>
            <series>
              <xsl:attribute name="name"><xsl:call-template name="L"><xsl:with-param name="k" select="'availability.short'"/></xsl:call-template></xsl:attribute>
              <xsl:for-each select="f:history/f:month"><xsl:call-template name="v"><xsl:with-param name="x" select="@percent"/></xsl:call-template></xsl:for-each>
            </series>
          </xsl:otherwise>
        </xsl:choose>
        <target value="{f:availability/@target}">
          <xsl:attribute name="label"><xsl:call-template name="L"><xsl:with-param name="k" select="'target'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="f:availability/@target"/>%</xsl:attribute>
        </target>
      </chart>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
