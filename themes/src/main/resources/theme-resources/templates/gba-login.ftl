<#-- The page behind the GBA challenge (401) and behind every GBA refusal. A GBA device never shows it: it answers
     the challenge itself. A person sees why and, where the flow has other sign-in methods, is pointed to Keycloak's
     own "Try Another Way" link below the form: the one way on, as on Keycloak's OTP and WebAuthn pages. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
  <#if section = "header">
    ${msg("gbaTitle")}
  <#elseif section = "form">
    <#if auth?has_content && auth.showTryAnotherWayLink()>
      <p id="gba-explanation">${msg("gbaExplanation", msg("doTryAnotherWay"))}</p>
    <#else>
      <p id="gba-explanation">${msg("gbaExplanationOnlyWay")}</p>
    </#if>
  </#if>
</@layout.registrationLayout>
