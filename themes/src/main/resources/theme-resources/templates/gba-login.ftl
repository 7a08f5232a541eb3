<#-- The page behind the GBA challenge (401) and behind every GBA refusal. A GBA device never shows it: it answers
     the challenge itself. A person sees why, and a way on to the realm's other sign-in methods. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
  <#if section = "header">
    ${msg("gbaTitle")}
  <#elseif section = "form">
    <p id="gba-explanation">${msg("gbaExplanation")}</p>
    <form id="kc-gba-fallback" action="${url.loginAction}" method="post">
      <input type="hidden" name="gba_fallback" value="true"/>
      <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
        <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
               type="submit" id="gba-another-way" value="${msg("gbaAnotherWay")}"/>
      </div>
    </form>
  </#if>
</@layout.registrationLayout>
