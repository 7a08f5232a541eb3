<#-- The master's question after a federation login: federate this account with the named slave account? -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("ucdFederationConsentTitle")}
  <#elseif section = "form">
    <p id="ucd-federation-consent-text">${msg("ucdFederationConsentText", masterAccount, slaveName, slaveAccount)}</p>
    <form id="kc-federation-consent" action="${url.loginAction}" method="post">
      <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
        <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonLargeClass!}"
               type="submit" name="accept" id="ucd-federation-accept" value="${msg("ucdFederationAccept")}"/>
        <input class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonLargeClass!}"
               type="submit" name="decline" id="ucd-federation-decline" value="${msg("ucdFederationDecline")}"/>
      </div>
    </form>
  </#if>
</@layout.registrationLayout>
