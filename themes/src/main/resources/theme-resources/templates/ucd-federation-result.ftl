<#-- The outcome of a federation step for a person (IdentityFederationResponse): what happened, in data-result for
     user agents that read it, with the way back (and the sign-in, when that is what is missing). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("ucdFederationResultTitle")}
  <#elseif section = "form">
    <p id="result" data-result="${outcome}">${msg(messageKey, parameter)}</p>
    <#if signInUrl??>
      <p><a id="ucd-sign-in" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" href="${signInUrl}">${msg("ucdSignIn")}</a></p>
    </#if>
    <#if backUrl??>
      <p><a id="ucd-back" href="${backUrl}">${msg("ucdFederationBack")}</a></p>
    </#if>
  </#if>
</@layout.registrationLayout>
