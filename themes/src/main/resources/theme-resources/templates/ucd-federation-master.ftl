<#-- The master's page for a person: the federations their account here holds with slaves, each with a button that
     ends it. Every form carries the page's single-use token. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("ucdFederationMasterPageTitle")}
  <#elseif section = "form">
    <p id="ucd-federation-signed-in">${msg("ucdFederationSignedInAs", username)}</p>
    <#if federations?has_content>
      <h2>${msg("ucdFederationYours")}</h2>
      <ul id="federations">
        <#list federations as f>
          <li>
            <form class="end" method="post" action="${endUrl}">
              <span class="ucd-federation">${msg("ucdFederationWith", f.account, f.slaveName)}</span>
              <input type="hidden" name="slave" value="${f.slave}">
              <input type="hidden" name="formToken" value="${formToken}">
              <button type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}">${msg("ucdFederationEnd")}</button>
            </form>
          </li>
        </#list>
      </ul>
    <#else>
      <p id="ucd-federation-none">${msg("ucdFederationNone")}</p>
    </#if>
    <p><a id="ucd-account" href="${accountUrl}">${msg("ucdFederationToAccount")}</a></p>
  </#if>
</@layout.registrationLayout>
