<?xml version="1.0" encoding="UTF-8"?>
<!--
  evidence.xsl: the clause-to-evidence cross-reference of the audit pack
  (dossier pack): each clause of the standard (templates/clauses/) with the
  documents of the pack and the sections, with their pages, that answer it;
  a clause with no evidence in the pack is marked as a gap. Reads the facts'
  f:pack/f:clauses.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:l="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    exclude-result-prefixes="f d l">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'evidence'"/>
  <xsl:variable name="pack" select="$facts/f:pack"/>
  <xsl:variable name="clauses" select="$pack/f:clauses"/>

  <xsl:template match="/">
    <document>
      <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
      <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'title'"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="date"><xsl:value-of select="$period-end"/></xsl:attribute>
      <xsl:call-template name="pack-head"/>
      <section master="body">
        <h level="1" numbered="false"><xsl:call-template name="L"><xsl:with-param name="k" select="'title'"/></xsl:call-template></h>
        <p style="subtitle"><xsl:call-template name="t"><xsl:with-param name="n" select="$clauses/name"/></xsl:call-template></p>
        <p>
          <xsl:call-template name="fill">
            <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'intro'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="s" select="count($clauses/f:clause)"/>
            <xsl:with-param name="v" select="count($clauses/f:clause[@gap = 'true'])"/>
            <xsl:with-param name="l"><xsl:call-template name="class-name"><xsl:with-param name="id" select="$pack/@max-class"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </p>
        <table widths="16mm 38mm 1* 14mm" header-rows="1">
          <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'caption'"/></xsl:call-template></xsl:attribute>
          <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'clause'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'requirement'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'evidence'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'page'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$clauses/f:clause">
            <xsl:variable name="n" select="count(f:evidence)"/>
            <xsl:choose>
              <xsl:when test="$n = 0">
                <row background="#F9D0D0">
                  <cell><xsl:value-of select="@id"/></cell>
                  <cell><xsl:call-template name="t"><xsl:with-param name="n" select="title"/></xsl:call-template></cell>
                  <cell><b><xsl:call-template name="L"><xsl:with-param name="k" select="'gap'"/></xsl:call-template></b></cell>
                  <cell/>
                </row>
              </xsl:when>
              <xsl:otherwise>
                <xsl:for-each select="f:evidence">
                  <row>
                    <cell><xsl:if test="position() = 1"><xsl:value-of select="../@id"/></xsl:if></cell>
                    <cell><xsl:if test="position() = 1"><xsl:call-template name="t"><xsl:with-param name="n" select="../title"/></xsl:call-template></xsl:if></cell>
                    <cell>
                      <p>
                      <xsl:choose>
                        <xsl:when test="@register = 'true'"><xsl:call-template name="L"><xsl:with-param name="k" select="'the-register'"/></xsl:call-template></xsl:when>
                        <xsl:otherwise>
                          <xsl:value-of select="@number"/><xsl:text> </xsl:text><xsl:value-of select="@version"/><xsl:text> </xsl:text>
                          <xsl:call-template name="t"><xsl:with-param name="n" select="$facts/f:register/d:document[@number = current()/@number]/d:title"/></xsl:call-template>
                          <xsl:if test="@title">
                            <xsl:call-template name="label"><xsl:with-param name="key" select="'sep'"/></xsl:call-template>
                            <xsl:if test="@section != ''"><xsl:value-of select="@section"/><xsl:text> </xsl:text></xsl:if>
                            <xsl:value-of select="@title"/>
                          </xsl:if>
                        </xsl:otherwise>
                      </xsl:choose>
                      </p>
                      <p style="source"><xsl:value-of select="@file"/></p>
                    </cell>
                    <cell align="right"><xsl:value-of select="@page"/></cell>
                  </row>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'note'"/></xsl:call-template></p>
      </section>
    </document>
  </xsl:template>
</xsl:stylesheet>
