<?xml version="1.0" encoding="UTF-8"?>
<!--
  register.xsl: the register of controlled documents, for the audit pack
  (dossier pack): every document of the register with its version, status,
  classification, effective and review dates, whether its version is
  released (and the period of its figures), and whether it is in the pack,
  with its files, or why not. Reads the facts' f:register and f:pack.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:l="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    exclude-result-prefixes="f d l">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'register'"/>
  <xsl:variable name="pack" select="$facts/f:pack"/>

  <xsl:template match="/">
    <document>
      <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
      <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'title'"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="date"><xsl:value-of select="$period-end"/></xsl:attribute>
      <xsl:call-template name="pack-head"/>
      <section master="landscape">
        <h level="1" numbered="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'title'"/></xsl:call-template></h>
        <p>
          <xsl:call-template name="fill">
            <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'intro'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="s" select="$pack/@standard"/>
            <xsl:with-param name="v"><xsl:call-template name="class-name"><xsl:with-param name="id" select="$pack/@max-class"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="l"><xsl:call-template name="month"/></xsl:with-param>
          </xsl:call-template>
        </p>
        <table widths="28mm 1* 20mm 16mm 18mm 16mm 21mm 21mm 24mm 1*" header-rows="1">
          <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'caption'"/></xsl:call-template></xsl:attribute>
          <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'number'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'doc-title'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'kind'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'version'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'status'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'classification'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'effective'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'review-by'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'released'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'in-pack'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$facts/f:register/d:document">
            <xsl:variable name="p" select="$pack/f:document[@number = current()/@number]"/>
            <row>
              <xsl:if test="$p/@in-pack != 'true'"><xsl:attribute name="background">#F2F2F2</xsl:attribute></xsl:if>
              <cell><xsl:value-of select="@number"/></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:title"/></xsl:call-template></cell>
              <cell><xsl:call-template name="label"><xsl:with-param name="key" select="concat('kind.', @kind)"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@version"/></cell>
              <cell><xsl:call-template name="label"><xsl:with-param name="key" select="concat('status.', @status)"/></xsl:call-template></cell>
              <cell><xsl:call-template name="class-name"><xsl:with-param name="id" select="@classification"/></xsl:call-template></cell>
              <cell><xsl:value-of select="d:revision[last()]/@effective"/></cell>
              <cell>
                <xsl:if test="@f:review-overdue = 'true'"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
                <xsl:value-of select="@review-by"/>
              </cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="$p/@released-version"><p><xsl:value-of select="$p/@released-version"/>（<xsl:value-of select="$p/@release-period"/>）</p><p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'current-unreleased'"/></xsl:call-template></p></xsl:when>
                  <xsl:when test="$p/@released = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'yes'"/></xsl:call-template>（<xsl:value-of select="$p/@release-period"/>）</xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'no'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="$p/@in-pack = 'true'">
                    <xsl:for-each select="$p/f:file"><p style="source"><xsl:value-of select="@name"/></p></xsl:for-each>
                  </xsl:when>
                  <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="concat('reason.', $p/@reason)"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'note'"/></xsl:call-template></p>
      </section>
    </document>
  </xsl:template>
</xsl:stylesheet>
